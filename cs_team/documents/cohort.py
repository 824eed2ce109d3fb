"""A cohort as documents show it: each hire's plan, and the trainer's view of every session
once, with who attends."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from cs_team.documents.common import Stamp
from cs_team.documents.onboarding import plan_view
from cs_team.documents.onboarding_template import checked_template
from cs_team.documents.onboarding_view import OnboardingView, Row
from cs_team.model.common import Text
from cs_team.model.role import Role
from cs_team.playbook import Playbook
from cs_team.schedule.calendar import WorkDays
from cs_team.schedule.cohort import Hire
from cs_team.schedule.cohort_groups import Joiner
from cs_team.schedule.cohort_plan import plan_cohort
from cs_team.schedule.notices import Notice


@dataclass(frozen=True)
class Gathering:
    """One session of the cohort: the hires of a group who attend it together."""

    row: Row
    hires: tuple[str, ...]
    group: int


@dataclass
class Cohort:
    views: list[OnboardingView]
    days: list[tuple[dt.date, list[Gathering]]]
    stamp: Stamp
    groups: list[int] = field(default_factory=list)
    """Each hire's group, in the order of ``views``."""
    notices: list[Notice] = field(default_factory=list)


def cohort_plans(playbook: Playbook, hires: list[tuple[Role, Hire]], calendar: WorkDays, timezone: str,
                 rooms: dict[str, int] | None = None) -> Cohort:
    """Every hire's plan, laid together (see ``schedule.cohort_plan``), and the trainer's view."""
    joiners = []
    for role, hire in hires:
        template, modules = checked_template(playbook, role)
        joiners.append(Joiner(hire, template, modules))
    laid = plan_cohort(joiners, calendar, rooms)
    views = [plan_view(playbook, role, hire, plan, calendar, timezone)
             for (role, hire), plan in zip(hires, laid.plans, strict=True)]
    return gather(views, laid.groups, laid.notices)


def gather(views: list[OnboardingView], groups: list[int] | None = None,
           notices: list[Notice] | None = None) -> Cohort:
    """The trainer's view: each day's sessions once, with the hires of the group attending."""
    groups = groups or list(range(1, len(views) + 1))
    grouped: dict[tuple, tuple[Row, list[str]]] = {}
    for number, (view, group) in enumerate(zip(views, groups, strict=True), 1):
        who = view.hire.name or f"#{number}"
        for row in view.rows:
            s = row.session
            who_key = row.who.translations[0][1] if isinstance(row.who, Text) else row.who or ""
            key = (s.day, s.start, s.end, s.kind, s.module or "", s.part, s.parts, who_key, group)
            grouped.setdefault(key, (row, []))[1].append(who)
    days: dict[dt.date, list[Gathering]] = {}
    for key in sorted(grouped):
        row, hires = grouped[key]
        days.setdefault(key[0], []).append(Gathering(row, tuple(hires), key[-1]))
    return Cohort(views, sorted(days.items()), views[0].stamp, groups, list(notices or []))


def file_stems(hires: list[Hire]) -> list[str]:
    """``2027-03-01-王芳`` for each hire: the start date and the name, safe in any file system,
    and never one name twice, even on a file system that ignores case or normalises Unicode
    (``A/B`` and ``A-B``: the second gets ``-2``)."""
    stems, seen = [], set()
    for hire in hires:
        name = unicodedata.normalize("NFC", hire.name or "hire")
        name = re.sub(r"[^\w.-]+", "-", name).strip("-.") or "hire"
        base = f"{hire.start.isoformat()}-{name}"
        stem, n = base, 1
        while stem.casefold() in seen or stem.casefold() == "cohort":
            n += 1
            stem = f"{base}-{n}"
        seen.add(stem.casefold())
        stems.append(stem)
    return stems
