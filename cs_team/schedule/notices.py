"""What a plan tells its reader besides the sessions: facts about the dates, as codes with
values, so that each document words them in its own language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cs_team.model.common import Text


@dataclass(frozen=True)
class Notice:
    code: str
    """unpublished-holidays, stage-longer, retake-days, start-moved, cohort-shifted, room-full or
    trainer-queued."""
    values: tuple[tuple[str, object], ...]
    """Dates, numbers, plain strings and playbook ``Text`` (each language picks its own)."""

    @property
    def params(self) -> dict[str, object]:
        return dict(self.values)


def notice(code: str, **values: object) -> Notice:
    return Notice(code, tuple(values.items()))


def unpublished_holidays(years: list[int], known: tuple[int, int]) -> Notice:
    return notice("unpublished-holidays", years=", ".join(str(y) for y in years), first=known[0],
                  last=known[1])


def stage_longer(title: Text, days: int, planned: int, for_retakes: bool = False) -> Notice:
    return notice("retake-days" if for_retakes else "stage-longer", stage=title, days=days,
                  planned=planned)


def start_moved(start: dt.date, first_day: dt.date, reason: Text | None) -> Notice:
    return notice("start-moved", start=start, first_day=first_day, reason=reason)
