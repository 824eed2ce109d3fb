"""A cohort file: the new hires starting together, as YAML or CSV.

YAML is a list of hires (or ``hires:`` holding one); CSV has a header row. Each hire has a
``name`` and a ``start`` date, and may have a ``mentor``, a ``role`` (when it is not the
command's) and a ``pace``. Every problem names the file and its line (YAML) or row (CSV).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cs_team.errors import InputError
from cs_team.schedule.pacing import PACES

FIELDS = ("name", "start", "mentor", "role", "pace")
YEARS = (2000, 2100)
"""First days a plan can start on: wide enough for any real hire, and far from the calendar's end."""


def start_problem(start: dt.date) -> str | None:
    if not YEARS[0] <= start.year <= YEARS[1]:
        return f"start {start.isoformat()} is outside the years {YEARS[0]}-{YEARS[1]}"
    return None


@dataclass(frozen=True)
class Hire:
    name: str | None = None
    mentor: str | None = None
    start: dt.date | None = None
    pace: str = "standard"
    role: str | None = None
    """The role id when it differs from the command's (cohort files may say)."""
REQUIRED = ("name", "start")


def read_cohort(path: Path, display: str) -> list[Hire]:
    if not path.is_file():
        raise InputError(f"{display}: no such cohort file")
    if path.suffix.lower() == ".csv":
        return _unique(_from_csv(path, display))
    return _unique(_from_yaml(path, display))


def _hire(values: dict[str, Any], where: str) -> tuple[Hire, str]:
    unknown = [k for k in values if k not in FIELDS]
    if unknown:
        raise InputError(f"{where}: unknown field '{unknown[0]}'; a hire has {', '.join(FIELDS)}")
    for key in REQUIRED:
        if values.get(key) in (None, ""):
            raise InputError(f"{where}: the hire has no {key}")
    start = values["start"]
    if isinstance(start, dt.datetime):
        start = start.date()
    if not isinstance(start, dt.date):
        try:
            start = dt.date.fromisoformat(str(start).strip())
        except ValueError:
            raise InputError(f"{where}: start {str(start)!r} is not a date: write YYYY-MM-DD") from None
    if (problem := start_problem(start)) is not None:
        raise InputError(f"{where}: {problem}")
    pace = str(values.get("pace") or "standard").strip()
    if pace not in PACES:
        raise InputError(f"{where}: pace {pace!r}: use one of {', '.join(PACES)}")
    return Hire(_optional(values, "name"), _optional(values, "mentor"), start, pace,
                _optional(values, "role")), where


def _optional(values: dict[str, Any], key: str) -> str | None:
    value = values.get(key)
    return None if value is None else str(value).strip() or None


def _from_csv(path: Path, display: str) -> list[tuple[Hire, str]]:
    from cs_team.results.records import Problems, read_csv

    problems = Problems()
    records = read_csv(path, display, problems)
    if problems.lines:
        raise InputError(problems.lines[0])
    return [_hire({k: v.value for k, v in record.fields.items()}, record.where) for record in records]


def _from_yaml(path: Path, display: str) -> list[tuple[Hire, str]]:
    from cs_team.locate import span_at
    from cs_team.source import parse_file

    parsed = parse_file(path, display)
    if parsed.findings:
        first = parsed.findings[0]
        raise InputError(f"{display}:{first.line}:{first.column}: {first.message}")
    data, prefix = parsed.data, ()
    if isinstance(data, dict) and "hires" in data:
        data, prefix = data["hires"], ("hires",)
    if not isinstance(data, list) or not data:
        raise InputError(f"{display}: a cohort file is a list of hires, each with name, start and mentor")
    hires = []
    for i, item in enumerate(data):
        span = span_at(parsed.node, (*prefix, i))
        where = f"{display}:{span.line}:{span.column}"
        if not isinstance(item, dict):
            raise InputError(f"{where}: a hire is a mapping such as {{name: 王芳, start: 2027-03-01}}")
        hires.append(_hire(item, where))
    return hires


def _unique(hires: list[tuple[Hire, str]]) -> list[Hire]:
    seen: dict[str, str] = {}
    for hire, where in hires:
        if hire.name in seen:
            raise InputError(f"{where}: '{hire.name}' is listed twice (first at {seen[hire.name]}); "
                             "each hire needs a name of their own (add a surname initial)")
        seen[hire.name] = where
    return [hire for hire, _ in hires]
