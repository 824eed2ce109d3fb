"""A hiring plan as JSON (every figure) or CSV (every interval), byte for byte reproducible."""

from __future__ import annotations

import csv
import io
import json

from cs_team.staffing.plan import HiringPlan


def as_json(plan: HiringPlan) -> str:
    # Compact: Python's C encoder only serves unindented output, and a year holds 100,000 intervals.
    return json.dumps(plan.as_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"


def as_csv(plan: HiringPlan) -> str:
    """interval_start, channel, volume, aht_seconds, agents: one row per interval and channel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["interval_start", "channel", "volume", "aht_seconds", "agents"])
    written: dict = {}  # channels share their interval starts: format each once
    for channel in plan.channels:
        for start, volume, aht, agents in zip(channel.starts, channel.volume, channel.aht_seconds,
                                              channel.agents, strict=True):
            when = written.get(start) or written.setdefault(start, start.isoformat(timespec="minutes"))
            writer.writerow([when, channel.channel, f"{volume:g}", f"{aht:g}", agents])
    return buffer.getvalue()
