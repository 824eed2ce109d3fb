"""The forecast each hiring input names, read once per lint for every rule that compares with it.

A year of 15-minute intervals is the largest file a repository keeps; CS224 and CS268 both
need it, so it is parsed once and shared through the playbook's index.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cs_team.errors import CsTeamError

if TYPE_CHECKING:
    from cs_team.model.hiring import HiringInputs
    from cs_team.playbook import Playbook
    from cs_team.staffing.forecast import Forecast


class HiringForecasts:
    def __init__(self, playbook: Playbook) -> None:
        from cs_team.inputs.forecasts import read_forecast

        self.read: list[tuple[HiringInputs, Path, Forecast]] = []
        for inputs in playbook.hiring.values():
            if not inputs.forecast:
                continue
            path = playbook.repo.root / inputs.forecast
            try:
                self.read.append((inputs, path, read_forecast(path, inputs.forecast)))
            except (CsTeamError, ValueError, OSError):  # an unreadable forecast is plan-hiring's to report
                continue


def hiring_forecasts(playbook: Playbook) -> list[tuple[HiringInputs, Path, Forecast]]:
    """(inputs, the forecast's path, the forecast) for each hiring input whose forecast reads."""
    return playbook.index(HiringForecasts).read
