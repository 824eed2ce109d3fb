"""CS217: what a role hires for, its curriculum trains (the check `cs-team trace` reports too)."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import phrase


def check_trained(playbook: Playbook) -> Iterator[Report]:
    for role in playbook.roles.values():
        if not role.curriculum or role.curriculum not in playbook.curricula:
            continue
        modules = playbook.curriculum_modules(role.curriculum)
        trained = {c for module in modules for c in module.competencies}
        for i, criterion in enumerate(role.hiring_criteria):
            if criterion.competency in playbook.competencies and criterion.competency not in trained:
                yield Report(playbook.site(role).at("hiring_criteria", i, "competency"), phrase(
                    "rules.not_trained", role=role.id, competency=criterion.competency,
                    curriculum=role.curriculum))
