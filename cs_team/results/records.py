"""Results files people fill in (scorecards, training results, promotion records), as YAML, CSV or xlsx.

They are not playbook documents: they hold what happened to people, live wherever the team keeps
them, and are read only by the commands that score them. Every value keeps where it was written
(``file:line:column`` in YAML, ``file:row:column`` in CSV and xlsx), so each problem is reported
there, and all problems of all files are reported together, as lint does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cs_team.inputs.kinds import KINDS
from cs_team.inputs.lists import ListedFile, read_listed
from cs_team.inputs.problems import Problems as _Problems
from cs_team.inputs.problems import ProblemsFound, Record, Value
from cs_team.inputs.tables import TABLE_SUFFIXES, is_table, read_table

__all__ = ["Problems", "Record", "ResultsError", "Value", "files_in",
           "is_table", "number", "read_results_table", "read_results_yaml", "text", "unknown_fields"]


class ResultsError(ProblemsFound):
    """Results files with problems: ``details`` holds one ``where: message`` line each."""

    def __init__(self, problems: list[str], lang: str = "en") -> None:
        super().__init__(problems, lang)
        self.args = (f"{len(problems)} 处问题，未做任何评分" if lang == "zh" else
                     f"{len(problems)} problem(s) in the results files; nothing was scored",)


class Problems(_Problems):
    def raise_any(self) -> None:
        if self.found:
            raise ResultsError(self.lines, self.lang)


def files_in(paths: list[Path]) -> list[Path]:
    """The files given, with folders expanded to their YAML, CSV and xlsx files (sorted)."""
    suffixes = (".yaml", ".yml", *TABLE_SUFFIXES)
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes and p.is_file())
        else:
            files.append(path)
    return files


def read_results_yaml(path: Path, display: str, problems: Problems, kind: str, key: str,
                      item: str, hint: str = "") -> ListedFile | None:
    """The file if it is ``kind: <kind>`` with a list under ``key``, else None (problem recorded)."""
    return read_listed(path, display, problems, KINDS[kind], key, item, hint)


def read_results_table(path: Path, display: str, problems: Problems, kind: str) -> list[Record]:
    """A CSV or xlsx results file's rows as records ([] with the problems recorded)."""
    table = read_table(path, display, problems, KINDS[kind])
    if table is None:
        return []
    table.check_widths(problems)
    return [r for r, (_, cells) in zip(table.records(), table.rows, strict=True)
            if len(cells) == len(table.header)]


def number(record: Record, name: str, problems: Problems, low: float, high: float,
           required: bool = True) -> float | None:
    """A numeric field within [low, high], from YAML (a number) or CSV (text)."""
    value = record.get(name)
    if value is None:
        if required:
            problems.add(record.where, f"no {name}")
        return None
    if isinstance(value, bool):
        problems.add(record.at(name), f"{name} {value!r} is not a number")
        return None
    try:
        result = float(value)
    except (TypeError, ValueError):
        problems.add(record.at(name), f"{name} {value!r} is not a number")
        return None
    if not low <= result <= high:
        problems.add(record.at(name), f"{name} {result:g} is outside {low:g}-{high:g}")
        return None
    return result


def text(record: Record, name: str, problems: Problems, required: bool = True) -> str | None:
    value = record.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.add(record.where, f"no {name}")
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def unknown_fields(record: Record, allowed: set[str], problems: Problems) -> None:
    for name in record.fields:
        if name not in allowed:
            from cs_team.validation import suggest

            hint = suggest(name, sorted(allowed)) or f"; the fields are {', '.join(sorted(allowed))}"
            problems.add(record.at(name), f"unknown field '{name}'{hint}")
