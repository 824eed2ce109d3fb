"""CS217: what a role hires for, its curriculum trains (the check `cs-team trace` reports too)."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook


def check_trained(playbook: Playbook) -> Iterator[Report]:
    for role in playbook.roles.values():
        if not role.curriculum or role.curriculum not in playbook.curricula:
            continue
        modules = playbook.curriculum_modules(role.curriculum)
        trained = {c for module in modules for c in module.competencies}
        for i, criterion in enumerate(role.hiring_criteria):
            if criterion.competency in playbook.competencies and criterion.competency not in trained:
                yield Report(playbook.site(role).at("hiring_criteria", i, "competency"), (
                    f"role '{role.id}' hires for '{criterion.competency}' but no module of curriculum "
                    f"'{role.curriculum}' trains it; add it to a module's competencies "
                    f"(`cs-team trace {role.id}` shows the gaps)"))
