"""Required agents for a year of 15-minute intervals, cs-team against pyworkforce, in one run.

A year of 96 intervals a day for three channels (105,120 intervals), shaped by the hour, the
weekday and the season (a Singles' Day surge in November, a Spring Festival dip), is staffed
with cs-team's vectorised Erlang C and with pyworkforce's ErlangC (a benchmark-only
dependency: pip install pyworkforce). Both results are compared interval by interval.

Targets on the 2-core machine: the engine at least 20x faster than pyworkforce on the year,
and at least 5x on a single interval.

    python benchmarks/staffing_bench.py
"""

from __future__ import annotations

import time

import numpy as np

from cs_team.staffing import batch
from cs_team.staffing.erlang import required_agents

INTERVAL = 900
# channel -> (peak contacts per 15 minutes, AHT seconds, service-level target, answer within seconds)
CHANNELS = {"voice": (120, 300, 0.80, 20), "chat": (90, 540, 0.80, 60), "callback": (30, 420, 0.90, 120)}
MAX_OCCUPANCY = 0.85


def year_of_volumes(peak: float, seed: int) -> np.ndarray:
    """365 x 96 volumes: a daily curve, quieter weekends, a November surge, a February dip."""
    rng = np.random.default_rng(seed)
    hours = np.arange(96) / 4
    daily = np.clip(np.exp(-((hours - 10.5) ** 2) / 6) + 0.8 * np.exp(-((hours - 20) ** 2) / 5), 0.02, None)
    days = np.arange(365)
    weekday = np.where(days % 7 >= 5, 0.7, 1.0)
    season = 1 + 1.5 * np.exp(-((days - 314) ** 2) / 20) - 0.4 * np.exp(-((days - 40) ** 2) / 30)
    shape = np.outer(weekday * season, daily) / daily.max()
    return rng.poisson(peak * shape).astype(float).ravel()


def ours(volumes: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {name: batch.required_agents(volumes[name], aht, INTERVAL, target=target,
                                        within_seconds=within, max_occupancy=MAX_OCCUPANCY)
            for name, (_, aht, target, within) in CHANNELS.items()}


def theirs(volumes: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    from pyworkforce.queuing import ErlangC

    result = {}
    for name, (_, aht, target, within) in CHANNELS.items():
        agents = []
        for volume in volumes[name]:
            if volume == 0:  # pyworkforce refuses zero transactions; nobody is needed
                agents.append(0)
                continue
            erlang = ErlangC(transactions=volume, aht=aht / 60, asa=within / 60, interval=INTERVAL / 60)
            agents.append(erlang.required_positions(service_level=target, max_occupancy=MAX_OCCUPANCY)
                          ["raw_positions"])
        result[name] = np.array(agents)
    return result


def timed(function, *args):
    start = time.perf_counter()
    value = function(*args)
    return value, time.perf_counter() - start


def main() -> None:
    volumes = {name: year_of_volumes(peak, seed) for seed, (name, (peak, *_)) in enumerate(CHANNELS.items())}
    count = sum(v.size for v in volumes.values())
    mine, my_time = timed(ours, volumes)
    print(f"intervals         {count:,} (365 days x 96 x {len(CHANNELS)} channels)")
    print(f"cs-team (numpy)   {my_time:.3f} s for the year")
    # one typical interval, repeated so the clock can see it
    volume, (_, aht, target, within) = 80.0, CHANNELS["voice"]
    repeats = 2000
    _, single = timed(lambda: [required_agents(volume, aht, INTERVAL, target=target, within_seconds=within,
                                               max_occupancy=MAX_OCCUPANCY) for _ in range(repeats)])
    try:
        from pyworkforce.queuing import ErlangC
    except ImportError:
        print("pyworkforce is not installed (pip install pyworkforce): no comparison")
        return
    _, their_single = timed(lambda: [ErlangC(transactions=volume, aht=aht / 60, asa=within / 60,
                                             interval=INTERVAL / 60).required_positions(
        service_level=target, max_occupancy=MAX_OCCUPANCY) for _ in range(repeats)])
    theirs_result, their_time = timed(theirs, volumes)
    print(f"pyworkforce       {their_time:.3f} s for the year")
    print(f"year speed-up     {their_time / my_time:.1f}x  (target >= 20x)")
    print(f"one interval      cs-team {single / repeats * 1e6:.1f} us, pyworkforce "
          f"{their_single / repeats * 1e6:.1f} us: {their_single / single:.1f}x  (target >= 5x)")
    disagreements = 0
    for name, (_, aht, _, _) in CHANNELS.items():
        differ = np.flatnonzero(mine[name] != theirs_result[name])
        disagreements += differ.size
        for index in differ[:5]:
            day, slot = divmod(int(index), 96)
            load = volumes[name][index] * aht / INTERVAL
            print(f"  {name} day {day + 1} {slot // 4:02d}:{slot % 4 * 15:02d}: volume "
                  f"{volumes[name][index]:g} ({load:.3f} Erlangs): cs-team {mine[name][index]}, "
                  f"pyworkforce {theirs_result[name][index]}")
        if differ.size > 5:
            print(f"  {name}: {differ.size - 5} more intervals differ")
    print(f"disagreements     {disagreements} of {count:,} intervals")


if __name__ == "__main__":
    main()
