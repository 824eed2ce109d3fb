"""The files training-effect reads, through the input layer's readers, as the figures ``levels`` uses.

Training results (who was trained in which module, when, with what score) through
``results.training``; KPI exports and QA evaluations through the readers of ``qa-results`` and
``training-needs`` (``inputs.kpi_export``, ``inputs.qa_results``); surveys through ``reaction``.
Every problem of every file is collected before anything is computed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cs_team.effect.levels import KpiFigure, QaFigure, Training, trainings_from
from cs_team.effect.reaction import Answer, read_answers
from cs_team.inputs.problems import Problems
from cs_team.playbook import Playbook


@dataclass
class Sources:
    trainings: list[Training]
    kpis: list[KpiFigure]
    evaluations: list[QaFigure]
    answers: list[Answer]


def _named(paths: list[Path]) -> list[tuple[Path, str]]:
    from cs_team.repo import display_path
    from cs_team.results.records import files_in

    return [(path, display_path(path)) for path in files_in(paths)]


def read_sources(playbook: Playbook, results: list[Path], kpis: list[Path], qa: list[Path],
                 surveys: list[Path], cwd: Path, lang: str, notes: list[str]) -> Sources:
    from cs_team.inputs.kpi_export import read_kpi_exports
    from cs_team.inputs.qa_results import read_evaluations
    from cs_team.model.kpi_export import period_days
    from cs_team.results.training_files import read_results

    attempts = read_results(playbook, results, cwd, lang, notes)  # raises its own problems
    problems = Problems(lang, notes=notes)
    for attempt in attempts:
        if attempt.date is None and attempt.number == 1:
            problems.say(attempt.where, f"{attempt.hire}：training-effect 需要培训日期（date 列）",
                         f"{attempt.hire}: training-effect needs the day of the training (a date column)")
    rows = read_kpi_exports(_named(kpis), problems, set(playbook.roles))
    figures = [KpiFigure(row.agent, *period_days(row.period), row.kpis()) for row in rows]
    evaluated = read_evaluations(_named(qa), problems, playbook.qa_forms, playbook.default_language)
    evaluations = [QaFigure(e.evaluation.agent, e.evaluation.date, e.evaluation.contact_id, e.form,
                            e.evaluation.points()) for e in evaluated]
    answers = [answer for path, display in _named(surveys)
               for answer in read_answers(playbook, path, display, problems)]
    problems.raise_any()
    return Sources(trainings_from(attempts), figures, evaluations, answers)
