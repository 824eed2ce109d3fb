"""A cohort planned together.

Hires with the same template and pace whose first working days fall in the same ISO week form a
group: they attend the same class sessions, from the day the last of them has started. A room
that seats fewer than the group splits it. Groups are laid in order of their first day; each
avoids the times the trainer, a room or a mentor is taken by the groups laid before it, so a
group that finds them taken runs later instead of overlapping, and says which resource, when
and by how much. Hires sharing a mentor get one-to-ones back to back, never the same slot.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from cs_team.model.curriculum import Module
from cs_team.model.onboarding import OnboardingTemplate
from cs_team.schedule.calendar import WorkDays
from cs_team.schedule.cohort import Hire
from cs_team.schedule.cohort_groups import Joiner, group_joiners, rooms_used
from cs_team.schedule.cohort_queue import Delay, Queues
from cs_team.schedule.notices import Notice, notice, start_moved
from cs_team.schedule.pacing import PlanError
from cs_team.schedule.plan import OnboardingPlan
from cs_team.schedule.planner import plan_onboarding
from cs_team.schedule.resources import Bookings, clashes, name_of, needs, session_needs
from cs_team.wording import phrase


@dataclass
class CohortSchedule:
    plans: list[OnboardingPlan]
    """One per hire, in the cohort file's order."""
    groups: list[int]
    """Each hire's group number (1, 2 ...)."""
    notices: list[Notice]
    """What the cohort's resources could not hold, for the trainer's view."""


def plan_cohort(joiners: list[Joiner], calendar: WorkDays, rooms: dict[str, int] | None = None
                ) -> CohortSchedule:
    groups, notices = group_joiners(joiners, calendar, rooms or {})
    bookings, queues = Bookings(), Queues()
    plans: list[OnboardingPlan | None] = [None] * len(joiners)
    group_of = [0] * len(joiners)
    for number, members in enumerate(groups, 1):
        lead = joiners[members[0]]
        template, modules, pace = lead.template, lead.modules, lead.hire.pace
        first_day = max(calendar.next_working(joiners[i].hire.start) for i in members)
        mentors = frozenset(m for i in members if (m := joiners[i].hire.mentor))
        ranks = _ranks([joiners[i].hire for i in members])

        def busy(day: dt.date, kind: str, module: Module | None, number: int = number,
                 template: OnboardingTemplate = template, mentors: frozenset[str] = mentors) -> list:
            return bookings.blocked(needs(template, mentors, kind, module), day, number)

        shared = _waiting(template, modules, first_day, pace, calendar, busy, max(ranks) + 1)
        alone = plan_onboarding(template, modules, first_day, pace, calendar, first_day=first_day,
                                meetings=max(ranks) + 1)
        group_notices = _shifted(shared, alone, bookings, number, template, modules, mentors, queues)
        for r in set().union(*(session_needs(template, modules, mentors, s) for s in shared.sessions)):
            if r.startswith("trainer:"):
                queues.teaches(r, number)
        notices += group_notices
        # a stage run long because others held the resources is said by the shift, not the dates
        shared.notices = [n for n in shared.notices if n.code not in ("stage-longer", "retake-days")
                          or n in alone.notices]
        for i, rank in zip(members, ranks, strict=True):
            plans[i] = _own(shared, joiners[i].hire, rank, len(members), first_day, calendar, group_notices)
            group_of[i] = number
        for i in members:
            for s in plans[i].sessions:
                bookings.book(_own_needs(template, modules, joiners[i].hire, mentors, s), s.day, s.start,
                              s.end, number)
    return CohortSchedule(plans, group_of, queues.notices(calendar) + notices)


def _waiting(template: OnboardingTemplate, modules: dict[str, Module], first_day: dt.date, pace: str,
             calendar: WorkDays, busy: object, slots: int) -> OnboardingPlan:
    """The group's plan among the others; when a week of it finds a mentor held every day (another
    group shadowing them), the group starts a week later, up to a year."""
    day = first_day
    for _ in range(52):
        try:
            return plan_onboarding(template, modules, day, pace, calendar, first_day=day, busy=busy,
                                   meetings=slots)
        except PlanError:
            day = calendar.next_working(day + dt.timedelta(days=7 - day.weekday()))
    raise PlanError(phrase("onboarding.cohort_too_big", template=template.id))


