"""How many training minutes a day of an onboarding template offers."""

from __future__ import annotations

from cs_team.model.onboarding import WEEKDAYS, OnboardingTemplate, Window, minutes_of

WORKING_WEEKDAYS = WEEKDAYS[:5]


def _overlap(windows: list[tuple[int, int]], start: int, end: int) -> int:
    """Minutes of [start, end) covered by the union of ``windows``."""
    covered, cursor = 0, start
    for left, right in sorted(windows):
        left, right = max(left, cursor), min(right, end)
        if right > left:
            covered += right - left
            cursor = right
    return covered


def closed_windows(template: OnboardingTemplate, weekday: str) -> list[tuple[int, int]]:
    """Lunch and blocked windows on ``weekday``, as minutes after midnight."""
    windows: list[Window] = [w for w in template.blocked if weekday in w.days]
    if template.lunch is not None and weekday in template.lunch.days:
        windows.append(template.lunch)
    return [(minutes_of(w.start), minutes_of(w.end)) for w in windows]


def training_minutes(template: OnboardingTemplate, weekday: str) -> int:
    """Minutes of training a working ``weekday`` can hold: open time, capped daily."""
    start, end = minutes_of(template.day_start), minutes_of(template.day_end)
    open_minutes = end - start - _overlap(closed_windows(template, weekday), start, end)
    return max(0, min(open_minutes, round(template.max_training_hours_per_day * 60)))


def stage_minutes(template: OnboardingTemplate, first_day: int, days: int) -> int:
    """Training minutes of ``days`` working days starting at working day ``first_day`` (Monday 0)."""
    return sum(
        training_minutes(template, WORKING_WEEKDAYS[(first_day + d) % len(WORKING_WEEKDAYS)])
        for d in range(days)
    )
