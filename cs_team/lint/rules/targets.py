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

# KPI field -> (lowest plausible, highest plausible)
PLAUSIBLE_KPI: dict[str, tuple[float, float]] = {
    "csat_percent": (50, 100), "fcr_percent": (40, 100), "quality_percent": (50, 100),
    "adherence_percent": (70, 100), "escalation_percent": (0, 30),
    "aht_seconds": (30, 3600), "response_seconds": (1, 86400), "nps": (-50, 100),
}


def _kpis(playbook: Playbook) -> Iterator[tuple[Site, KpiTargets]]:
    for role in playbook.roles.values():
        if role.kpi_targets is not None:
            yield playbook.site(role).at("kpi_targets"), role.kpi_targets
    for rules in playbook.evaluation:
        for level, targets in rules.probation.targets.items():
            yield playbook.site(rules).at("probation", "targets", level), targets


def _impossible_kpi(name: str, value: float) -> str | None:
    unit = KPI_FIELDS[name][0]
    if unit == "percent" and not 0 <= value <= 100:
        return f"{name} {value:g} is not a percentage between 0 and 100"
    if unit == "seconds" and value <= 0:
        return f"{name} must be a positive number of seconds, got {value:g}"
    if unit == "score" and not -100 <= value <= 100:
        return f"{name} {value:g} is outside the NPS range -100..100"
    return None


def _channel_problems(inputs) -> Iterator[tuple[tuple, str]]:
    for c, channel in enumerate(inputs.channels):
        at = ("channels", c)
        sl = channel.service_level
        if sl is not None and not 0 < sl.percent < 100:
            yield (*at, "service_level", "percent"), (
                f"service level {sl.percent:g} % must lie between 0 and 100 (100 % is unreachable "
                "in a queue)")
        if sl is not None and sl.within_seconds <= 0:
            yield (*at, "service_level", "within_seconds"), "the answer time must be positive"
        for name in ("asa_seconds", "response_hours"):
            value = getattr(channel, name)
            if value is not None and value <= 0:
                yield (*at, name), f"{name} must be positive, got {value:g}"
        if channel.concurrency < 1:
            yield (*at, "concurrency"), (
                f"concurrency {channel.concurrency:g} is below 1: an agent handles at least one "
                "contact at a time")
        occupancy = channel.max_occupancy_percent
        if occupancy is not None and not 0 < occupancy <= 100:
            yield (*at, "max_occupancy_percent"), f"occupancy {occupancy:g} % must be in (0, 100]"
        if channel.type == "email":
            if channel.response_hours is None:
                yield at, f"email channel '{channel.id}' needs `response_hours:` as its target"
        elif sl is None and channel.asa_seconds is None:
            yield at, (f"{channel.type} channel '{channel.id}' needs a target: `service_level:` "
                       "(percent, within_seconds) or `asa_seconds:`")
    for s, source in enumerate(inputs.sourcing):
        for name, value in source.funnel:
            if not 0 < value <= 100:
                yield ("sourcing", s, "funnel", name), f"{name} {value:g} must be in (0, 100]"
    for w, value in enumerate(inputs.ramp_percent):
        if not 0 < value <= 100:
            yield ("ramp_percent", w), f"ramp week {w + 1}: {value:g} % must be in (0, 100]"
    if inputs.attrition_percent_per_month < 0:
        yield ("attrition_percent_per_month",), "attrition cannot be negative"


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
            slip = (f"; did you mean {value * 100:g} (percentages are written as 85, not 0.85)?"
                    if KPI_FIELDS[name][0] == "percent" and 0 < value <= 1 else "")
            yield Report(site.at(name), f"{name} {value:g} is outside the usual {low:g}-{high:g}{slip}")
    for inputs in playbook.hiring.values():
        site = playbook.site(inputs)
        for c, channel in enumerate(inputs.channels):
            occupancy = channel.max_occupancy_percent
            if occupancy is not None and 90 < occupancy <= 100:
                yield Report(site.at("channels", c, "max_occupancy_percent"), (
                    f"occupancy above 90 % ({occupancy:g}) burns agents out; 75-85 % is sustainable"))
            if channel.concurrency > 4:
                yield Report(site.at("channels", c, "concurrency"), (
                    f"{channel.concurrency:g} contacts at once puts quality at risk; 2-3 is usual"))
        total = _shrinkage(inputs)
        if 50 < total < 100:
            yield Report(site.at("shrinkage"), f"shrinkage of {total:g} % is far above the usual "
                         "24-40 %")
        if 15 < inputs.attrition_percent_per_month < 100:
            yield Report(site.at("attrition_percent_per_month"), (
                f"attrition of {inputs.attrition_percent_per_month:g} % a month is far above the "
                "usual 3-5 %; is it a yearly figure? (use attrition per month)"))


def _shrinkage(inputs) -> float:
    return inputs.shrinkage if isinstance(inputs.shrinkage, float | int) else inputs.shrinkage.total()


def check_rates(playbook: Playbook) -> Iterator[Report]:
    for inputs in playbook.hiring.values():
        site = playbook.site(inputs)
        total = _shrinkage(inputs)
        if total >= 100:
            items = "" if isinstance(inputs.shrinkage, float | int) else " (the items add up to it)"
            yield Report(site.at("shrinkage"), (
                f"shrinkage of {total:g} %{items} leaves no time on the floor; it must be below 100 "
                "(typically 24-40)"), key=True)
        if inputs.attrition_percent_per_month >= 100:
            yield Report(site.at("attrition_percent_per_month"), (
                f"attrition of {inputs.attrition_percent_per_month:g} % a month replaces the whole "
                "team every month; it must be below 100 (typically 3-5)"))