def _own_needs(template: OnboardingTemplate, modules: dict[str, Module], hire: Hire,
               mentors: frozenset[str], session: object) -> frozenset[str]:
    """A one-to-one takes the hire's own mentor only; the rest what the group's session takes."""
    if session.kind == "one-to-one":
        return frozenset({f"mentor:{hire.mentor}"} if hire.mentor else ())
    return session_needs(template, modules, mentors, session)


def _ranks(hires: list[Hire]) -> list[int]:
    """Each hire's place among those sharing their mentor: their one-to-one's slot in the block."""
    seen: dict[str, int] = {}
    ranks = []
    for hire in hires:
        if hire.mentor is None:
            ranks.append(0)  # no mentor named: nobody to share one with
            continue
        ranks.append(seen.get(hire.mentor, 0))
        seen[hire.mentor] = ranks[-1] + 1
    return ranks


def _own(shared: OnboardingPlan, hire: Hire, rank: int, size: int, first_day: dt.date,
         calendar: WorkDays, group_notices: list[Notice]) -> OnboardingPlan:
    """A hire's plan: the group's sessions, with their own slot of each one-to-one block."""
    minutes = shared.template.one_to_one.minutes if shared.template.one_to_one else 0
    sessions = []
    for s in shared.sessions:
        if s.kind == "one-to-one":
            start = s.start + rank * minutes
            s = replace(s, start=start, end=start + minutes)
        sessions.append(s)
    notices = [n for n in shared.notices if n.code != "start-moved"]
    own_first = calendar.next_working(hire.start)
    if not calendar.is_working(hire.start):
        notices.insert(0, start_moved(hire.start, own_first, calendar.info(hire.start).reason))
    if own_first < first_day:
        notices.insert(0, notice("cohort-start", start=own_first, first_day=first_day, count=size))
    return replace(shared, start=hire.start, sessions=sessions, notices=notices + group_notices,
                   joined=own_first if own_first < first_day else None)


def _shifted(shared: OnboardingPlan, alone: OnboardingPlan, bookings: Bookings, number: int,
             template: OnboardingTemplate, modules: dict[str, Module], mentors: frozenset[str],
             queues: Queues) -> list[Notice]:
    """When the group runs later than it would alone: which resource others held, and how long;
    a trainer among them is noted in ``queues``."""
    if shared.go_live <= alone.go_live:
        return []
    days = [alone.first_day + dt.timedelta(days=n) for n in range((shared.go_live - alone.first_day).days)]
    wanted = set().union(*(session_needs(template, modules, mentors, s) for s in alone.sessions))
    held: dict[tuple[str, str], int] = {}
    for r in wanted:  # a mentor's meetings and desk are one person
        kind, name = r.split(":", 1)
        key = ("mentor" if kind == "desk" else kind, name)
        held[key] = held.get(key, 0) + sum(bookings.minutes(c, days, number) for c in clashes(r)
                                           if c.startswith(("trainer:", "room:", "mentor:")))
    ranked = sorted(((minutes, key) for key, minutes in held.items() if minutes), reverse=True)
    # rooms and a named trainer are printed in the document's language; a trainer the template
    # does not name, by the role alone (the group number says whose)
    texts = {name_of(room): room for room in rooms_used(template, modules)}
    if template.trainer is not None:
        texts[name_of(template.trainer)] = template.trainer

    def who(kind: str, name: str) -> dict:
        if kind == "trainer" and template.trainer is None:
            return {"kind": "unnamed-trainer", "resource": None}
        return {"kind": kind, "resource": name if kind == "mentor" else texts.get(name, name)}

    for _, (kind, name) in ranked:
        if kind == "trainer":
            queues.delayed(f"trainer:{name}", Delay(number, alone.go_live, shared.go_live, who(kind, name)))
    return [notice("cohort-shifted", group=number, **who(kind, name), first=days[0], last=days[-1],
                   hours=f"{round(minutes / 15) / 4:g}", planned=alone.go_live, go_live=shared.go_live)
            for minutes, (kind, name) in ranked[:3]]
