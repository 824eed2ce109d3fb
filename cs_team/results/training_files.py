"""Reading training results files (YAML, CSV, xlsx) into attempts: each row validated by
``cs_team.model.results.TrainingAttempt``, then checked against the curricula (the module
exists, is assessed by that method, allows that many retakes); every problem of every file is
reported before anything is counted."""

from __future__ import annotations

from pathlib import Path

from cs_team.inputs import labels
from cs_team.inputs.problems import language_of
from cs_team.model.results import TrainingAttempt
from cs_team.playbook import Playbook
from cs_team.repo import display_path
from cs_team.results.records import (
    Problems,
    Record,
    files_in,
    is_table,
    read_results_table,
    read_results_yaml,
    validated,
)
from cs_team.results.training import METHODS, NO_COHORT, Attempt
from cs_team.wording import did_you_mean, phrase, quoted


def read_results(playbook: Playbook, paths: list[Path], cwd: Path,
                 lang: str | None = None, notes: list[str] | None = None) -> list[Attempt]:
    problems = Problems(language_of(lang, playbook.default_language), notes=[] if notes is None else notes)
    attempts: list[Attempt] = []
    for path in files_in(paths):
        display = display_path(path, cwd)
        if is_table(path):
            records = read_results_table(path, display, problems, "training-results")
        else:
            records = _yaml_records(path, display, problems)
        for record in records:
            attempt = _attempt(playbook, record, problems)
            if attempt is not None:
                attempts.append(attempt)
    seen: dict[tuple[str, str, int], str] = {}
    for attempt in attempts:
        key = (attempt.hire, attempt.module.id, attempt.number)
        if key in seen:
            problems.add(attempt.where, phrase("results.attempt_twice", hire=attempt.hire,
                                                number=attempt.number, module=attempt.module.id,
                                                first=seen[key]))
        seen[key] = attempt.where
    by_module: dict[tuple[str, str], list[Attempt]] = {}
    for attempt in attempts:
        by_module.setdefault((attempt.hire, attempt.module.id), []).append(attempt)
    for (hire, module_id), tries in by_module.items():
        numbers = {a.number for a in tries}
        if len(numbers) != max(numbers):  # whole numbers from 1: a gap when fewer than the highest
            missing = min(set(range(1, max(numbers) + 1)) - numbers)
            problems.add(tries[0].where,
                         phrase("results.attempt_gap", hire=hire, missing=missing, module=module_id))
    if not attempts and not problems.lines:
        problems.add(", ".join(display_path(p, cwd) for p in paths), phrase("results.no_training_results"))
    problems.raise_any()
    return attempts


def _yaml_records(path: Path, display: str, problems: Problems) -> list[Record]:
    found = read_results_yaml(path, display, problems, "training-results", "results",
                              phrase("listed.attempt"))
    return found.items if found else []


def _attempt(playbook: Playbook, record: Record, problems: Problems) -> Attempt | None:
    row = validated(record, TrainingAttempt, problems)
    if row is None:
        return None
    hire, module_id = row.hire, row.module
    module = playbook.modules.get(module_id)
    if module is None:
        problems.add(record.at("module"), phrase("results.no_module", module=module_id,
                                                 hint=did_you_mean(module_id, playbook.modules)))
        return None
    attempt = 1 if row.attempt is None else row.attempt
    if attempt != int(attempt):
        problems.add(record.at("attempt"), phrase("results.attempt_whole", attempt=float(attempt)))
        return None
    scores: dict[str, float] = {}
    assessment = module.assessment
    for method in METHODS:
        value = getattr(row, method)
        if value is None:
            if assessment is not None and method in assessment.methods and record.get(method) is None:
                problems.add(record.where, phrase("results.no_score", method=method, module=module_id,
                                                   hire=hire, methods=", ".join(assessment.methods)))
            continue
        if assessment is None or method not in assessment.methods:
            how = ", ".join(assessment.methods) if assessment else phrase("results.attendance_only")
            problems.add(record.at(method), phrase("results.not_assessed", module=module_id, method=method,
                                                   how=how))
            continue
        scores[method] = value
    attended = row.attended
    if attended is not None and labels.yes_no(attended) is not None:  # yes/no, 是/否, a boolean cell
        attended = labels.yes_no(attended)
    if attended is not None and not isinstance(attended, bool):
        problems.add(record.at("attended"), phrase("results.attended", value=quoted(attended)))
        attended = None
    if assessment is None and attended is None:
        problems.add(record.where, phrase("results.attendance_needed", module=module_id, hire=hire))
    if assessment is not None and int(attempt) > assessment.retakes + 1:
        problems.add(record.at("attempt"), phrase("results.retakes", attempt=int(attempt), module=module_id,
                                                   retakes=assessment.retakes))
    day = labels.date(row.date) if row.date is not None else None
    if row.date is not None and day is None:
        problems.add(record.at("date"), phrase("results.date", value=quoted(row.date)))
    return Attempt(hire, row.cohort or NO_COHORT, module, int(attempt), scores, attended, record.where, day)
