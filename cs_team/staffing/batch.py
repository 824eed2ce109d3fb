"""Required agents for many intervals at once (a year of 15-minute intervals is 35,040 per channel).

The same search as ``erlang.required_agents``, run on arrays: Erlang B's recursion advances one
agent at a time for every interval still searching, and an interval leaves the search as soon as
its target is met. numpy is imported here only, by the commands that plan whole forecasts.
"""

from __future__ import annotations

import numpy as np

from cs_team.staffing.erlang import MAX_AGENTS, TOLERANCE, StaffingError, _check_targets, check_load
from cs_team.wording import phrase

MAX_STEPS = MAX_AGENTS


def ceil_tolerant(values: np.ndarray, tolerance: float = TOLERANCE) -> np.ndarray:
    """``erlang.ceil_tolerant`` on arrays: float noise just above a whole number is not rounded up
    (``tolerance`` relative; a solver's answers carry more noise than arithmetic's)."""
    values = np.asarray(values, dtype=float)
    nearest = np.rint(values)
    close = np.abs(values - nearest) <= tolerance * np.maximum(1.0, np.abs(values))
    return np.where(close, nearest, np.ceil(values)).astype(np.int64)


def required_agents(volume: np.ndarray, aht_seconds: np.ndarray, interval_seconds: float, *,
                    target: float | None = None, within_seconds: float | None = None,
                    asa_seconds: float | None = None, max_occupancy: float | None = None) -> np.ndarray:
    """Agents per interval; element for element what ``erlang.required_agents`` gives."""
    _check_targets(target, within_seconds, asa_seconds, max_occupancy)
    volume = np.asarray(volume, dtype=float)
    aht = np.broadcast_to(np.asarray(aht_seconds, dtype=float), volume.shape)
    if (not np.all(np.isfinite(volume) & (volume >= 0)) or not np.all(np.isfinite(aht) & (aht > 0))
            or not 0 < interval_seconds < np.inf):
        raise StaffingError(phrase("staffing.volumes"))
    load = volume * aht / interval_seconds
    if load.size:
        check_load(float(load.max()), max_occupancy)
    agents = np.zeros(volume.shape, dtype=np.int64)
    fewest = np.floor(load).astype(np.int64) + 1
    if max_occupancy is not None:
        fewest = np.maximum(fewest, ceil_tolerant(load / max_occupancy))
    active = np.flatnonzero(load > 0)
    a, first, handle = load[active], fewest[active], aht[active]
    blocking = np.ones_like(a)
    n = 0
    while active.size:
        n += 1
        if n > MAX_STEPS:
            raise StaffingError(phrase("staffing.no_staffing", most=f"{MAX_STEPS:,}"))
        blocking = a * blocking / (n + a * blocking)
        ready = n >= first
        if not ready.any():
            continue
        waiting = np.where(ready, n * blocking / np.where(ready, n - a * (1 - blocking), 1.0), 1.0)
        met = ready.copy()
        if target is not None:
            level = 1 - waiting * np.exp(-(n - a) * within_seconds / handle)
            met &= level >= target
        if asa_seconds is not None:
            met &= waiting * handle / np.where(ready, n - a, 1.0) <= asa_seconds
        if met.any():
            agents[active[met]] = n
            keep = ~met
            active, a, first, handle, blocking = (active[keep], a[keep], first[keep], handle[keep],
                                                  blocking[keep])
    return agents
