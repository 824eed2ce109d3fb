"""The difference in differences and its bootstrap interval: figures by hand on a small case,
the interval against a large simulation, and the verdicts' rules."""

from __future__ import annotations

import random
import statistics

from cs_team.effect.did import Group, estimate


def weekly(*values: tuple[int, float]) -> list[tuple[int, int, float]]:
    return [(week, week, value) for week, value in values]


SMALL = {
    # trained in week 10; week 10 itself counts on neither side
    "A": weekly((8, 80), (9, 82), (10, 0), (11, 86), (12, 88)),   # +6
    "B": weekly((9, 90), (11, 91), (12, 93)),                    # +2
    "C": weekly((8, 85), (9, 85), (11, 86), (12, 86)),           # +1
    "D": weekly((9, 70), (10, 99), (11, 72)),                    # +2
    "E": weekly((8, 90), (9, 92), (11, 90)),                     # -1
    "F": weekly((11, 75), (12, 77)),                              # nothing before: left out
}


def test_the_difference_in_differences_by_hand() -> None:
    """Trained change (6 + 2) / 2 = 4; untrained (1 + 2 - 1) / 3 = 0.667; the difference 3.333.
    Two trained agents are too few to tell, whatever the interval."""
    found = estimate(SMALL, [Group(("A", "B"), 10)], ["C", "D", "E", "F"])
    assert (found.trained, found.untrained) == (2, 3)
    assert round(found.trained_change, 4) == 4 and round(found.untrained_change, 4) == 0.6667
    assert round(found.change, 4) == 3.3333
    assert found.low <= found.change <= found.high
    assert found.observations == 5 + 3 + 4 + 3 + 3  # every figure of the agents compared
    assert found.verdict == "too-few"


def test_a_month_that_touches_the_training_week_is_on_neither_side() -> None:
    series = {"A": [(1, 4, 50.0), (5, 9, 70.0), (10, 13, 60.0)], "C": [(1, 4, 50.0), (10, 13, 50.0)]}
    found = estimate(series, [Group(("A",), 6)], ["C"])
    assert (found.trained_change, found.untrained_change, found.change) == (10.0, 0.0, 10.0)


def test_cohorts_are_pooled_by_their_trained_agents() -> None:
    """Cohort 1 (week 10, A and B): 4 - 0.667 = 3.333. Cohort 2 (week 9, G): G +10; the untrained
    over weeks before and after 9: C +1, D (only week 9 before... none before 9) is left out of
    every cohort, E: before [90] after [92, 90] +1. The untrained compared are those with figures on
    both sides for every cohort: C and E."""
    series = dict(SMALL, G=weekly((8, 60), (10, 70)))
    one = estimate(series, [Group(("A", "B"), 10)], ["C", "E"])
    two = estimate(series, [Group(("G",), 9)], ["C", "E"])
    both = estimate(series, [Group(("A", "B"), 10), Group(("G",), 9)], ["C", "D", "E"])
    assert both.untrained == 2
    assert round(both.change, 6) == round((2 * one.change + 1 * two.change) / 3, 6)


def _simulated(rng: random.Random, trained: int, untrained: int, effect: float) -> dict:
    """Agents with their own level, weekly noise, and a shock every agent shares in week 6."""
    series = {}
    for n in range(trained + untrained):
        level = rng.gauss(90, 3)
        lift = effect if n < trained else 0.0
        series[f"a{n}"] = weekly(*[(w, level + (-2 if w == 6 else 0) + (lift if w > 5 else 0) + rng.gauss(0, 3))
                                   for w in range(1, 11)])
    return series


def test_the_interval_covers_the_truth_as_often_as_it_says() -> None:
    """200 simulated quarters with a true effect of 3: the 95% intervals hold it in about 95% of
    them (allowing for 200 draws and a percentile bootstrap on 10 agents), and their width matches
    the spread of the estimates across the simulations (the large-sample truth)."""
    rng = random.Random(7)
    covered, widths, points = 0, [], []
    for _ in range(200):
        series = _simulated(rng, 10, 20, 3.0)
        found = estimate(series, [Group(tuple(f"a{n}" for n in range(10)), 5)],
                         [f"a{n}" for n in range(10, 30)], replicates=400)
        covered += found.low <= 3.0 <= found.high
        widths.append(found.high - found.low)
        points.append(found.change)
    assert 0.88 <= covered / 200 <= 0.99
    spread = statistics.stdev(points)
    assert abs(statistics.fmean(points) - 3.0) < 0.2
    assert 0.8 < statistics.fmean(widths) / (2 * 1.96 * spread) < 1.15


def test_no_effect_is_not_claimed_and_a_clear_one_is() -> None:
    rng = random.Random(11)
    null = estimate(_simulated(rng, 12, 20, 0.0), [Group(tuple(f"a{n}" for n in range(12)), 5)],
                    [f"a{n}" for n in range(12, 32)])
    clear = estimate(_simulated(rng, 12, 20, 5.0), [Group(tuple(f"a{n}" for n in range(12)), 5)],
                     [f"a{n}" for n in range(12, 32)])
    assert null.verdict == "unclear" and null.low < 0 < null.high
    assert clear.verdict == "up" and clear.low > 0


def test_the_same_figures_give_the_same_interval() -> None:
    series = _simulated(random.Random(3), 5, 8, 2.0)
    args = (series, [Group(tuple(f"a{n}" for n in range(5)), 5)], [f"a{n}" for n in range(5, 13)])
    assert estimate(*args) == estimate(*args)
