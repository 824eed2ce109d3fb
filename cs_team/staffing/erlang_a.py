"""Erlang A (M/M/n+M): Erlang C with callers who hang up after an exponential patience.

Offered load ``a = lambda AHT``, ``n`` agents, mean patience ``P`` (abandonment rate ``theta = 1/P``).
With ``x = n mu / theta = n P / AHT`` and ``y = lambda / theta = a P / AHT``, a caller who finds ``j`` others
waiting sees the queue ahead drain at ``n mu + i theta``; the stationary chain above ``n`` busy
has weights ``w_j = y^j / ((x+1)...(x+j))`` relative to the state "all busy, nobody waiting".

- Blocking below ``n``: Erlang B, as in ``erlang``; the states below ``n`` weigh ``(1-B)/B``.
- A caller finding ``j`` waiting is answered with probability ``x / (x+j+1)`` and, when answered,
  waited ``(1/theta) sum_{i=1}^{j+1} 1/(x+i)`` on average; every sum is of positive terms.
- Answered within ``t`` (the service level: answered within t / offered; an abandoned contact is a
  miss) sums, over ``j``, ``x/(x+j+1) I_q(j+1, x+1)`` with ``q = 1 - e^(-theta t)``, which
  collapses to ``(x/y) [(A(y) - 1) - e^(y - z - n mu t) (A(z) - 1)]``, ``z = y e^(-theta t)``,
  ``A(v) = sum_j v^j / ((x+1)...(x+j))`` (Mandelbaum & Zeltyn's ``A(x, y)``).

Series are rescaled by powers of two as they grow, so overload (``y`` far above ``x``) neither
overflows nor loses digits. Every figure agrees with a 50-digit summation of the chain to 1e-9.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from cs_team.staffing.erlang import MAX_AGENTS, StaffingError, ceil_tolerant, check_load, erlang_b, traffic
from cs_team.wording import phrase

MAX_TERMS = 2_000_000
"""Longest queue summed: past it the line is hopelessly overloaded (nearly every caller hangs up)."""
_SCALE = 600  # a series is divided by 2**600 whenever a term passes 2**600
_SMALL = 1e-18


class Figures(NamedTuple):
    agents: int
    traffic_erlangs: float
    wait_probability: float
    service_level: float | None
    """Answered within ``within_seconds`` over contacts offered; None when no answer time was given."""
    asa_seconds: float
    """Average wait of the contacts answered."""
    abandon_rate: float
    occupancy: float

    def as_dict(self) -> dict:  # the keys `cs-team erlang --patience --format json` promises
        return {"agents": self.agents, "service_level": self.service_level,
                "asa_seconds": self.asa_seconds, "abandon_rate": self.abandon_rate,
                "occupancy": self.occupancy, "wait_probability": self.wait_probability,
                "traffic_erlangs": self.traffic_erlangs}


class Overloaded(StaffingError):
    """So many more callers than agents that the queue's sums would run past MAX_TERMS."""


class _Sums(NamedTuple):
    shift: int  # every sum below is to be multiplied by 2**shift
    tail: float  # A - 1: sum over j >= 1 of w_j
    abandoned: float  # sum over j >= 0 of w_j (j+1)/(x+j+1)
    waited: float  # sum over j >= 0 of w_j x/(x+j+1) H_j, H_j = sum_{i=1}^{j+1} 1/(x+i)


def _sums(x: float, v: float) -> _Sums:
    """The chain's sums above ``n`` busy for ``y = v``, in one pass over ``j``."""
    if not (v - x < MAX_TERMS and math.isfinite(x)):  # NaN fails too
        raise Overloaded(phrase("staffing.overloaded"))
    term, tail, abandoned, waited, harmonic, shift = 1.0, 0.0, 0.0, 0.0, 0.0, 0
    j = 0
    while True:
        harmonic += 1.0 / (x + j + 1)
        abandoned += term * (j + 1) / (x + j + 1)
        waited += term * x / (x + j + 1) * harmonic
        j += 1
        if j > 2 * MAX_TERMS:
            raise Overloaded(phrase("staffing.overloaded"))
        term *= v / (x + j)
        tail += term
        if term > 2.0 ** _SCALE:
            term, tail = math.ldexp(term, -_SCALE), math.ldexp(tail, -_SCALE)
            abandoned, waited = math.ldexp(abandoned, -_SCALE), math.ldexp(waited, -_SCALE)
            shift += _SCALE
        ratio = v / (x + j + 1)
        # Past the peak the terms fall geometrically: stop when what is left cannot show.
        if ratio < 1 and term * (j + 2 + 1 / (1 - ratio)) * (harmonic + 1) / (1 - ratio) <= _SMALL * (
                tail + abandoned + waited):
            return _Sums(shift, tail, abandoned, waited)


