"""Training assessment results: pass, retrain or reassign per module, and the rates teams track.

A results file lists attempts: ``hire``, ``cohort`` (optional), ``module``, ``attempt`` (1 for the
first sitting), and a score out of 100 for each of the module's assessment methods (``theory``,
``simulation``, ``practical``); a module without an assessment records ``attended`` instead. As
YAML, ``kind: training-results`` with the attempts under ``results``; as CSV, one attempt a row.

Rules, from the curriculum: the module score is the mean of its methods' scores; it passes at
the module's pass mark. A failed attempt with retakes left means retrain and sit again; with
none left, ``on_fail`` decides (``retrain``, ``reassign``, or ``retrain-then-reassign``, which
reassigns once the retakes are used). ``on_fail: reassign`` reassigns at the first failure.

Rates: a module's first-time pass rate is first attempts passed / hires who sat it; its
completion rate is hires who passed (at any attempt, or attended) / hires in the cohort. A
cohort's completion rate is hires who completed every module on record for the cohort.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass

from cs_team.model.curriculum import Module

METHODS = ("theory", "simulation", "practical")
NO_COHORT = ""


@dataclass
class Attempt:
    hire: str
    cohort: str
    module: Module
    number: int
    scores: dict[str, float]
    attended: bool | None
    where: str
    date: dt.date | None = None
    """The day of the attempt (training-effect dates the training by it)."""

    @property
    def score(self) -> float | None:
        return statistics.fmean(self.scores.values()) if self.scores else None

    @property
    def passed(self) -> bool:
        if self.module.assessment is None:
            return bool(self.attended)
        return self.score is not None and self.score >= self.module.assessment.pass_mark


@dataclass
class Outcome:
    hire: str
    cohort: str
    module: Module
    attempts: list[Attempt]
    decision: str
    """pass, attended, retake (a retake is left), retrain, reassign or absent."""

    @property
    def completed(self) -> bool:
        return self.decision in ("pass", "attended")


@dataclass
class ModuleRate:
    module: Module
    hires: int
    sat: int
    first_time_passes: int
    completed: int

    @property
    def first_time_pass_rate(self) -> float | None:
        return 100 * self.first_time_passes / self.sat if self.sat else None

    @property
    def completion_rate(self) -> float:
        return 100 * self.completed / self.hires if self.hires else 0.0


@dataclass
class CohortReport:
    cohort: str
    hires: list[str]
    outcomes: list[Outcome]
    modules: list[ModuleRate]
    completed_hires: int

    @property
    def completion_rate(self) -> float:
        return 100 * self.completed_hires / len(self.hires) if self.hires else 0.0


def _decision(module: Module, attempts: list[Attempt]) -> str:
    last = attempts[-1]
    if module.assessment is None:
        return "attended" if last.attended else "absent"
    if last.passed:
        return "pass"
    assessment = module.assessment
    if assessment.on_fail == "reassign":
        return "reassign"
    if last.number <= assessment.retakes:
        return "retake"
    return "retrain" if assessment.on_fail == "retrain" else "reassign"


def report(attempts: list[Attempt], module_order: list[str] | None = None) -> list[CohortReport]:
    """Per cohort (by name), each hire's outcome per module and the rates; modules in
    ``module_order`` (the curricula's order), else by id."""
    position = {m: i for i, m in enumerate(module_order or [])}
    cohorts: dict[str, list[Attempt]] = {}
    for attempt in attempts:
        cohorts.setdefault(attempt.cohort, []).append(attempt)
    reports = []
    for name in sorted(cohorts):
        reports.append(_cohort(name, cohorts[name], position))
    return reports


def _cohort(name: str, rows: list[Attempt], position: dict[str, int]) -> CohortReport:
    """One cohort's outcomes and rates, grouping rows once (linear in rows, not hires x rows)."""
    hires = sorted({a.hire for a in rows})
    modules: dict[str, Module] = {}
    for attempt in sorted(rows, key=lambda a: (position.get(a.module.id, len(position)), a.module.id)):
        modules.setdefault(attempt.module.id, attempt.module)
    order = {module_id: i for i, module_id in enumerate(modules)}
    grouped: dict[tuple[str, str], list[Attempt]] = {}
    for attempt in rows:
        grouped.setdefault((attempt.hire, attempt.module.id), []).append(attempt)
    outcomes = []
    for (hire, module_id), tries in grouped.items():
        tries.sort(key=lambda a: a.number)
        module = modules[module_id]
        outcomes.append(Outcome(hire, name, module, tries, _decision(module, tries)))
    outcomes.sort(key=lambda o: (o.hire, order[o.module.id]))
    per_module: dict[str, list[Outcome]] = {module_id: [] for module_id in modules}
    completed_modules: dict[str, int] = {}
    for outcome in outcomes:
        per_module[outcome.module.id].append(outcome)
        if outcome.completed:
            completed_modules[outcome.hire] = completed_modules.get(outcome.hire, 0) + 1
    rates = []
    for module_id, module in modules.items():
        mine = per_module[module_id]
        sat = mine if module.assessment is not None else []
        rates.append(ModuleRate(module, len(hires), len(sat),
                                sum(1 for o in sat if o.attempts[0].passed and o.attempts[0].number == 1),
                                sum(1 for o in mine if o.completed)))
    completed = sum(1 for hire in hires if completed_modules.get(hire, 0) == len(modules))
    return CohortReport(name, hires, outcomes, rates, completed)


def as_dict(reports: list[CohortReport]) -> dict:
    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 2)

    return {"cohorts": [{
        "cohort": c.cohort, "hires": c.hires, "completion_rate": r(c.completion_rate),
        "modules": [{"module": m.module.id, "hires": m.hires, "sat": m.sat,
                     "first_time_pass_rate": r(m.first_time_pass_rate),
                     "completion_rate": r(m.completion_rate)}
                    for m in c.modules],
        "outcomes": [{"hire": o.hire, "module": o.module.id, "decision": o.decision,
                      "attempts": [{"attempt": a.number, "scores": a.scores, "score": r(a.score),
                                    "passed": a.passed} for a in o.attempts]}
                     for o in c.outcomes],
    } for c in reports]}
