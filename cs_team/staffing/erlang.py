"""Erlang C: agents needed to answer calls within a service-level or ASA target.

Traffic ``a = volume x AHT / interval`` (Erlangs) offered to ``n`` agents:

- Erlang B by its recursion ``B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1))``: every value lies in
  [0, 1], so there is no factorial, no overflow and no cancellation at any size.
- Probability of waiting ``C = n B / (n - a (1 - B))`` for ``n > a`` (with ``n <= a`` the queue
  grows without bound: every contact waits).
- Service level ``1 - C exp(-(n - a) t / AHT)``; ASA ``C AHT / (n - a)``; occupancy ``a / n``.

Required agents is the smallest ``n > a`` meeting every target given.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from cs_team.wording import phrase

TOLERANCE = 1e-9
"""Relative slack for ceilings: 2.55 / 0.85 is 3.0000000000000004 in floats and must give 3."""

MAX_AGENTS = 500_000
"""Largest answer searched for. A queue needing more is no single contact centre's, and the
search (Erlang B's recursion, one step an agent) must end within a second on any input."""


class StaffingError(ValueError):
    """Inputs no staffing can be computed from."""


def ceil_tolerant(value: float) -> int:
    """``ceil`` that does not round up float noise just above a whole number."""
    up = math.ceil(value)
    return up - 1 if up - value > 1.0 - TOLERANCE * max(1.0, abs(value)) else up


def traffic(volume: float, aht_seconds: float, interval_seconds: float) -> float:
    """Offered load in Erlangs."""
    # Written so that NaN fails too: it compares false with everything.
    if not 0 <= volume < math.inf:
        raise StaffingError(phrase("staffing.volume", value=float(volume)))
    if not 0 < aht_seconds < math.inf:
        raise StaffingError(phrase("staffing.aht", value=float(aht_seconds)))
    if not 0 < interval_seconds < math.inf:
        raise StaffingError(phrase("staffing.interval", value=float(interval_seconds)))
    return volume * aht_seconds / interval_seconds


def erlang_b(agents: int, load: float) -> float:
    """Blocking probability of an M/M/n/n system, by the recursion in its inverse form:
    ``1/B(k) = 1 + (k / a) / B(k-1)``, one multiply and one add a step, stable for any size."""
    if agents == 0:
        return 1.0
    if load == 0:
        return 0.0
    inverse, step, ratio = 1.0, 1.0 / load, 0.0
    for _ in range(agents):
        ratio += step  # k / a, kept as a float: no int-to-float conversion each step
        inverse = 1.0 + inverse * ratio
    return 1.0 / inverse


def _wait_probability(agents: int, load: float, blocking: float) -> float:
    if agents <= load:
        return 1.0
    return agents * blocking / (agents - load * (1.0 - blocking))


def wait_probability(agents: int, load: float) -> float:
    """Erlang C: the probability that a contact waits at all."""
    return _wait_probability(agents, load, erlang_b(agents, load))


class Staffing(NamedTuple):
    agents: int
    traffic_erlangs: float
    wait_probability: float
    service_level: float | None
    """Fraction answered within ``within_seconds``; None when no answer time was given."""
    asa_seconds: float
    occupancy: float

    def as_dict(self) -> dict:  # the keys `cs-team erlang --format json` promises
        return {"agents": self.agents, "service_level": self.service_level,
                "asa_seconds": self.asa_seconds, "occupancy": self.occupancy,
                "wait_probability": self.wait_probability, "traffic_erlangs": self.traffic_erlangs}


def measure(agents: int, load: float, aht_seconds: float, within_seconds: float | None = None,
            blocking: float | None = None) -> Staffing:
    """Every figure for ``agents`` agents under ``load`` Erlangs."""
    if agents == 0 and load == 0:
        return Staffing(0, 0.0, 0.0, 1.0 if within_seconds is not None else None, 0.0, 0.0)
    blocking = erlang_b(agents, load) if blocking is None else blocking
    waiting = _wait_probability(agents, load, blocking)
    if agents <= load:
        level = 0.0 if within_seconds is not None else None
        return Staffing(agents, load, 1.0, level, math.inf, 1.0 if agents else math.inf)
    level = None
    if within_seconds is not None:
        level = 1.0 - waiting * math.exp(-(agents - load) * within_seconds / aht_seconds)
    asa = waiting * aht_seconds / (agents - load)
    return Staffing(agents, load, waiting, level, asa, load / agents)


def required_agents(volume: float, aht_seconds: float, interval_seconds: float, *,
                    target: float | None = None, within_seconds: float | None = None,
                    asa_seconds: float | None = None, max_occupancy: float | None = None) -> Staffing:
    """The fewest agents meeting every target given: service level (``target`` answered within
    ``within_seconds``), average speed of answer, and at most ``max_occupancy``."""
    # One combined test for the usual, valid call; the detailed checks say what is wrong.
    if not (0 <= volume < math.inf and 0 < aht_seconds < math.inf and 0 < interval_seconds < math.inf
            and (target is None or (0 < target < 1 and within_seconds is not None))
            and (within_seconds is None or 0 <= within_seconds < math.inf)
            and (asa_seconds is None or 0 < asa_seconds < math.inf)
            and (target is not None or asa_seconds is not None)
            and (max_occupancy is None or 0 < max_occupancy <= 1)):
        _check_targets(target, within_seconds, asa_seconds, max_occupancy)
        traffic(volume, aht_seconds, interval_seconds)
    load = volume * aht_seconds / interval_seconds
    if load == 0:
        return measure(0, 0.0, aht_seconds, within_seconds)
    check_load(load, max_occupancy)
    fewest = math.floor(load) + 1  # the smallest n > a: never start above the true minimum
    if max_occupancy is not None:
        fewest = max(fewest, ceil_tolerant(load / max_occupancy))
    blocking = erlang_b(fewest - 1, load)
    # Candidates are tested on plain floats; the result object is built once, for the answer.
    for agents in range(fewest, MAX_AGENTS):
        blocking = load * blocking / (agents + load * blocking)
        waiting = agents * blocking / (agents - load * (1.0 - blocking))  # agents > load here
        if target is not None and (
                1.0 - waiting * math.exp(-(agents - load) * within_seconds / aht_seconds) < target):
            continue
        asa = waiting * aht_seconds / (agents - load)
        if asa_seconds is not None and asa > asa_seconds:
            continue
        level = (None if within_seconds is None else
                 1.0 - waiting * math.exp(-(agents - load) * within_seconds / aht_seconds))
        return Staffing(agents, load, waiting, level, asa, load / agents)
    raise StaffingError(phrase("staffing.no_staffing", most=f"{MAX_AGENTS:,}"))


def check_load(load: float, max_occupancy: float | None = None) -> None:
    """Refuse traffic whose answer would lie past MAX_AGENTS (also an infinite or NaN load)."""
    floor = load / max_occupancy if max_occupancy else load
    if not floor < MAX_AGENTS:
        raise StaffingError(phrase("staffing.too_much_traffic", load=float(load), most=f"{MAX_AGENTS:,}"))


def _check_targets(target: float | None, within: float | None, asa: float | None,
                   max_occupancy: float | None) -> None:
    # Comparisons written so that NaN fails them: it compares false with everything.
    if target is None and asa is None:
        raise StaffingError(phrase("staffing.no_target"))
    if target is not None:
        if not 0 < target < 1:
            raise StaffingError(phrase("staffing.target", value=float(target)))
        if within is None:
            raise StaffingError(phrase("staffing.target_needs_within"))
    if within is not None and not 0 <= within < math.inf:
        raise StaffingError(phrase("staffing.within", value=float(within)))
    if asa is not None and not 0 < asa < math.inf:
        raise StaffingError(phrase("staffing.asa", value=float(asa)))
    if max_occupancy is not None and not 0 < max_occupancy <= 1:
        raise StaffingError(phrase("staffing.occupancy", value=float(max_occupancy)))


def table(volume: float, aht_seconds: float, interval_seconds: float, around: int,
          within_seconds: float | None, spread: int = 3) -> list[Staffing]:
    """Figures for ``around - spread`` ... ``around + spread`` agents (those >= 1)."""
    load = traffic(volume, aht_seconds, interval_seconds)
    return [measure(n, load, aht_seconds, within_seconds)
            for n in range(max(1, around - spread), around + spread + 1)]
