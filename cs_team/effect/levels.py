"""Kirkpatrick's four levels per module and cohort, from figures already read from files.

1. reaction: the post-training survey (``reaction.py``);
2. learning: the module's assessment, first attempts (training results);
3. behaviour: on QA evaluations, the points earned on the items that evidence the module's
   competencies (the QA form says which), before and after training;
4. results: the KPIs mapped to those competencies (``competency.kpis``), and CSAT always, before
   and after.

Levels 3 and 4 compare the trained with the untrained (``did.py``). Untrained means no training
on record at all in the results given: an agent trained in another module is no clean comparison.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field

from cs_team.effect.did import Estimate, Group, estimate, week_number
from cs_team.effect.reaction import Answer, Reaction, summarise
from cs_team.model.curriculum import Module
from cs_team.model.kpi import KPI_FIELDS
from cs_team.model.qa import QaForm
from cs_team.playbook import Playbook

ALL_COHORTS = ""
"""The cohort of a module's row that pools its cohorts."""


@dataclass(frozen=True)
class Training:
    agent: str
    module: str
    cohort: str
    day: dt.date
    score: float | None
    """The first attempt's score (None for a module without an assessment)."""
    passed: bool


@dataclass(frozen=True)
class KpiFigure:
    agent: str
    first: dt.date
    last: dt.date
    values: dict[str, float]


@dataclass(frozen=True)
class QaFigure:
    agent: str
    day: dt.date
    contact: str
    form: QaForm
    scores: dict[str, float]
    """Item id -> points earned."""


@dataclass
class Measure:
    name: str
    """qa (points on the tied items) or a KPI field."""
    estimate: Estimate
    higher_is_better: bool


@dataclass
class CohortEffect:
    module: Module
    cohort: str
    days: list[dt.date]
    agents: list[str]
    reaction: Reaction | None
    sat: int
    mean_score: float | None
    first_time_pass_rate: float | None
    behaviour: Measure | None
    results: list[Measure] = field(default_factory=list)
    cost: float | None = None
    cost_covers: int = 0
    """How many cohorts the cost is for: 1 for this cohort's, all of them for the module's."""

    @property
    def cost_per_csat_point(self) -> float | None:
        """The cost over the CSAT points gained, when a gain is shown (its interval above zero)."""
        csat = next((m for m in self.results if m.name == "csat_percent"), None)
        if self.cost is None or csat is None or csat.estimate.verdict != "up":
            return None
        return self.cost / csat.estimate.change


def tied_items(playbook: Playbook, module: Module, form: QaForm) -> list[str]:
    wanted = set(module.competencies)
    return [item.id for _, _, item in form.items() if wanted & set(item.competencies)]


def kpi_names(playbook: Playbook, module: Module, present: set[str]) -> list[str]:
    """CSAT, and the KPIs of the module's competencies, that the export has, in KPI_FIELDS order."""
    wanted = {"csat_percent"} | {k for c in module.competencies if c in playbook.competencies
                                 for k in playbook.competencies[c].kpis}
    return [name for name in KPI_FIELDS if name in wanted and name in present]


def _qa_series(playbook: Playbook, module: Module, evaluations: list[QaFigure]) -> dict:
    """Agent -> (week, week, points on the tied items) per contact (two evaluators averaged)."""
    by_contact: dict[tuple[str, str], list[float]] = {}
    weeks: dict[tuple[str, str], int] = {}
    for e in evaluations:
        items = tied_items(playbook, module, e.form)
        if items:
            key = (e.agent, e.contact)
            by_contact.setdefault(key, []).append(sum(e.scores.get(i, 0.0) for i in items))
            weeks[key] = week_number(e.day)
    series: dict[str, list[tuple[int, int, float]]] = {}
    for (agent, contact), points in sorted(by_contact.items()):
        week = weeks[agent, contact]
        series.setdefault(agent, []).append((week, week, statistics.fmean(points)))
    return series


def _kpi_series(kpis: list[KpiFigure], name: str) -> dict:
    series: dict[str, list[tuple[int, int, float]]] = {}
    for k in kpis:
        if name in k.values:
            series.setdefault(k.agent, []).append((week_number(k.first), week_number(k.last), k.values[name]))
    return series


def effects(playbook: Playbook, trainings: list[Training], kpis: list[KpiFigure], evaluations: list[QaFigure],
            answers: list[Answer], costs: dict[str, float]) -> list[CohortEffect]:
    """Per module (in curriculum order): each cohort, then all its cohorts pooled when more than one."""
    untrained = untrained_agents(trainings, kpis, evaluations)
    present = {name for k in kpis for name in k.values}
    found: list[CohortEffect] = []
    for module_id in [m for m in playbook.modules if any(t.module == m for t in trainings)]:
        module = playbook.modules[module_id]
        mine = [t for t in trainings if t.module == module_id]
        cohorts = list(dict.fromkeys(t.cohort for t in mine))
        qa = _qa_series(playbook, module, evaluations)
        series = {name: _kpi_series(kpis, name) for name in kpi_names(playbook, module, present)}
        rows = [[c] for c in cohorts] + ([cohorts] if len(cohorts) > 1 else [])
        for chosen in rows:
            group = [t for t in mine if t.cohort in chosen]
            groups = [Group(tuple(t.agent for t in group if t.cohort == c),
                            week_number(min(t.day for t in group if t.cohort == c))) for c in chosen]
            cohort = chosen[0] if len(chosen) == 1 else ALL_COHORTS
            scored = [t for t in group if t.score is not None]
            said = [a for a in answers if a.module == module_id and a.cohort in chosen]
            reaction = summarise(said, module_id, cohort) if said else None
            results = [Measure(name, estimate(s, groups, untrained), KPI_FIELDS[name][1])
                       for name, s in series.items()]
            found.append(CohortEffect(
                module, cohort, sorted({t.day for t in group}), sorted(t.agent for t in group), reaction,
                len(scored), statistics.fmean(t.score for t in scored) if scored else None,
                100 * sum(t.passed for t in scored) / len(scored) if scored else None,
                Measure("qa", estimate(qa, groups, untrained), True) if qa else None, results,
                *_cost(costs, module_id, chosen, cohorts)))
    return found


def _cost(costs: dict[str, float], module: str, chosen: list[str],
          cohorts: list[str]) -> tuple[float | None, int]:
    """What the chosen cohorts cost and how many cohorts that covers: a cohort's own cost, or the
    module's when it has one cohort; pooled, the module's, else the cohorts' own when each has one."""
    if len(chosen) == 1 and chosen[0] in costs:
        return costs[chosen[0]], 1
    if len(chosen) == len(cohorts) and module in costs:
        return costs[module], len(cohorts)
    if len(chosen) > 1 and all(c in costs for c in chosen):
        return sum(costs[c] for c in chosen), len(chosen)
    return None, 0


def untrained_agents(trainings: list[Training], kpis: list[KpiFigure],
                     evaluations: list[QaFigure]) -> list[str]:
    """Agents with figures and no training on record in any module."""
    trained = {t.agent for t in trainings}
    return sorted(({k.agent for k in kpis} | {e.agent for e in evaluations}) - trained)


def trainings_from(attempts: list) -> list[Training]:
    """One training per agent and module from training results: the first attempt's day and score."""
    first: dict[tuple[str, str], object] = {}
    for attempt in sorted(attempts, key=lambda a: a.number):
        first.setdefault((attempt.hire, attempt.module.id), attempt)
    return [Training(a.hire, a.module.id, a.cohort, a.date, a.score, a.passed)
            for a in first.values() if a.date is not None]
