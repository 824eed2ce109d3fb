"""A hiring plan as JSON (every figure) or CSV (every interval, through the one CSV writer), byte
for byte reproducible."""

from __future__ import annotations

import json

from cs_team.export.csvfile import csv_text
from cs_team.staffing.plan_model import HiringPlan


def as_json(plan: HiringPlan) -> str:
    # Compact: Python's C encoder only serves unindented output, and a year holds 100,000 intervals.
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
    return csv_text([["interval_start", "channel", "volume", "aht_seconds", "agents"], *_rows(plan)])


def _rows(plan: HiringPlan):
    written: dict = {}  # channels share their interval starts: format each once
    for channel in plan.channels:
        for start, volume, aht, agents in zip(channel.starts, channel.volume, channel.aht_seconds,
                                              channel.agents, strict=True):
            when = written.get(start) or written.setdefault(start, start.isoformat(timespec="minutes"))
            yield [when, channel.channel, f"{volume:g}", f"{aht:g}", agents]
