"""Weighted totals, summed so that equal scores stay equal.

Summing floats in a different order (or of parts that differ only in float noise) gives
1.7999999999999998 for one candidate and 1.8 for another: rounding the sum to nine places keeps
such ties as ties (and ranks them by name), while any real difference on a 0-100 or 1-5 scale
with weights in percent is far larger.
"""

from __future__ import annotations

from collections.abc import Iterable

PLACES = 9


def weighted(score: float, weight: float) -> float:
    """A score's share of the total: score x weight / 100 (weights are percentages)."""
    return score * weight / 100


def total(parts: Iterable[float]) -> float:
    """The sum of weighted parts, rounded to PLACES so ties stay ties."""
    return round(sum(parts), PLACES)
