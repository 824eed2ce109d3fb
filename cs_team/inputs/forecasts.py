"""Reading a demand forecast (CSV or xlsx) or a demand pattern (YAML) for the hiring plan.

The bytes, the encoding and the table are read here; what the rows mean (columns, evenly spaced
intervals, positive handle times) is ``staffing.forecast``'s to say.
"""

from __future__ import annotations

from pathlib import Path

from cs_team.collector import collector_paused
from cs_team.inputs.documents import read_document
from cs_team.inputs.kinds import KINDS
from cs_team.inputs.problems import Problems
from cs_team.inputs.tables import read_table
from cs_team.staffing.forecast import Forecast


def read_forecast(path: Path, display: str | None = None, lang: str = "en",
                  notes: list[str] | None = None) -> Forecast:
    """The forecast in the file (a pattern for *.yaml / *.yml); ProblemsFound when the file cannot
    be read, ForecastError when its rows say something impossible. ``notes`` gathers what the
    user should know (a file read as GB18030)."""
    display = display or str(path)
    problems = Problems(lang, notes=[] if notes is None else notes)
    if path.suffix.lower() in (".yaml", ".yml"):
        return _pattern(path, display, problems)
    from cs_team.staffing.forecast import from_rows

    # A year of intervals is 100,000 rows held at once: the cycle collector would walk them over
    # and over while they are built (half the reading time), though rows hold no cycles.
    with collector_paused():
        table = read_table(path, display, problems, KINDS["forecast"], raw=True)
        problems.raise_any()
        forecast = from_rows(display, table.header, table.rows)
        del table  # freed before the collector is back: its first pass would walk every row again
    return forecast


def _pattern(path: Path, display: str, problems: Problems) -> Forecast:
    from cs_team.model.demand import incomplete_days
    from cs_team.node_path import span_at
    from cs_team.staffing.pattern import expand

    what = ("需求模式文件", "demand-pattern document")
    found = read_document(path, display, problems, "demand-pattern", what)
    problems.raise_any()
    model, node = found
    for channel, key, needed, given in incomplete_days(model):
        span = span_at(node, ("channels", channel, key))
        problems.say(f"{display}:{span.line}:{span.column}",
                     f"渠道 {channel} 的 {key}：每天每个时段一个来量，应有 {needed} 个（现有 {given} 个）",
                     f"channel {channel}, {key}: give {needed} volumes, one per interval of the day "
                     f"(got {given})")
    problems.raise_any()
    return expand(model, display)
