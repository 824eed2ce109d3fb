"""CS210, CS211, CS212: KPI and service targets are possible, plausible, and rates below 100 %.

The plausible ranges come from published contact-centre figures (SQM,
ContactBabel, QATC): outside them a target is more likely a unit slip (0.85
written for 85 %) than an ambition.
"""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.model.kpi import KPI_FIELDS, KpiTargets
from cs_team.playbook import Playbook, Site
from cs_team.wording import Phrase, phrase

# KPI field -> (lowest plausible, highest plausible)
PLAUSIBLE_KPI: dict[str, tuple[float, float]] = {
    "csat_percent": (50, 100), "fcr_percent": (40, 100), "quality_percent": (50, 100),
    "adherence_percent": (70, 100), "escalation_percent": (0, 30),
    "aht_seconds": (30, 3600), "response_seconds": (1, 86400), "nps": (-50, 100),
    "conversion_percent": (5, 90), "closure_hours": (1, 720), "reopen_percent": (0, 30),
    "calibration_variance": (0, 20), "forecast_accuracy_percent": (60, 100),
    "report_on_time_percent": (50, 100),
}


def _kpis(playbook: Playbook) -> Iterator[tuple[Site, KpiTargets]]:
    for role in playbook.roles.values():
        if role.kpi_targets is not None:
            yield playbook.site(role).at("kpi_targets"), role.kpi_targets
    for rules in playbook.evaluation:
        for level, targets in rules.probation.targets.items():
            yield playbook.site(rules).at("probation", "targets", level), targets


def _impossible_kpi(name: str, value: float) -> Phrase | None:
    unit = KPI_FIELDS[name][0]
    if unit == "percent" and not 0 <= value <= 100:
        return phrase("targets.not_percentage", name=name, value=float(value))
    if unit == "seconds" and value <= 0:
        return phrase("targets.not_positive_seconds", name=name, value=float(value))
    if unit == "hours" and value <= 0:
        return phrase("targets.not_positive_hours", name=name, value=float(value))
    if unit == "score" and not -100 <= value <= 100:
        return phrase("targets.nps_range", name=name, value=float(value))
    return None


def _channel_problems(inputs) -> Iterator[tuple[tuple, Phrase]]:
    for c, channel in enumerate(inputs.channels):
        at = ("channels", c)
        sl = channel.service_level
        if sl is not None and not 0 < sl.percent / 100 < 1:  # as the plan uses it (5e-324 % is 0)
            yield (*at, "service_level", "percent"), phrase("targets.service_level_percent",
                                                             value=float(sl.percent))
        if sl is not None and sl.within_seconds <= 0:
            yield (*at, "service_level", "within_seconds"), phrase("targets.answer_time")
        for name in ("asa_seconds", "response_hours"):
            value = getattr(channel, name)
            if value is not None and value <= 0:
                yield (*at, name), phrase("targets.positive", name=name, value=float(value))
        if channel.concurrency < 1:
            yield (*at, "concurrency"), phrase("targets.concurrency", value=float(channel.concurrency))
        occupancy = channel.max_occupancy_percent
        if occupancy is not None and not 0 < occupancy <= 100:
            yield (*at, "max_occupancy_percent"), phrase("targets.occupancy", value=float(occupancy))
        if channel.type == "email":
            if channel.response_hours is None:
                yield at, phrase("targets.email_target", channel=channel.id)
        elif sl is None and channel.asa_seconds is None:
            yield at, phrase("targets.channel_target", type=channel.type, channel=channel.id)
    for s, source in enumerate(inputs.sourcing):
        for name, value in source.funnel:
            if not 0 < value <= 100:
                yield ("sourcing", s, "funnel", name), phrase("targets.funnel", name=name, value=float(value))
    for w, value in enumerate(inputs.ramp_percent):
        if not 0 < value <= 100:
            yield ("ramp_percent", w), phrase("targets.ramp", week=w + 1, value=float(value))
    if inputs.attrition_percent_per_month < 0:
        yield ("attrition_percent_per_month",), phrase("targets.attrition_negative")


def check_impossible(playbook: Playbook) -> Iterator[Report]:
    for site, targets in _kpis(playbook):
        for name, value in targets.items():
            if problem := _impossible_kpi(name, value):
                yield Report(site.at(name), problem)
    for inputs in playbook.hiring.values():
        for path, problem in _channel_problems(inputs):
            yield Report(playbook.site(inputs).at(*path), problem)


def check_implausible(playbook: Playbook) -> Iterator[Report]:
    for site, targets in _kpis(playbook):
        for name, value in targets.items():
            low, high = PLAUSIBLE_KPI[name]
            if _impossible_kpi(name, value) or low <= value <= high:
                continue
            slip = (phrase("targets.percent_slip", value=float(value * 100))
                    if KPI_FIELDS[name][0] == "percent" and 0 < value <= 1 else "")
            yield Report(site.at(name), phrase("targets.usual_range", name=name, value=float(value),
                                               low=float(low), high=float(high), slip=slip))
    for inputs in playbook.hiring.values():
        site = playbook.site(inputs)
        for c, channel in enumerate(inputs.channels):
            occupancy = channel.max_occupancy_percent
            if occupancy is not None and 90 < occupancy <= 100:
                yield Report(site.at("channels", c, "max_occupancy_percent"),
                             phrase("targets.occupancy_high", value=float(occupancy)))
            if channel.concurrency > 4:
                yield Report(site.at("channels", c, "concurrency"),
                             phrase("targets.concurrency_high", value=float(channel.concurrency)))
        total = _shrinkage(inputs)
        if 50 < total < 100:
            yield Report(site.at("shrinkage"), phrase("targets.shrinkage_high", value=float(total)))
        if 15 < inputs.attrition_percent_per_month < 100:
            yield Report(site.at("attrition_percent_per_month"), phrase(
                "targets.attrition_high", value=float(inputs.attrition_percent_per_month)))


def _shrinkage(inputs) -> float:
    return inputs.shrinkage if isinstance(inputs.shrinkage, float | int) else inputs.shrinkage.total()


def check_rates(playbook: Playbook) -> Iterator[Report]:
    for inputs in playbook.hiring.values():
        site = playbook.site(inputs)
        total = _shrinkage(inputs)
        if total >= 100:
            items = "" if isinstance(inputs.shrinkage, float | int) else phrase("targets.shrinkage_items")
            yield Report(site.at("shrinkage"), phrase("targets.shrinkage_total", value=float(total),
                                                      items=items), key=True)
        if inputs.attrition_percent_per_month >= 100:
            yield Report(site.at("attrition_percent_per_month"), phrase(
                "targets.attrition_total", value=float(inputs.attrition_percent_per_month)))
