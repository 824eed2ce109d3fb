"""The hiring inputs against what they plan: training weeks per role, and what the budget covers.

CS269: a class of a role goes live after the hiring inputs' training weeks (``training_weeks``, or
the role's ``training_weeks_by_role``); the role's onboarding template lays its training stages
(those before nesting) over working days, five a week. When the template trains longer, the plan
counts trainees on the floor before their training ends.

CS270: a bare ``budget: 600000`` does not say which costs it pays for. In Chinese practice the
招聘预算 covers recruiting and training, and new hires' wages belong to the headcount budget
(人力成本); the plan reads a bare amount that way, and this warning asks for it written down.
"""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.model.hiring import RECRUITING_BUDGET, Budget
from cs_team.playbook import Playbook
from cs_team.wording import phrase

DAYS_PER_WEEK = 5


def check_training_weeks(playbook: Playbook) -> Iterator[Report]:
    for inputs in playbook.hiring.values():
        site = playbook.site(inputs)
        seen: set[str] = set()
        for channel in inputs.channels:
            for role_id in channel.roles:
                role = playbook.roles.get(role_id)
                template = playbook.onboarding.get(role.onboarding) if role and role.onboarding else None
                if template is None or role_id in seen:
                    continue
                seen.add(role_id)
                days = sum(stage.days for stage in template.stages if stage.nesting is None)
                weeks = inputs.training_weeks_of(role_id)
                if days <= weeks * DAYS_PER_WEEK + 1e-9:
                    continue
                own = role_id in inputs.training_weeks_by_role
                where = site.at("training_weeks_by_role", role_id) if own else site.at("training_weeks")
                yield Report(where, phrase("hiring_scope.training_short", weeks=f"{weeks:g}", role=role_id,
                                           template=template.id, days=days,
                                           template_weeks=f"{days / DAYS_PER_WEEK:g}"))


def check_budget_scope(playbook: Playbook) -> Iterator[Report]:
    for inputs in playbook.hiring.values():
        if inputs.budget is None or isinstance(inputs.budget, Budget):
            continue
        yield Report(playbook.site(inputs).at("budget"), phrase(
            "hiring_scope.budget_bare", amount=f"{inputs.budget:g}", covers=", ".join(RECRUITING_BUDGET)))
