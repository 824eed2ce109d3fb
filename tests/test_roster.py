"""The roster integer program against exhaustive search, and the shapes it is built from."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from cs_team.model.shifts import ShiftRules
from cs_team.staffing import roster
from cs_team.staffing import shift_patterns as sp


def _rules(**changes) -> ShiftRules:
    template = {"id": "day", "name": "Day", "earliest_start": "08:00", "latest_start": "08:00", "hours": 8}
    template.update(changes.pop("template", {}))
    return ShiftRules.model_validate({"grid_minutes": 60, "days_per_week": 6, "templates": [template],
                                      **changes})


def _hourly(seed: int, top: int = 3) -> np.ndarray:
    """A week of hourly requirements between 08:00 and 16:00 (17:00 with lunch), seeded."""
    draw = random.Random(seed)
    week = np.zeros(168)
    for day in range(7):
        for hour in range(8, 17):
            week[day * 24 + hour] = draw.randint(0, top)
    return week


def _exhaustive(required: np.ndarray, rules: ShiftRules, lunch_hours: tuple[int, int] | None) -> tuple[int, float]:
    """Fewest people (and the cost of that roster when minimising cost) over every way of putting
    0..3 people on each of the seven days-off patterns; with a lunch, each day's split between the
    two lunch hours is searched too."""
    offs = sp.days_off(rules)
    best = None
    pattern = sp.patterns(rules, rules.templates)
    costs = [roster.weekly_cost(rules, p) for p in pattern]
    length = round(rules.templates[0].hours)
    for counts in itertools.product(range(4), repeat=len(offs)):
        working = [sum(n for n, off in zip(counts, offs, strict=True) if day not in off) for day in range(7)]
        feasible = True
        for day, people in enumerate(working):
            need = required[day * 24 + 8: day * 24 + 8 + length]
            if lunch_hours is None:
                feasible &= bool(np.all(need <= people))
                continue
            first, second = lunch_hours
            others = [h for h in range(length) if h not in (first, second)]
            ok_split = any(people - early >= need[first] and early >= need[second] for early in range(people + 1))
            feasible &= bool(np.all(need[others] <= people)) and ok_split
        if not feasible:
            continue
        value = sum(c * n for c, n in zip(costs, counts, strict=True)) if rules.minimise == "cost" else sum(counts)
        if best is None or value < best - 1e-9:
            best = value
    return best


@pytest.mark.parametrize("seed", range(4))
def test_fewest_people_equals_exhaustive_search(seed: int) -> None:
    rules = _rules()
    required = _hourly(seed)
    required[[d * 24 + 16 for d in range(7)]] = 0  # an 8-hour shift ends at 16:00
    solved = roster.solve(rules, rules.templates, required, 60, mip_gap=0.0)
    assert solved.status == "optimal"
    assert solved.headcount == _exhaustive(required, rules, None)
    assert np.all(solved.covered >= required - 1e-9)


@pytest.mark.parametrize("seed", range(3))
def test_cheapest_with_weekend_premium_equals_exhaustive_search(seed: int) -> None:
    rules = _rules(minimise="cost", weekend_premium_percent=50)
    required = _hourly(seed + 10)
    required[[d * 24 + 16 for d in range(7)]] = 0
    solved = roster.solve(rules, rules.templates, required, 60, mip_gap=0.0)
    assert solved.cost == pytest.approx(_exhaustive(required, rules, None))


@pytest.mark.parametrize("seed", range(3))
def test_lunch_placement_equals_exhaustive_search(seed: int) -> None:
    """A 9-hour shift at 08:00 with an hour's lunch at 11:00 or 12:00."""
    rules = _rules(template={"hours": 9, "lunch": {"minutes": 60, "earliest_hours": 3, "latest_hours": 4}})
    required = _hourly(seed + 20)
    solved = roster.solve(rules, rules.templates, required, 60, mip_gap=0.0)
    assert solved.headcount == _exhaustive(required, rules, (3, 4))
    assert np.all(solved.covered >= required - 1e-9)
    assert sum(solved.lunches.values()) == sum(sum(solved.working(day).values()) for day in range(7))


