"""Scenarios: the same plan under other volumes, handle times or attrition, compared side by side."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cs_team.model.hiring import HiringInputs
from cs_team.model.scenario import HiringScenario
from cs_team.staffing.forecast import ChannelForecast, Forecast
from cs_team.staffing.plan_model import HiringPlan
from cs_team.wording import phrase, quoted

_CHANGE = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)\s*%?\s*$")


class ScenarioError(ValueError):
    """A scenario option that cannot be read."""


def percent_change(text: str, option: str) -> float:
    """'+10%', '-5', '7.5 %' -> 10.0, -5.0, 7.5."""
    found = _CHANGE.match(text)
    if not found:
        raise ScenarioError(phrase("staffing.not_a_change", option=option, text=quoted(text)))
    value = float(found.group(1))
    if value <= -100:
        raise ScenarioError(phrase("staffing.change_too_low", option=option, text=text))
    return value


def from_flags(volume: str | None, aht: str | None, attrition: str | None) -> HiringScenario | None:
    """The scenario the command-line flags describe (None when none is given)."""
    if volume is None and aht is None and attrition is None:
        return None
    values = {"volume_percent": percent_change(volume, "--volume") if volume else 0.0,
              "aht_percent": percent_change(aht, "--aht") if aht else 0.0}
    if attrition is not None:
        rate = percent_change(attrition, "--attrition")
        if not 0 <= rate <= 100:
            raise ScenarioError(phrase("staffing.attrition", value=attrition))
        values["attrition_percent_per_month"] = rate
    words = {"zh": [], "en": []}
    if values["volume_percent"]:
        words["zh"].append(f"话务量 {values['volume_percent']:+g}%")
        words["en"].append(f"volume {values['volume_percent']:+g}%")
    if values["aht_percent"]:
        words["zh"].append(f"处理时长 {values['aht_percent']:+g}%")
        words["en"].append(f"handle time {values['aht_percent']:+g}%")
    if "attrition_percent_per_month" in values:
        words["zh"].append(f"月流失率 {values['attrition_percent_per_month']:g}%")
        words["en"].append(f"attrition {values['attrition_percent_per_month']:g}% a month")
    if not words["en"]:  # every flag says "no change" (--volume 0): the title must still say something
        words = {"zh": ["不变"], "en": ["no change"]}
    title = {lang: "，".join(parts) if lang == "zh" else ", ".join(parts) for lang, parts in words.items()}
    return HiringScenario.model_validate({"kind": "hiring-scenario", "format": 1, "id": "flags",
                                          "title": title, **values})


def apply(scenario: HiringScenario, inputs: HiringInputs,
          forecast: Forecast) -> tuple[HiringInputs, Forecast]:
    changes = {}
    if scenario.attrition_percent_per_month is not None:
        changes["attrition_percent_per_month"] = scenario.attrition_percent_per_month
    if scenario.new_hire_attrition_percent_per_month is not None:
        changes["new_hire_attrition_percent_per_month"] = scenario.new_hire_attrition_percent_per_month
        changes["new_hire_90_day_attrition_percent"] = None  # the scenario's monthly rate replaces it
    volume, aht = 1 + scenario.volume_percent / 100, 1 + scenario.aht_percent / 100
    channels = {name: ChannelForecast(c.starts, [v * volume for v in c.volume],
                                      [a * aht for a in c.aht_seconds])
                for name, c in forecast.channels.items()}
    return (inputs.model_copy(update=changes),
            Forecast(forecast.path, forecast.interval_seconds, channels))


def plan_each(inputs: HiringInputs, forecast: Forecast, as_of, scenarios: list[HiringScenario]
              ) -> list[tuple[str, HiringPlan]]:
    """The plan as the inputs are ('baseline'), then under each scenario."""
    from cs_team.staffing.plan import plan

    return [("baseline", plan(inputs, forecast, as_of))] + [
        (scenario.id, plan_under(scenario, inputs, forecast, as_of)) for scenario in scenarios]


def plan_under(scenario: HiringScenario, inputs: HiringInputs, forecast: Forecast, as_of) -> HiringPlan:
    from cs_team.staffing.plan import plan

    result = plan(*apply(scenario, inputs, forecast), as_of)
    result.scenario = {"id": scenario.id, **scenario.model_dump(
        include={"volume_percent", "aht_percent", "attrition_percent_per_month",
                 "new_hire_attrition_percent_per_month"})}
    return result


@dataclass
class Comparison:
    scenario: str
    """The scenario's id ('baseline' for the inputs as they are)."""
    hires: int
    hiring_cost: float
    overtime_cost: float
    temps_cost: float
    total_cost: float
    peak_week: str
    peak_coverage_percent: float
    """Of the busiest week's hours, the share the roster and the classes cover themselves."""
    uncovered_hours: float
    uncovered_weeks: int
    """Weeks with hours no one covers: where the service level is at risk."""


def compare(plans: list[tuple[str, HiringPlan]]) -> list[Comparison]:
    rows = []
    for name, plan in plans:
        peak = max(plan.week_cover, key=lambda w: (w.need_hours, -w.week.toordinal()))
        rows.append(Comparison(
            name, plan.total_hires, plan.costs.hiring, plan.costs.overtime, plan.costs.temps,
            plan.costs.total,
            peak.week.isoformat(),
            round(100 * peak.people_hours / peak.need_hours, 1) if peak.need_hours else 100.0,
            round(sum(w.uncovered_hours for w in plan.week_cover), 2),
            sum(1 for w in plan.week_cover if w.uncovered_hours > 0.005)))
    return rows
