"""CS204: the question bank holds enough suitable questions to fill every interview stage."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.interview import plan_interview
from cs_team.lint.registry import Report, rule
from cs_team.playbook import Playbook


@rule("CS204")
def check(playbook: Playbook) -> Iterator[Report]:
    for role in playbook.roles.values():
        level = playbook.level_of(role) or "any level"
        plan = plan_interview(playbook, role)
        for gap in plan.shortfalls:
            stage = role.interview[gap.stage_index]
            site = playbook.site(role).at("interview", gap.stage_index, "questions",
                                          gap.request_index)
            subject = f"competency '{gap.competency}'" if gap.competency else "its competencies"
            if gap.suitable == 0:
                have = "the bank has none that suit this role"
            else:
                have = (f"the bank has {gap.suitable} that suit this role, and other slots of the kit "
                        f"already use {'it' if gap.suitable == 1 else 'them'}")
            yield Report(site, f"stage '{stage.id}' needs {gap.missing} more {gap.type} question(s) "
                         f"for {subject} at level {level} ({have}); add {gap.missing} to the bank "
                         f"with type: {gap.type}" + (f" and competencies: [{gap.competency}]"
                                                     if gap.competency else ""))
