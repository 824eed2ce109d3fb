"""CS217: what a role hires for, its curriculum trains (the check `cs-team trace` reports too)."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.trace import not_trained
from cs_team.wording import phrase


def check_trained(playbook: Playbook) -> Iterator[Report]:
    for role in playbook.roles.values():
        for i in not_trained(playbook, role):
            yield Report(playbook.site(role).at("hiring_criteria", i, "competency"), phrase(
                "rules.not_trained", role=role.id, competency=role.hiring_criteria[i].competency,
                curriculum=role.curriculum))
