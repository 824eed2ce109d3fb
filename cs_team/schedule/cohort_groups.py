"""Which hires of a cohort form a group: same template, pace and week of their first working day,
no more than the smallest room they use seats, and no more one-to-ones for one mentor than the
end of a day holds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cs_team.model.common import Text
from cs_team.model.curriculum import Module
from cs_team.model.onboarding import OnboardingTemplate
from cs_team.schedule.calendar import WorkDays
from cs_team.schedule.cohort import Hire
from cs_team.schedule.notices import Notice, notice
from cs_team.schedule.resources import name_of, room_of, seats_of
from cs_team.schedule.sessions import leader

MENTOR_MINUTES = 90
"""The one-to-ones one mentor holds back to back at a day's end, at most (more hires of the same
week and mentor form another group)."""


@dataclass(frozen=True)
class Joiner:
    """One hire of a cohort with the template their role follows."""

    hire: Hire
    template: OnboardingTemplate
    modules: dict[str, Module]


def group_joiners(joiners: list[Joiner], calendar: WorkDays, rooms: dict[str, int]) -> tuple[list[list[int]],
                                                                                          list[Notice]]:
    by_key: dict[tuple, list[int]] = {}
    for i, j in enumerate(joiners):
        first = calendar.next_working(j.hire.start)
        monday = first - dt.timedelta(days=first.weekday())
        by_key.setdefault((monday, j.template.id, j.hire.pace), []).append(i)
    groups, notices = [], []

    def begins(item: tuple) -> tuple:  # the day the group's classes start, then the file's order
        return max(calendar.next_working(joiners[i].hire.start) for i in item[1]), item[1][0]

    for (monday, _, _), members in sorted(by_key.items(), key=begins):
        template = joiners[members[0]].template
        seats = [(held, name_of(room)) for room in rooms_used(template, joiners[members[0]].modules)
                 if (held := seats_of(template, room, rooms)) is not None]
        capacity, room = min(seats) if seats else (len(members), None)
        if capacity < len(members):
            notices.append(notice("room-full", room=room, capacity=capacity, count=len(members), week=monday,
                                  over=len(members) - capacity))
        limit = max(1, MENTOR_MINUTES // template.one_to_one.minutes) if template.one_to_one else len(members)
        mentors = [joiners[i].hire.mentor for i in members]
        for mentor in sorted({m for m in mentors if m and mentors.count(m) > limit}):
            notices.append(notice("mentor-full", mentor=mentor, count=mentors.count(mentor), week=monday,
                                  limit=limit))
        groups += _split(members, [joiners[i].hire.mentor for i in members], max(1, capacity), limit)
    return groups, notices


def _split(members: list[int], mentors: list[str | None], capacity: int, limit: int) -> list[list[int]]:
    """Members in the fewest groups, in order, each within the room's seats and the one-to-ones a
    mentor holds at a day's end."""
    chunks: list[list[int]] = []
    counts: list[dict[str | None, int]] = []
    for member, mentor in zip(members, mentors, strict=True):
        for chunk, count in zip(chunks, counts, strict=True):
            if len(chunk) < capacity and (mentor is None or count.get(mentor, 0) < limit):
                break
        else:
            chunks.append([])
            counts.append({})
            chunk, count = chunks[-1], counts[-1]
        chunk.append(member)
        count[mentor] = count.get(mentor, 0) + 1
    return chunks


def rooms_used(template: OnboardingTemplate, modules: dict[str, Module]) -> list[Text]:
    """The rooms the template's trainer holds sessions in (classes and assessments)."""
    used = [room_of(template, m) for s in template.stages for m_id in s.modules
            if (m := modules.get(m_id)) and (leader("module", m) == "trainer" or m.assessment)]
    return list(dict.fromkeys(r for r in [*used, template.location] if r is not None))
