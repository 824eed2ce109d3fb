"""Difference in differences, with a bootstrap interval: did trained agents change more than
untrained ones over the same weeks?

Each agent's change is the mean of their figures after the training week less the mean before it
(the training week itself is left out, on both sides, for everyone). The estimate is the trained
agents' mean change less the untrained agents' mean change over the same weeks: whatever moved
everyone (双十一, a policy change, a new product) cancels. With several cohorts trained in
different weeks, each cohort is compared with the untrained agents over its own weeks, and the
module's estimate is the cohorts' estimates weighted by their trained agents.

The interval resamples agents (not weeks or contacts: an agent's figures are not independent of
each other), the trained of each cohort and the untrained independently, with replacement; its
ends are the 2.5th and 97.5th percentiles of the resampled estimates. The seed is fixed, so the
same files give the same interval.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

REPLICATES = 2000
SEED = 20260401
MIN_AGENTS = 3
"""Fewer trained or untrained agents than this with figures on both sides: too few to tell."""

Series = Mapping[str, Sequence[tuple[int, int, float]]]
"""Agent -> (first week, last week, figure): a figure for a week, a month (the weeks it touches) or
one evaluation (first = last). Week numbers only order weeks (``week_number``)."""


@dataclass(frozen=True)
class Group:
    """One cohort: its trained agents and the week they were trained in."""

    agents: tuple[str, ...]
    week: int


@dataclass(frozen=True)
class Estimate:
    change: float | None
    """Trained agents' change less untrained agents' change (None when there are no agents to compare)."""
    low: float | None
    high: float | None
    trained: int
    untrained: int
    observations: int
    """The figures on record (weeks of KPIs, or evaluations) of the agents compared."""
    trained_change: float | None
    untrained_change: float | None

    @property
    def verdict(self) -> str:
        """too-few, unclear (the interval spans zero), up or down."""
        if self.change is None or min(self.trained, self.untrained) < MIN_AGENTS:
            return "too-few"
        if self.low is None or self.high is None or self.low <= 0 <= self.high:
            return "unclear"
        return "up" if self.change > 0 else "down"


def week_number(day: dt.date) -> int:
    """The ordinal of ``day``'s ISO week (Monday to Sunday)."""
    return (day.toordinal() - day.weekday()) // 7


def _change(observations: Sequence[tuple[int, int, float]], week: int) -> float | None:
    """After less before; a figure whose period touches the training week is on neither side."""
    before = [value for _, last, value in observations if last < week]
    after = [value for first, _, value in observations if first > week]
    if not before or not after:
        return None
    return statistics.fmean(after) - statistics.fmean(before)


def _changes(series: Series, agents: Sequence[str], week: int) -> dict[str, float]:
    found = {}
    for agent in agents:
        change = _change(series.get(agent, ()), week)
        if change is not None:
            found[agent] = change
    return found


def estimate(series: Series, groups: Sequence[Group], untrained: Sequence[str],
             replicates: int = REPLICATES) -> Estimate:
    """The difference in differences of ``groups`` (pooled, weighted by trained agents) against
    ``untrained``, with its bootstrap interval from ``replicates`` resamples."""
    trained = [_changes(series, group.agents, group.week) for group in groups]
    controls = [_changes(series, untrained, group.week) for group in groups]
    weights = [len(t) for t in trained]
    agents = sorted(set(untrained).intersection(*[set(c) for c in controls])) if controls else []
    if not sum(weights) or not agents:
        return Estimate(None, None, None, sum(weights), len(agents), 0, None, None)
    by_group = [(list(t.values()), [c[a] for a in agents])
                for t, c in zip(trained, controls, strict=True)]
    point = _pooled(by_group, weights)
    rng = random.Random(SEED)
    resampled, positions = [], range(len(agents))
    for _ in range(replicates):
        picks = rng.choices(positions, k=len(positions))  # one draw of the untrained, for every cohort
        sample = [(rng.choices(t, k=len(t)) if t else t, [c[i] for i in picks]) for t, c in by_group]
        resampled.append(_pooled(sample, weights))
    resampled.sort()
    low, high = resampled[int(0.025 * replicates)], resampled[int(0.975 * replicates) - 1]
    compared = {agent for t in trained for agent in t} | set(agents)
    observations = sum(len(series[agent]) for agent in compared)
    used = [w for w in weights if w]
    before_after = (_weighted([statistics.fmean(t) for t, _ in by_group if t], used),
                    _weighted([statistics.fmean(c) for t, c in by_group if t], used))
    return Estimate(point, low, high, sum(weights), len(agents), observations, *before_after)


def _pooled(by_group: list[tuple[list[float], list[float]]], weights: list[int]) -> float:
    changes = [sum(t) / len(t) - sum(c) / len(c) for t, c in by_group if t]
    return _weighted(changes, [w for w in weights if w])


def _weighted(values: list[float], weights: list[int]) -> float:
    return sum(v * w for v, w in zip(values, weights, strict=True)) / sum(weights)
