"""A trainer queued for many groups.

Each group moved later by a trainer someone else held already says so in its own notice; when one
trainer holds back several groups, the trainer's view and the command also say it once for the
cohort: which trainer, how many groups they teach one after another, how many of those move
later for it, and the longest move in working days, so a lead sees where a second trainer or
spread-out start dates would help.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cs_team.schedule.calendar import WorkDays
from cs_team.schedule.notices import Notice, notice

QUEUED_GROUPS = 2
"""A trainer who holds back this many groups or more is worth a warning for the cohort."""


@dataclass(frozen=True)
class Delay:
    """One group that goes live later because its trainer was teaching another group."""

    group: int
    planned: dt.date
    """Its go-live had it been alone."""
    go_live: dt.date
    who: dict = field(hash=False, compare=False)
    """How the trainer is worded (kind and resource, as in the group's own notice)."""


@dataclass
class Queues:
    """Per trainer (``trainer:<name>``): the groups they teach and those moved later for them."""

    taught: dict[str, set[int]] = field(default_factory=dict)
    delays: dict[str, list[Delay]] = field(default_factory=dict)

    def teaches(self, trainer: str, group: int) -> None:
        self.taught.setdefault(trainer, set()).add(group)

    def delayed(self, trainer: str, delay: Delay) -> None:
        self.delays.setdefault(trainer, []).append(delay)

    def notices(self, calendar: WorkDays) -> list[Notice]:
        """One warning per trainer who held back ``QUEUED_GROUPS`` groups or more."""
        said = []
        for trainer in sorted(self.delays):
            delays = self.delays[trainer]
            if len(delays) < QUEUED_GROUPS:
                continue
            longest = max(delays, key=lambda d: (working_days(calendar, d.planned, d.go_live), -d.group))
            days = working_days(calendar, longest.planned, longest.go_live)
            said.append(notice("trainer-queued", **longest.who, groups=len(self.taught.get(trainer, ())),
                               shifted=len(delays), days=days, group=longest.group, planned=longest.planned,
                               go_live=longest.go_live))
        return said


def working_days(calendar: WorkDays, before: dt.date, after: dt.date) -> int:
    """Working days after ``before`` up to and including ``after``: how far a date moved."""
    span = range(1, (after - before).days + 1)
    return sum(calendar.is_working(before + dt.timedelta(days=n)) for n in span)
