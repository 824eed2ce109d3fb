"""CS204: the question bank holds enough suitable questions to fill every interview stage."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.interview import describe_shortfall, plan_interview
from cs_team.lint.registry import Report
from cs_team.playbook import Playbook


def check(playbook: Playbook) -> Iterator[Report]:
    for role in playbook.roles.values():
        for gap in plan_interview(playbook, role).shortfalls:
            site = playbook.site(role).at("interview", gap.stage_index, "questions", gap.request_index)
            yield Report(site, describe_shortfall(playbook, role, gap))
