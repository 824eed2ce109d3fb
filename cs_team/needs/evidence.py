"""Per agent, each measure of a competency against its target, and whether it is a need.

A KPI is measured against the agent's role's target (its level's probation target, the role's own
winning: ``Playbook.probation_targets``); it evidences the competencies whose ``kpis`` name it. A QA
item is measured as the share of its points earned against the role's ``quality_percent`` target
(or ``Settings.qa_target``); it evidences the competencies the form's item names.

A training assessment (``training-results``) is measured against its module's pass mark and shows
the module's competencies: its latest attempt failed, it falls short.

Noise is not a need: a measure is flagged only over at least ``min_periods`` periods of which more
than half are below target, on average ``min_gap`` percent of the target or more short of it, and
on at least ``min_contacts`` contacts (KPIs) or ``min_evaluations`` evaluations (QA). Which
competency a flagged measure points to is ``report``'s to judge. An agent's needs depend on their
own rows only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from cs_team.inputs.qa_results import Evaluated
from cs_team.model.common import Text
from cs_team.model.kpi import KPI_FIELDS
from cs_team.playbook import Playbook


@dataclass(frozen=True)
class Settings:
    min_periods: int = 3
    """Periods a measure needs before anyone is flagged on it (one bad week is not a gap)."""
    min_contacts: int = 200
    """Contacts a KPI judgement rests on, at least."""
    min_evaluations: int = 5
    """QA evaluations a QA-item judgement rests on, at least."""
    qa_target: float = 90
    """Share of an item's points to earn when the role sets no quality_percent target."""
    shared_share: float = 25
    """A gap is shared by many when at least this percent of the agents measured on it (and two) have it."""
    min_gap: float = 2
    """Percent of the target a measure must fall short by: within it, the figure is ordinary variation."""


@dataclass
class Evidence:
    source: str
    """kpi or qa."""
    measure: str
    """The KPI's name, or ``form/item`` for a QA item."""
    title: Text | None
    """A QA item's title (a KPI is named by the document labels)."""
    target: float
    higher_better: bool
    value: float
    periods: int
    below: int
    sample: int
    """Contacts (KPI) or evaluations (QA) the measure rests on."""
    flagged: bool = False

    @property
    def gap(self) -> float:
        """How far the value falls short of the target, in percent of the target (0 or less: met)."""
        short = self.target - self.value if self.higher_better else self.value - self.target
        return 100 * short / self.target if self.target else short


@dataclass
class AgentEvidence:
    agent: str
    role: str | None
    periods: list[str]
    contacts: int
    evaluations: int
    by_competency: dict[str, list[Evidence]] = field(default_factory=dict)
    taken: dict[str, Any] = field(default_factory=dict)
    """Module id -> the day of the agent's first attempt at it (None when undated): a refresher
    they already sat is worth a second look before it is booked again."""


def period_of(day: Any) -> str:
    """The period an evaluation counts in: its month. An agent has a handful of contacts evaluated a
    month, so a week's one or two would make every item's weekly figure a coin toss."""
    return f"{day.year}-{day.month:02d}"


