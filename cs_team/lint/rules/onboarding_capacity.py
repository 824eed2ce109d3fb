"""CS207 and CS215: onboarding stages fit their hours, and schedule every module."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report, rule
from cs_team.playbook import Playbook
from cs_team.schedule.capacity import stage_minutes


def _hours(minutes: float) -> str:
    return f"{minutes / 60:.1f}".removesuffix(".0") + " h"


@rule("CS207")
def check_capacity(playbook: Playbook) -> Iterator[Report]:
    for template in playbook.onboarding.values():
        first_day = 0
        for s, stage in enumerate(template.stages):
            modules = [playbook.modules[m] for m in stage.modules if m in playbook.modules]
            needed = sum(m.hours * 60 for m in modules)
            needed += sum(m.assessment.minutes for m in modules if m.assessment)
            available = stage_minutes(template, first_day, stage.days)
            first_day += stage.days
            if needed > available:
                per_day = available / stage.days
                extra_days = -(-(needed - available) // per_day) if per_day else "more"
                yield Report(playbook.site(template).at("stages", s, "days"), (
                    f"stage '{stage.id}' needs {_hours(needed)} of training and assessment but its "
                    f"{stage.days} working day(s) offer {_hours(available)} (after the daily cap of "
                    f"{template.max_training_hours_per_day:g} h, lunch and blocked windows); "
                    f"add {extra_days:g} day(s) or move {_hours(needed - available)} to another stage"
                    if per_day else
                    f"stage '{stage.id}' has no training time at all: its days are fully blocked"))


@rule("CS215")
def check_unscheduled(playbook: Playbook) -> Iterator[Report]:
    for template in playbook.onboarding.values():
        placed = {m for stage in template.stages for m in stage.modules}
        missing = [m.id for m in playbook.curriculum_modules(template.curriculum)
                   if m.id not in placed]
        if missing:
            yield Report(playbook.site(template).at("stages"), (
                f"curriculum '{template.curriculum}' modules never scheduled: {', '.join(missing)}; "
                "place each in a stage"), key=True)
