"""CS268: forecasts of one repository that cover the same days say the same.

A department keeps a fine-grained week (15-minute intervals) for the roster and a year of hours
for the plan. When both cover a day, each channel's contacts that day must agree: a week drawn
from another model than the year sizes the roster for one demand and the hiring for another.
Only the rows of the hiring inputs' forecast days are read from the other files, so a year of
hours costs a scan of its lines, not a parse.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from cs_team.lint.hiring_forecasts import hiring_forecasts
from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import phrase

TOLERANCE_PERCENT = 2.0
TOLERANCE_CONTACTS = 5.0  # a quiet channel's day may differ by rounding alone
MAX_BYTES = 64 * 1024 * 1024


def _daily(forecast) -> dict[tuple[str, str], float]:
    totals: dict[tuple[str, str], float] = {}
    for channel, demand in forecast.channels.items():
        for start, volume in zip(demand.starts, demand.volume, strict=True):
            key = (start.date().isoformat(), channel)
            totals[key] = totals.get(key, 0.0) + float(volume)
    return totals


def _days_in(path: Path, days: set[str]) -> dict[tuple[str, str], float] | None:
    """Each (day, channel)'s contacts in a forecast CSV, for ``days`` only; None when unreadable."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    lines = text.splitlines()
    if not lines or not lines[0].startswith("interval_start,"):
        return None
    wanted = [lines[0]] + [line for line in lines[1:] if line[:10] in days]
    totals: dict[tuple[str, str], float] = {}
    try:
        for row in csv.DictReader(io.StringIO("\n".join(wanted))):
            key = (row["interval_start"][:10], row["channel"])
            totals[key] = totals.get(key, 0.0) + float(row["volume"])
    except (KeyError, ValueError, TypeError):
        return None
    return totals


def check(playbook: Playbook) -> Iterator[Report]:
    for inputs, path, forecast in hiring_forecasts(playbook):
        mine = _daily(forecast)
        days = {day for day, _ in mine}
        for other in sorted(path.parent.glob("*.csv")):
            if other.resolve() == path.resolve():
                continue
            theirs = _days_in(other, days)
            if not theirs:
                continue
            shared = {day for day, _ in theirs}  # a file may cover only some of the week
            keys = sorted(key for key in set(mine) | set(theirs) if key[0] in shared)
            differing = [(key, mine.get(key, 0.0), theirs.get(key, 0.0)) for key in keys
                         if _apart(mine.get(key, 0.0), theirs.get(key, 0.0))]
            if differing:
                (day, channel), ours, others = differing[0]
                yield Report(playbook.site(inputs).at("forecast"), phrase(
                    "plan.forecasts_disagree", forecast=inputs.forecast,
                    other=Path(inputs.forecast).with_name(other.name).as_posix(), day=day, channel=channel,
                    ours=f"{ours:g}", others=f"{others:g}", days=len({d for (d, _), _, _ in differing})))


def _apart(one: float, other: float) -> bool:
    return abs(one - other) > max(TOLERANCE_CONTACTS, TOLERANCE_PERCENT / 100 * max(one, other))
