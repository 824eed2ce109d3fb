"""A hiring plan as JSON (every figure) or CSV (every interval, through the one CSV writer), byte
for byte reproducible."""

from __future__ import annotations

import json

from cs_team.collector import collector_paused
from cs_team.export.csvfile import csv_text
from cs_team.staffing.plan_model import HiringPlan


def as_json(plan: HiringPlan) -> str:
    # Compact: Python's C encoder only serves unindented output, and a year holds 100,000 intervals
    # (built with the collector paused: none of them is in a cycle).
    with collector_paused():
        return json.dumps(plan.as_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"


def comparison_json(plans: list) -> str:
    """Scenarios side by side, then each plan's figures (without its interval-by-interval staffing)."""
    from dataclasses import asdict

    from cs_team.staffing.scenario import compare

    detail = {}
    for name, plan in plans:
        figures = plan.as_dict()
        for key in ("interval_starts", "channels"):
            figures.pop(key)
        detail[name] = figures
    data = {"comparison": [asdict(row) for row in compare(plans)], "plans": detail}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def as_csv(plan: HiringPlan) -> str:
    """interval_start, channel, volume, aht_seconds, agents: one row per interval and channel."""
    with collector_paused():  # 105,120 rows for a year, none in a cycle
        return csv_text([["interval_start", "channel", "volume", "aht_seconds", "agents"], *_rows(plan)])


def _rows(plan: HiringPlan) -> list[list]:
    # A year is 105,120 rows but few distinct values: each start, volume and handle time is
    # formatted once (the channels share their starts), the rows zipped from the formatted columns.
    written: dict = {}
    rows: list[list] = []
    for channel in plan.channels:
        if id(channel.starts) not in written:
            written[id(channel.starts)] = [s.isoformat(timespec="minutes") for s in channel.starts]
        volume, aht = _formatted(channel.volume), _formatted(channel.aht_seconds)
        rows += [[when, channel.channel, v, a, agents] for when, v, a, agents in
                 zip(written[id(channel.starts)], volume, aht, channel.agents, strict=True)]
    return rows


def _formatted(values: list[float]) -> list[str]:
    shown = {value: f"{value:g}" for value in set(values)}
    # 0.0 and -0.0 are one key but print as 0 and -0: zeros are formatted each
    return [shown[value] if value else f"{value:g}" for value in values]
