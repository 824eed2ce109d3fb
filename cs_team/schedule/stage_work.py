"""The order of one stage's work on its days.

Fixed points are reserved first, at the end of their day: the weekly mentor one-to-one and the
stage's checkpoint review on its last day. Micro-lessons run as a daily opener, one lesson a day
(with its quiz when the template asks), never split. The other modules follow in order, each
followed by its assessment. Retake slots come last, each a day of revision after the attempt
before it; those a stage has no later day for open the next stage.
"""

from __future__ import annotations

import datetime as dt

from cs_team.model.curriculum import Module
from cs_team.schedule.pacing import lesson_sizes
from cs_team.schedule.stage import Cursor, Retake, StageLayout


def lay(layout: StageLayout, order: list[Module], one_to_ones: dict[dt.date, int],
        carried: tuple[Retake, ...] = ()) -> None:
    """Lay the stage's work on its days; ``carried`` are retakes the stage before had no later
    day for. Raises ``StageFailed`` when it does not fit."""
    template = layout.template
    for index, day in enumerate(layout.days):
        if day in one_to_ones:
            layout.one_to_one(index, template.one_to_one.minutes * layout.meetings,
                              f"one-to-one/{one_to_ones[day]}")
    if layout.stage.checkpoint is not None:
        layout.reserve_at_end(len(layout.days) - 1, template.review_minutes, "review",
                              f"review/{layout.stage.id}")
    for retake in carried:
        retakes(layout, retake)
    inside = {m.id for m in order}
    done: dict[str, Cursor] = {}
    for module in order:
        if module.format == "micro-lesson" and not set(module.prerequisites) & inside:
            layout.micro_lessons(module, layout.minutes(module), 0, 0)
            done[module.id] = Cursor()
    cursor = Cursor()
    assessments: list[Retake] = []
    for module in order:
        if module.id in done:
            continue
        if module.format == "micro-lesson":
            layout.micro_lessons(module, layout.minutes(module), cursor.index, cursor.minute)
            continue
        cursor = layout.module(cursor, module, layout.minutes(module))
        if module.assessment is not None:
            index, start = layout.atomic(cursor, module.assessment.minutes, "assessment", module)
            session = layout.add(index, start, module.assessment.minutes, "assessment",
                                 f"{module.id}/assessment", module.id)
            assessments.append(Retake(module, session, 1))
            cursor = Cursor(index, start + module.assessment.minutes)
    for retake in assessments:
        retakes(layout, retake)


def retakes(layout: StageLayout, retake: Retake) -> None:
    """The retake slots of one assessment from the ``number``-th on, each after a day of
    revision at least (from the attempt's end time on the next day); those the stage has no
    later day for are carried."""
    module, previous = retake.module, retake.previous
    for r in range(retake.number, module.assessment.retakes + 1):
        later = [i for i, day in enumerate(layout.days) if day > previous.day]
        if not later:
            layout.carry.append(Retake(module, previous, r))
            return
        next_day = layout.days[later[0]]
        after = previous.end if (next_day - previous.day).days == 1 else 0
        index, start = layout.atomic(Cursor(later[0], after), module.assessment.minutes, "retake", module)
        previous = layout.add(index, start, module.assessment.minutes, "retake",
                              f"{module.id}/retake-{r}", module.id, r, module.assessment.retakes)


def needed(layout: StageLayout, order: list[Module], one_to_ones: int) -> int:
    """Minutes the stage's work takes at the layout's pace: what a stage too short is told."""
    template = layout.template
    total = sum(layout.minutes(m) for m in order)
    for m in order:
        if m.format == "micro-lesson" and template.quiz_after_micro_lessons:
            lessons = lesson_sizes(layout.minutes(m), template.micro_lesson_minutes)
            total += template.quiz_minutes * len(lessons)
        if m.assessment is not None:
            total += m.assessment.minutes * (1 + m.assessment.retakes)
    if layout.stage.checkpoint is not None:
        total += template.review_minutes
    if template.one_to_one is not None:
        total += template.one_to_one.minutes * one_to_ones
    return total
