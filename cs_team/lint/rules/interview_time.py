"""CS214: the questions a stage will use fit in the minutes planned for it."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.interview import plan_interview
from cs_team.lint.registry import Report
from cs_team.playbook import Playbook


def check(playbook: Playbook) -> Iterator[Report]:
    for role in playbook.roles.values():
        for index, stage_plan in enumerate(plan_interview(playbook, role).stages):
            stage = stage_plan.stage
            if stage_plan.minutes > stage.minutes:
                yield Report(playbook.site(role).at("interview", index, "minutes"), (
                    f"stage '{stage.id}' plans {stage.minutes} minutes but its "
                    f"{len(stage_plan.picks)} questions take {stage_plan.minutes:g}; "
                    "raise the minutes or ask fewer questions"))
