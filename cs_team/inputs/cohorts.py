"""Reading a cohort file (the new hires starting together) as YAML, CSV or xlsx.

YAML is a list of hires (or ``hires:`` holding one); a table has a header row. What a hire must
hold is ``schedule.cohort``'s to say; this module gets the values out of the file, with their
places, and reports every problem of the file at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cs_team.inputs import labels
from cs_team.inputs.kinds import KINDS
from cs_team.inputs.lists import read_yaml
from cs_team.inputs.problems import Problems
from cs_team.inputs.tables import is_table, read_table
from cs_team.schedule.cohort import Hire, HireProblem, hire_from, unique


def read_cohort(path: Path, display: str, lang: str = "en", notes: list[str] | None = None) -> list[Hire]:
    """Every hire of the file, or ProblemsFound listing every problem in it; ``notes`` gathers what
    the user should know (a file read as GB18030)."""
    problems = Problems(lang, notes=[] if notes is None else notes)
    found = _from_table(path, display, problems) if is_table(path) else _from_yaml(path, display, problems)
    hires = []
    for values, where in found:
        try:
            hires.append(hire_from(_typed(values), where))
        except HireProblem as error:
            problems.add(error.where, error.problem.word(problems.lang))
    problems.raise_any()
    try:
        return unique(hires)
    except HireProblem as error:
        problems.add(error.where, error.problem.word(problems.lang))
        problems.raise_any()
        raise


def _typed(values: dict[str, Any]) -> dict[str, Any]:
    """The start date as a date when written 2026/9/28, 2026-9-28, 2026年9月28日 or as a date cell."""
    day = labels.date(values.get("start"))
    return values if day is None else {**values, "start": day}


def _from_table(path: Path, display: str, problems: Problems) -> list[tuple[dict[str, Any], str]]:
    table = read_table(path, display, problems, KINDS["cohort"])
    if table is None:
        return []
    table.check_widths(problems)
    return [({k: v.value for k, v in record.fields.items()}, record.where)
            for record, (_, cells) in zip(table.records(), table.rows, strict=True)
            if len(cells) == len(table.header)]


def _from_yaml(path: Path, display: str, problems: Problems) -> list[tuple[dict[str, Any], str]]:
    found = read_yaml(path, display, problems)
    if found is None:
        return []
    data, prefix = found.data, ()
    if isinstance(data, dict) and "hires" in data:
        data, prefix = data["hires"], ("hires",)
    if not isinstance(data, list) or not data:
        problems.say(display, "入职批次名单是新员工的列表，每人有 name、start 和 mentor",
                     "a cohort file is a list of hires, each with name, start and mentor")
        return []
    hires = []
    for i, item in enumerate(data):
        where = found.where((*prefix, i))
        if isinstance(item, dict):
            hires.append((item, where))
        else:
            problems.say(where, "每位新员工是一个映射，例如 {name: 王芳, start: 2027-03-01}",
                         "a hire is a mapping such as {name: 王芳, start: 2027-03-01}")
    return hires
