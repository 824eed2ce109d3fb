"""Places shared out in proportion to head-count: the largest-remainder (Hamilton) method.

Each line's exact quota is places x its head-count / all head-count; every line first gets the
whole part of its quota, and the places left go one each to the largest fractional parts. Ties
go to the larger head-count, then to the line listed first, so the split is deterministic. The
arithmetic is in integers (quotas compared as numerators over the common head-count), so no
rounding can move a place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Share:
    line: str
    headcount: int
    quota: float
    """The exact proportional share, for people to check the split against."""
    places: int


def largest_remainder(places: int, headcounts: list[tuple[str, int]]) -> list[Share]:
    total = sum(count for _, count in headcounts)
    if places < 0 or total <= 0 or any(count < 0 for _, count in headcounts):
        raise ValueError("places and head-counts must not be negative, and some head-count above 0")
    whole = [places * count // total for _, count in headcounts]
    left = places - sum(whole)
    # remainder numerators over `total`; larger first, then larger head-count, then list order
    order = sorted(range(len(headcounts)), key=lambda i: (-(places * headcounts[i][1] % total),
                                                          -headcounts[i][1], i))
    for i in order[:left]:
        whole[i] += 1
    return [Share(line, count, places * count / total, whole[i])
            for i, (line, count) in enumerate(headcounts)]