def measure(agents: int, load: float, aht_seconds: float, patience_seconds: float,
            within_seconds: float | None = None) -> Figures:
    """Every figure for ``agents`` agents under ``load`` Erlangs and callers of this patience."""
    if not 0 < patience_seconds < math.inf:
        raise StaffingError(phrase("staffing.patience", value=float(patience_seconds)))
    level = 1.0 if within_seconds is not None else None
    if load == 0:
        return Figures(agents, 0.0, 0.0, level, 0.0, 0.0, 0.0)
    if agents == 0:
        return Figures(0, load, 1.0, 0.0 if level is not None else None, math.inf, 1.0, math.inf)
    x, y = agents * patience_seconds / aht_seconds, load * patience_seconds / aht_seconds
    blocking = erlang_b(agents, load)
    if blocking == 0:  # so many agents that nobody ever waits, to the last float digit
        return Figures(agents, load, 0.0, level, 0.0, 0.0, load / agents)
    sums = _sums(x, y)
    # Relative to the state "all busy, nobody waiting", times 2**-shift like the sums.
    below = math.ldexp((1.0 - blocking) / blocking, -sums.shift)  # the states with an agent free
    waited = math.ldexp(1.0, -sums.shift) + sums.tail
    total = below + waited
    waiting = waited / total
    abandon = sums.abandoned / total
    asa = sums.waited * patience_seconds / total / (1.0 - abandon) if waiting else 0.0
    if within_seconds is not None:
        level = (below + _answered_within(x, y, sums, patience_seconds, within_seconds)) / total
        level = min(1.0, max(0.0, level))
    return Figures(agents, load, waiting, level, asa, abandon, min(1.0, load * (1.0 - abandon) / agents))


def _answered_within(x: float, y: float, sums: _Sums, patience: float, within: float) -> float:
    """Contacts that waited and were answered within ``within`` seconds, on the scale of ``sums``."""
    theta_t = within / patience
    z = y * math.exp(-theta_t)
    later = _sums(x, z)
    # e^(y - z - n mu t) (A(z) - 1), brought to the scale of A(y): n mu t = x theta t
    power = y * -math.expm1(-theta_t) - x * theta_t + (later.shift - sums.shift) * math.log(2)
    late = later.tail * math.exp(power) if later.tail else 0.0
    return max(0.0, x / y * (sums.tail - late)) if y else 0.0


def required_agents(volume: float, aht_seconds: float, interval_seconds: float, patience_seconds: float,
                    *, target: float | None = None, within_seconds: float | None = None,
                    asa_seconds: float | None = None, abandon_rate: float | None = None,
                    max_occupancy: float | None = None) -> Figures:
    """The fewest agents meeting every target given: service level, ASA, abandonment, occupancy.

    Each figure improves as agents are added, so the search doubles then halves."""
    load = traffic(volume, aht_seconds, interval_seconds)
    check_targets(target, within_seconds, asa_seconds, abandon_rate, max_occupancy)
    if not 0 < patience_seconds < math.inf:
        raise StaffingError(phrase("staffing.patience", value=float(patience_seconds)))
    if load == 0:
        return measure(0, 0.0, aht_seconds, patience_seconds, within_seconds)
    check_load(load, max_occupancy)

    def meets(agents: int) -> Figures | None:
        try:
            figures = measure(agents, load, aht_seconds, patience_seconds, within_seconds)
        except Overloaded:  # far too few agents: no target is met there
            return None
        if target is not None and figures.service_level < target:
            return None
        if asa_seconds is not None and figures.asa_seconds > asa_seconds:
            return None
        if abandon_rate is not None and figures.abandon_rate > abandon_rate:
            return None
        if max_occupancy is not None and figures.occupancy > max_occupancy * (1 + 1e-9):
            return None
        return figures

    low, high = 0, max(1, ceil_tolerant(load))  # ``low`` always fails (0 agents answer nobody)
    found = meets(high)
    while found is None:
        if high > MAX_AGENTS:
            raise StaffingError(phrase("staffing.no_staffing", most=f"{MAX_AGENTS:,}"))
        low, high = high, high * 2
        found = meets(high)
    while high - low > 1:
        middle = (low + high) // 2
        figures = meets(middle)
        if figures is None:
            low = middle
        else:
            high, found = middle, figures
    return found


def check_targets(target: float | None, within: float | None, asa: float | None, abandon: float | None,
                  max_occupancy: float | None) -> None:
    if target is None and asa is None and abandon is None:
        raise StaffingError(phrase("staffing.no_target_a"))
    if target is not None:
        if not 0 < target < 1:
            raise StaffingError(phrase("staffing.target", value=float(target)))
        if within is None or not 0 <= within < math.inf:
            raise StaffingError(phrase("staffing.target_needs_within"))
    if asa is not None and not 0 < asa < math.inf:
        raise StaffingError(phrase("staffing.asa_positive", value=float(asa)))
    if abandon is not None and not 0 < abandon < 1:
        raise StaffingError(phrase("staffing.abandon", value=float(abandon)))
    if max_occupancy is not None and not 0 < max_occupancy <= 1:
        raise StaffingError(phrase("staffing.occupancy", value=float(max_occupancy)))


def table(volume: float, aht_seconds: float, interval_seconds: float, patience_seconds: float,
          around: int, within_seconds: float | None, spread: int = 3) -> list[Figures]:
    """Figures for ``around - spread`` ... ``around + spread`` agents (those >= 1)."""
    load = traffic(volume, aht_seconds, interval_seconds)
    return [measure(n, load, aht_seconds, patience_seconds, within_seconds)
            for n in range(max(1, around - spread), around + spread + 1)]
