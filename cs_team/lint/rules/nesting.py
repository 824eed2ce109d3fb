"""CS262: the nesting (跟岗) the hiring plan assumes is the nesting the onboarding template lays.

The hiring inputs' ``nesting_weeks`` sets when a class counts on the floor; an onboarding
template's nesting stages (the hire takes real contacts with a mentor beside them and a lighter
load) are what the new hire actually does. When they disagree, the plan opens classes at the
wrong time or counts trainees as staff.
"""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import phrase

DAYS_PER_WEEK = 5


def check(playbook: Playbook) -> Iterator[Report]:
    for inputs in playbook.hiring.values():
        seen: set[str] = set()
        for channel in inputs.channels:
            for role_id in channel.roles:
                role = playbook.roles.get(role_id)
                template = playbook.onboarding.get(role.onboarding) if role and role.onboarding else None
                if template is None or template.id in seen:
                    continue
                seen.add(template.id)
                days = sum(stage.days for stage in template.stages if stage.nesting is not None)
                if days == inputs.nesting_weeks * DAYS_PER_WEEK:
                    continue
                yield Report(playbook.site(inputs).at("nesting_weeks"), phrase(
                    "nesting.disagrees", weeks=_number(inputs.nesting_weeks), template=template.id,
                    role=role_id, days=days, template_weeks=_number(days / DAYS_PER_WEEK)))


def _number(value: float) -> str:
    return f"{value:g}"
