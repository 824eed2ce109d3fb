"""CS214: the questions a stage will use fit in the minutes planned for it."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.interview import plan_interview
from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import phrase


def check(playbook: Playbook) -> Iterator[Report]:
    for role in playbook.roles.values():
        for index, stage_plan in enumerate(plan_interview(playbook, role).stages):
            stage = stage_plan.stage
            if stage_plan.minutes > stage.minutes:
                yield Report(playbook.site(role).at("interview", index, "minutes"), phrase(
                    "rules.stage_minutes", stage=stage.id, minutes=stage.minutes,
                    count=len(stage_plan.picks), needed=float(stage_plan.minutes)))
