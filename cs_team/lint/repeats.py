"""The one loop behind every "written twice" rule: each place whose key came before, with the first."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import TypeVar

Place = TypeVar("Place")


def repeated(places: Iterable[tuple[Place, Hashable]]) -> Iterator[tuple[Place, Hashable, Place]]:
    """(place, key, where the key was first) for each place after the first with its key."""
    first: dict[Hashable, Place] = {}
    for place, key in places:
        if key in first:
            yield place, key, first[key]
        else:
            first[key] = place
