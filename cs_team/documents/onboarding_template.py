"""A role's onboarding template and modules, checked once per template that it can hold its
curriculum before any plan is laid from it."""

from __future__ import annotations

from cs_team.errors import UsageError
from cs_team.model.curriculum import Module
from cs_team.model.onboarding import OnboardingTemplate
from cs_team.model.role import Role
from cs_team.playbook import Playbook
from cs_team.schedule.design import describe_shortfall, design_shortfalls
from cs_team.schedule.pacing import PlanError
from cs_team.schedule.plan import StageShortfall
from cs_team.wording import listed, phrase


def role_template(playbook: Playbook, role: Role) -> tuple[object, dict[str, Module]]:
    if role.onboarding is None:
        raise UsageError(phrase("onboarding.no_template", role=role.id))
    template = playbook.onboarding.get(role.onboarding)
    if template is None:
        raise PlanError(phrase("onboarding.template_missing", role=role.id, template=role.onboarding))
    modules = {m.id: m for m in playbook.curriculum_modules(template.curriculum)}
    if not modules:
        raise PlanError(phrase("onboarding.curriculum_empty", template=template.id,
                               curriculum=template.curriculum))
    return template, modules


class TemplateChecks:
    """Each template's design check, made once however many hires a cohort has."""

    def __init__(self, playbook: Playbook) -> None:
        self.shortfalls: dict[str, list[StageShortfall]] = {}

    def of(self, template: OnboardingTemplate, modules: dict[str, Module]) -> list[StageShortfall]:
        if template.id not in self.shortfalls:
            self.shortfalls[template.id] = design_shortfalls(template, modules)
        return self.shortfalls[template.id]


def checked_template(playbook: Playbook, role: Role) -> tuple[object, dict[str, Module]]:
    """The role's template and modules; PlanError when the template cannot hold its curriculum."""
    template, modules = role_template(playbook, role)
    shortfalls = playbook.index(TemplateChecks).of(template, modules)
    if shortfalls:
        problems = listed(describe_shortfall(template, gap) for gap in shortfalls)
        where = playbook.site(template).at("stages", shortfalls[0].stage_index, "days").where()
        raise PlanError(phrase("onboarding.cannot_hold", where=where, template=template.id,
                               problems=problems))
    return template, modules
