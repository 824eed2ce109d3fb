"""CS207 and CS215: onboarding stages fit their hours, and schedule every module.

CS207 runs the same planner as `cs-team onboarding-plan`, on plain Monday-to-Friday weeks from a
Monday at the standard pace, so lint and the command never disagree about what fits.
"""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.schedule.design import describe_shortfall, design_shortfalls
from cs_team.wording import phrase


def check_capacity(playbook: Playbook) -> Iterator[Report]:
    for template in playbook.onboarding.values():
        modules = {m.id: m for m in playbook.curriculum_modules(template.curriculum)}
        for gap in design_shortfalls(template, modules):
            yield Report(playbook.site(template).at("stages", gap.stage_index, "days"),
                         describe_shortfall(template, gap))


def check_unscheduled(playbook: Playbook) -> Iterator[Report]:
    for template in playbook.onboarding.values():
        placed = {m for stage in template.stages for m in stage.modules}
        missing = [m.id for m in playbook.curriculum_modules(template.curriculum)
                   if m.id not in placed]
        if missing:
            yield Report(playbook.site(template).at("stages"), phrase(
                "rules.modules_never_scheduled", curriculum=template.curriculum, missing=", ".join(missing)),
                key=True)
