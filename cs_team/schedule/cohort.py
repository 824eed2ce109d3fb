"""A cohort: the new hires starting together (``inputs.cohorts`` reads the file).

Each hire has a ``name`` and a ``start`` date, and may have a ``mentor``, a ``role`` (when it is
not the command's) and a ``pace``. Every problem names the hire's place in the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from cs_team.errors import InputError
from cs_team.schedule.pacing import PACES
from cs_team.wording import Phrase, enumerated, phrase, quoted

FIELDS = ("name", "start", "mentor", "role", "pace")
YEARS = (2000, 2100)
"""First days a plan can start on: wide enough for any real hire, and far from the calendar's end."""


class HireProblem(InputError):
    """What is wrong with one hire of a cohort file, and where: the reader words it in its language."""

    def __init__(self, where: str, problem: Phrase) -> None:
        super().__init__(phrase("cohort.at", where=where, problem=problem))
        self.where, self.problem = where, problem


def start_problem(start: dt.date) -> Phrase | None:
    if not YEARS[0] <= start.year <= YEARS[1]:
        return phrase("cohort.start_years", start=start.isoformat(), low=YEARS[0], high=YEARS[1])
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


def hire_from(values: dict[str, Any], where: str) -> tuple[Hire, str]:
    unknown = [k for k in values if k not in FIELDS]
    if unknown:
        raise HireProblem(where, phrase("cohort.unknown_field", field=unknown[0], fields=enumerated(FIELDS)))
    for key in REQUIRED:
        if values.get(key) in (None, ""):
            raise HireProblem(where, phrase("cohort.missing", field=key))
    start = values["start"]
    if isinstance(start, dt.datetime):
        start = start.date()
    if not isinstance(start, dt.date):
        try:
            start = dt.date.fromisoformat(str(start).strip())
        except ValueError:
            raise HireProblem(where, phrase("cohort.not_a_date", value=quoted(str(start)))) from None
    if (problem := start_problem(start)) is not None:
        raise HireProblem(where, problem)
    pace = str(values.get("pace") or "standard").strip()
    if pace not in PACES:
        raise HireProblem(where, phrase("cohort.pace", value=quoted(pace), paces=enumerated(PACES)))
    return Hire(_optional(values, "name"), _optional(values, "mentor"), start, pace,
                _optional(values, "role")), where


def _optional(values: dict[str, Any], key: str) -> str | None:
    value = values.get(key)
    return None if value is None else str(value).strip() or None


def unique(hires: list[tuple[Hire, str]]) -> list[Hire]:
    seen: dict[str, str] = {}
    for hire, where in hires:
        if hire.name in seen:
            raise HireProblem(where, phrase("cohort.twice", name=hire.name, first=seen[hire.name]))
        seen[hire.name] = where
    return [hire for hire, _ in hires]