def gather(playbook: Playbook, kpi_rows: list[Any], evaluated: list[Evaluated],
           settings: Settings, attempts: list[Any] = ()) -> list[AgentEvidence]:  # type: ignore[assignment]
    """Every agent's evidence, agents sorted by name, measures in a fixed order."""
    rows_of: dict[str, list[Any]] = defaultdict(list)
    for row in kpi_rows:
        rows_of[row.agent].append(row)
    evaluations_of: dict[str, list[Evaluated]] = defaultdict(list)
    for e in evaluated:
        evaluations_of[e.evaluation.agent].append(e)
    attempts_of: dict[str, list[Any]] = defaultdict(list)
    for attempt in attempts:
        attempts_of[attempt.hire].append(attempt)
    by_kpi: dict[str, list[str]] = defaultdict(list)
    for competency_id in sorted(playbook.competencies):
        for kpi in playbook.competencies[competency_id].kpis:
            by_kpi[kpi].append(competency_id)
    found = []
    for agent in sorted(set(rows_of) | set(evaluations_of) | set(attempts_of)):
        rows = sorted(rows_of[agent], key=lambda r: r.period)
        role_id = rows[-1].role if rows else None
        role = playbook.roles.get(role_id) if role_id else None
        targets = playbook.probation_targets(role) if role is not None else {}
        evidence = AgentEvidence(agent, role_id, [r.period for r in rows], sum(r.contacts for r in rows),
                                 len(evaluations_of[agent]))
        for kpi, target in targets.items():
            measured = _kpi(kpi, target, rows, settings)
            for competency in by_kpi.get(kpi, []) if measured else []:
                evidence.by_competency.setdefault(competency, []).append(measured)
        qa_target = targets.get("quality_percent", settings.qa_target)
        for competencies, measured in _qa(evaluations_of[agent], qa_target, settings):
            for competency in competencies:
                if competency in playbook.competencies:
                    evidence.by_competency.setdefault(competency, []).append(measured)
        for attempt in sorted(attempts_of[agent], key=lambda a: a.number):
            evidence.taken.setdefault(attempt.module.id, attempt.date)
        for competencies, measured in _assessments(attempts_of[agent]):
            for competency in competencies:
                if competency in playbook.competencies:
                    evidence.by_competency.setdefault(competency, []).append(measured)
        found.append(evidence)
    return found


def _assessments(attempts: list[Any]) -> list[tuple[list[str], Evidence]]:
    """Per assessed module, its attempts against the pass mark: short when the latest failed."""
    by_module: dict[str, list[Any]] = defaultdict(list)
    for attempt in attempts:
        if attempt.module.assessment is not None and attempt.score is not None:
            by_module[attempt.module.id].append(attempt)
    measured = []
    for module_id in sorted(by_module):
        tries = sorted(by_module[module_id], key=lambda a: a.number)
        module, last = tries[-1].module, tries[-1]
        failed = sum(1 for a in tries if not a.passed)
        evidence = Evidence("assessment", module_id, module.title, module.assessment.pass_mark, True,
                            last.score, len(tries), failed, len(tries), not last.passed)
        measured.append((list(module.competencies), evidence))
    return measured


def _judge(evidence: Evidence, minimum: int, settings: Settings) -> Evidence:
    evidence.flagged = (evidence.periods >= settings.min_periods and 2 * evidence.below > evidence.periods
                        and evidence.sample >= minimum and evidence.gap >= settings.min_gap)
    return evidence


def _kpi(kpi: str, target: float, rows: list[Any], settings: Settings) -> Evidence | None:
    higher = KPI_FIELDS[kpi][1]
    given = [(getattr(r, kpi), r.contacts) for r in rows if getattr(r, kpi) is not None]
    if not given:
        return None
    contacts = sum(c for _, c in given)
    # Rates over the contacts handled: a week of 400 contacts weighs more than one of 40.
    value = sum(v * c for v, c in given) / contacts if contacts else sum(v for v, _ in given) / len(given)
    below = sum(1 for v, _ in given if (v < target if higher else v > target))
    return _judge(Evidence("kpi", kpi, None, target, higher, value, len(given), below, contacts),
                  settings.min_contacts, settings)


def _qa(found: list[Evaluated], target: float, settings: Settings) -> list[tuple[list[str], Evidence]]:
    earned: dict[tuple[str, str], dict[str, list[float]]] = {}
    items = {}
    for e in found:
        points = e.evaluation.points()
        for _, _, item in e.form.items():
            key = (e.form.id, item.id)
            items[key] = item
            share = 100 * points[item.id] / item.points
            earned.setdefault(key, {}).setdefault(period_of(e.evaluation.date), []).append(share)
    measured = []
    for key in sorted(earned):
        per_period = earned[key]
        shares = [s for period in per_period.values() for s in period]
        below = sum(1 for period in per_period.values() if sum(period) / len(period) < target)
        evidence = Evidence("qa", "/".join(key), items[key].title, target, True, sum(shares) / len(shares),
                            len(per_period), below, len(shares))
        measured.append((list(items[key].competencies), _judge(evidence, settings.min_evaluations, settings)))
    return measured
