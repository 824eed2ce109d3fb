"""`cs-team erlang`'s answer as text or JSON: the figures the calculator computed, laid out."""

from __future__ import annotations

import json
import math


def _finite(value: object) -> object:
    """JSON has no infinity: an endless wait (a queue that grows) is null."""
    return None if isinstance(value, float) and math.isinf(value) else value


def as_json(result: object, rows: list) -> str:
    data = {k: _finite(v) for k, v in result.as_dict().items()}
    if rows:
        data["table"] = [{k: _finite(v) for k, v in r.as_dict().items()} for r in rows]
    return json.dumps(data, indent=2) + "\n"


def _level(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _wait(value: float) -> str:
    return "never (queue grows)" if math.isinf(value) else f"{value:.1f} s"


def as_text(result: object, rows: list, within: float | None, patience: float | None) -> str:
    """The required agents and their figures; with ``rows``, the table around them."""
    lines = [f"agents            {result.agents}",
             f"traffic           {result.traffic_erlangs:.2f} Erlangs"]
    if within is not None:
        lines.append(f"service level     {_level(result.service_level)} answered within {within:g} s")
    lines.append(f"ASA               {_wait(result.asa_seconds)}")
    if patience is not None:
        lines.append(f"abandon rate      {result.abandon_rate:.1%} hang up (patience {patience:g} s)")
    lines += [f"occupancy         {result.occupancy:.1%}",
              f"wait probability  {result.wait_probability:.1%}"]
    if rows:
        abandons = patience is not None
        lines.append("\nagents  service level  ASA          occupancy"
                     + ("  abandon rate" if abandons else ""))
        for row in rows:
            mark = "  <- required" if row.agents == result.agents else ""
            extra = f"  {row.abandon_rate:>12.1%}" if abandons else ""
            lines.append(f"{row.agents:>6}  {_level(row.service_level):>13}  {_wait(row.asa_seconds):<11}  "
                         f"{min(row.occupancy, 1.0):>9.1%}{extra}{mark}")
    return "\n".join(lines) + "\n"
