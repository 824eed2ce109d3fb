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
            problems.add(attempt.where, f"{attempt.hire}'s attempt {attempt.number} at "
                                        f"'{attempt.module.id}' is recorded twice (first at {seen[key]})")
        seen[key] = attempt.where
    by_module: dict[tuple[str, str], list[Attempt]] = {}
    for attempt in attempts:
        by_module.setdefault((attempt.hire, attempt.module.id), []).append(attempt)
    for (hire, module_id), tries in by_module.items():
        numbers = {a.number for a in tries}
        if len(numbers) != max(numbers):  # whole numbers from 1: a gap when fewer than the highest
            missing = min(set(range(1, max(numbers) + 1)) - numbers)
            problems.add(tries[0].where,
                         f"{hire} has no attempt {missing} at '{module_id}' before a later one")
    if not attempts and not problems.lines:
        problems.add(", ".join(display_path(p, cwd) for p in paths), "no training results found")
    problems.raise_any()
    return attempts


def _yaml_records(path: Path, display: str, problems: Problems) -> list[Record]:
    found = read_results_yaml(path, display, problems, "training-results", "results",
                              "{hire, module, attempt, theory ...}")
    return found.items if found else []


def _attempt(playbook: Playbook, record: Record, problems: Problems) -> Attempt | None:
    from cs_team.validation import suggest

    row = validated(record, TrainingAttempt, problems)
    if row is None:
        return None
    hire, module_id = row.hire, row.module
    module = playbook.modules.get(module_id)
    if module is None:
        problems.add(record.at("module"), f"no module '{module_id}'{suggest(module_id, playbook.modules)}")
        return None
    attempt = 1 if row.attempt is None else row.attempt
    if attempt != int(attempt):
        problems.add(record.at("attempt"), f"attempt {attempt:g} is not a whole number")
        return None
    scores: dict[str, float] = {}
    assessment = module.assessment
    for method in METHODS:
        value = getattr(row, method)
        if value is None:
            if assessment is not None and method in assessment.methods and record.get(method) is None:
                problems.add(record.where, f"no {method} score for '{module_id}' ({hire}); it is assessed by "
                                           f"{', '.join(assessment.methods)}")
            continue
        if assessment is None or method not in assessment.methods:
            how = ", ".join(assessment.methods) if assessment else "attendance only"
            problems.add(record.at(method), f"'{module_id}' has no {method} assessment ({how})")
            continue
        scores[method] = value
    attended = row.attended
    if attended is not None and labels.yes_no(attended) is not None:  # yes/no, 是/否, a boolean cell
        attended = labels.yes_no(attended)
    if attended is not None and not isinstance(attended, bool):
        problems.add(record.at("attended"), f"attended {attended!r}: write yes or no")
        attended = None
    if assessment is None and attended is None:
        problems.add(record.where, f"'{module_id}' has no assessment: record attended: yes or no ({hire})")
    if assessment is not None and int(attempt) > assessment.retakes + 1:
        problems.add(record.at("attempt"), f"attempt {int(attempt)} at '{module_id}': the curriculum allows "
                                           f"{assessment.retakes} retake(s)")
    day = labels.date(row.date) if row.date is not None else None
    if row.date is not None and day is None:
        problems.add(record.at("date"), f"date {row.date!r}: write it as YYYY-MM-DD")
    return Attempt(hire, row.cohort or NO_COHORT, module, int(attempt), scores, attended, record.where, day)
