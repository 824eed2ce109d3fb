"""The training-effect report's figures: JSON for other tools, one flat table for csv and xlsx.

The documents (md, html, pdf) lay out the same figures through ``templates/training-effect.*``;
nothing here words a sentence.
"""

from __future__ import annotations

from cs_team.effect.did import MIN_AGENTS, REPLICATES
from cs_team.effect.levels import CohortEffect, Measure
from cs_team.export.workbook import Column, Table
from cs_team.model.kpi import KPI_FIELDS
from cs_team.render.language import Language


def _round(value: float | None, places: int = 2) -> float | None:
    return None if value is None else round(value, places)


def unit(name: str) -> str:
    """percent, seconds, hours or score (QA points and scores)."""
    return "score" if name == "qa" else KPI_FIELDS[name][0]


def measure_dict(measure: Measure) -> dict:
    e = measure.estimate
    return {"measure": measure.name, "unit": unit(measure.name), "trained_change": _round(e.trained_change),
            "untrained_change": _round(e.untrained_change), "difference": _round(e.change),
            "low": _round(e.low), "high": _round(e.high), "trained": e.trained, "untrained": e.untrained,
            "figures": e.observations, "verdict": e.verdict, "better": better(measure)}


def better(measure: Measure) -> bool | None:
    """Whether the change shown is for the better (None when nothing is shown)."""
    verdict = measure.estimate.verdict
    if verdict not in ("up", "down"):
        return None
    return (verdict == "up") == measure.higher_is_better


def effect_dict(effect: CohortEffect) -> dict:
    reaction = effect.reaction
    return {
        "module": effect.module.id, "cohort": effect.cohort or None,
        "trained_on": [day.isoformat() for day in effect.days], "agents": effect.agents,
        "reaction": None if reaction is None else {
            "survey": reaction.survey.id, "respondents": reaction.respondents,
            "out_of": reaction.survey.scale.points, "overall": _round(reaction.overall),
            "favourable_percent": _round(reaction.favourable_percent),
            "questions": {q: _round(v) for q, v in reaction.means.items()},
            "comments": {q: _tallied(said) for q, said in reaction.comments.items()}},
        "learning": {"sat": effect.sat, "mean_score": _round(effect.mean_score),
                     "first_time_pass_rate": _round(effect.first_time_pass_rate)},
        "behaviour": None if effect.behaviour is None else measure_dict(effect.behaviour),
        "results": [measure_dict(m) for m in effect.results],
        "cost": effect.cost, "cost_cohorts": effect.cost_covers or None,
        "cost_per_csat_point": _round(effect.cost_per_csat_point),
    }


def as_dict(effects: list[CohortEffect], untrained: int) -> dict:
    return {"method": {"comparison": "difference in differences", "interval": "bootstrap 95% (percentile)",
                       "replicates": REPLICATES, "min_agents": MIN_AGENTS, "untrained_agents": untrained},
            "modules": [effect_dict(e) for e in effects]}


def tables(data: dict, lang: Language, module_names: dict[str, str]) -> list[Table]:
    """One row per module, cohort, level and measure; the figures the JSON carries."""
    rows = []
    for m in data["modules"]:
        head = [module_names.get(m["module"], m["module"]), m["cohort"] or lang.label("effect_all_cohorts")]
        reaction, learning = m["reaction"], m["learning"]
        blank = [None, None]
        if reaction is not None:
            rows.append([*head, lang.label("effect_levels.reaction"), lang.label("effect_survey_mean"),
                         *blank, reaction["overall"], *blank, reaction["respondents"], None, None, None])
        rows.append([*head, lang.label("effect_levels.learning"), lang.label("effect_mean_score"), *blank,
                     learning["mean_score"], *blank, learning["sat"], None, None, None])
        for level, measures in (("behaviour", [m["behaviour"]] if m["behaviour"] else []),
                                ("results", m["results"])):
            for x in measures:
                rows.append([*head, lang.label(f"effect_levels.{level}"), measure_name(x["measure"], lang),
                             x["trained_change"], x["untrained_change"], x["difference"], x["low"], x["high"],
                             x["trained"], x["untrained"], x["figures"],
                             lang.label(f"effect_verdicts.{x['verdict']}")])
    columns = [Column(lang.label(key), width=width) for key, width in (
        ("module", 30), ("cohort", 14), ("effect_level", 10), ("kpi", 30), ("effect_trained_change", None),
        ("effect_untrained_change", None), ("effect_difference", None), ("effect_low", None),
        ("effect_high", None), ("effect_trained", None), ("effect_untrained", None), ("effect_figures", None),
        ("effect_verdict", 24))]
    tables = [Table(lang.label("effect_title"), columns, rows)]
    costs = [[module_names.get(m["module"], m["module"]), m["cohort"] or lang.label("effect_all_cohorts"),
              m["cost"], lang.label("effect_cost_covers." + ("one" if m["cost_cohorts"] == 1 else "all")),
              next((x["difference"] for x in m["results"] if x["measure"] == "csat_percent"), None),
              m["cost_per_csat_point"]] for m in data["modules"] if m["cost"] is not None]
    if costs:  # what the training cost, and what a point of CSAT cost, beside the figures
        keys = ("module", "cohort", "effect_cost_amount", "effect_cost_scope", "effect_csat_gain",
                "effect_cost_per_point")
        tables.append(Table(lang.label("effect_cost_sheet"), [Column(lang.label(k)) for k in keys], costs))
    return tables


def measure_name(name: str, lang: Language) -> str:
    return lang.label("effect_qa_points") if name == "qa" else lang.label(f"kpis.{name}")


def _tallied(said: list[str]) -> list[dict]:
    """What trainees wrote to one question, each wording once with how many wrote it, the most
    often written first (then in the order first written)."""
    counts: dict[str, int] = {}
    for text in said:
        counts[text] = counts.get(text, 0) + 1
    return [{"text": text, "count": n} for text, n in sorted(counts.items(), key=lambda kv: -kv[1])]