def test_presence_wraps_the_week_and_counts_part_intervals() -> None:
    # Sunday 22:00 for 9 hours: two hours on Sunday night, seven on Monday morning
    cover = sp.presence(6 * sp.DAY + 22 * 60, 9 * 60, 60)
    assert cover[166:].tolist() == [1.0, 1.0] and cover[:7].tolist() == [1.0] * 7 and cover.sum() == 9
    half = sp.presence(8 * 60 + 15, 30, 30)  # 08:15 to 08:45 on 30-minute intervals
    assert half[16:18].tolist() == [0.5, 0.5]


def test_days_off_together_or_not() -> None:
    assert sp.days_off(_rules())[:2] == [(0,), (1,)]
    five = ShiftRules.model_validate({"days_per_week": 5})
    assert sp.days_off(five) == [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (0, 6)]
    apart = ShiftRules.model_validate({"days_per_week": 5, "days_off_together": False})
    assert len(sp.days_off(apart)) == 21


def test_night_premium_counts_only_night_hours() -> None:
    rules = ShiftRules.model_validate({"night_premium_percent": 50, "weekend_premium_percent": 0})
    night = next(t for t in rules.templates if t.id == "night")  # 22:00, 9 h with an hour's lunch
    pattern = sp.Pattern(sp.Start("night", 22 * 60, night), (5, 6))
    # 8 paid hours a night, five nights; 8 of the 9 hours on site fall in 22:00-06:00
    assert roster.weekly_cost(rules, pattern) == pytest.approx(5 * (8 + 0.5 * 8 * 8 / 9))


def test_part_timers_stay_within_their_share() -> None:
    rules = ShiftRules.model_validate({
        "grid_minutes": 60, "days_per_week": 7, "part_time_max_percent": 25, "minimise": "cost", "templates": [
            {"id": "full", "name": "Full", "earliest_start": "08:00", "latest_start": "08:00", "hours": 8},
            {"id": "part", "name": "Part", "earliest_start": "12:00", "latest_start": "12:00", "hours": 4,
             "part_time": True}]})
    required = np.zeros(168)
    for day in range(7):
        required[day * 24 + 8: day * 24 + 16] = 2
        required[day * 24 + 12: day * 24 + 16] = 6  # the afternoon peak part-timers would fill
    solved = roster.solve(rules, rules.templates, required, 60, mip_gap=0.0)
    part = sum(int(n) for p, n in zip(solved.patterns, solved.people, strict=True) if p.start.name == "part")
    # Unbounded, two full-timers and four part-timers would be cheapest (2 x 56 + 4 x 28 hours);
    # at most a quarter part-time, five full-timers and one part-timer are (5 x 56 + 28 = 308).
    assert (solved.headcount, part, solved.cost) == (6, 1, 308)


def test_deferred_work_fills_the_staffed_hours() -> None:
    """Email arriving around the clock (one agent-hour every hour) with a 24-hour window, and two
    agents live from 08:00 to 16:00: the mail is done in the day shift, not by a night shift. By
    hand: a day holds 2 x 8 live agent-hours and 24 hours of mail, 40 agent-hours in 8 hours, so 5
    people on each of the seven days; working six days in seven, 7 x 5 / 6 = 5.83, so 6 people."""
    rules = _rules()
    live = np.zeros(168)
    for day in range(7):
        live[day * 24 + 8: day * 24 + 16] = 2
    mail = np.ones(168)
    solved = roster.solve(rules, rules.templates, live, 60, mip_gap=0.0, deferred=((mail, 24),))
    assert solved.status == "optimal" and solved.headcount == 6
    done = solved.required - live  # the mail as the roster schedules it
    assert done.sum() == pytest.approx(168) and np.all(done[live == 0] == 0)  # only while staffed
    assert np.all(solved.covered >= solved.required - 1e-9)
    # a piece may wait at most a day: in steady state (the week a cycle) the backlog is never
    # negative (nothing done before it arrives) and never more than the last 24 hours' mail
    net = np.cumsum(mail - done)
    backlog = net - min(net.min(), 0.0)
    assert backlog.max() <= 24 + 1e-6
    assert solved.efficiency == pytest.approx((16 * 7 + 168) / solved.covered.sum())


def test_deferred_work_that_cannot_wait_for_the_shift_is_refused() -> None:
    """With a 4-hour window, mail arriving at 02:00 would wait until 08:00: no roster of a day shift
    does it in time."""
    rules = _rules()
    with pytest.raises(roster.StaffingError, match="no roster"):
        roster.solve(rules, rules.templates, np.zeros(168), 60, deferred=((np.ones(168), 4),))
