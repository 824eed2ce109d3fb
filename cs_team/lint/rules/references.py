"""CS202: every id a document names exists (roles, competencies, modules, grades...)."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook, Site
from cs_team.wording import did_you_mean, namespace_name, phrase

Ref = tuple[Site, tuple, str, str]
"""Where a reference is written (a site and the path from it: a Site for each of ten thousand
references, nearly all found, cost more than the check), the namespace it names into, the id."""


def _each(site: Site, field: str, namespace: str, ids: list[str]) -> Iterator[Ref]:
    for index, key in enumerate(ids):
        yield site, (field, index), namespace, key


def _refs(playbook: Playbook) -> Iterator[Ref]:
    """Every reference in the repository."""
    for role in playbook.roles.values():
        site = playbook.site(role)
        yield site, ("family",), "family", role.family
        yield site, ("grade",), "grade", role.grade
        if role.reports_to:
            yield site, ("reports_to",), "role", role.reports_to
        for i, criterion in enumerate(role.hiring_criteria):
            yield site, ("hiring_criteria", i, "competency"), "competency", criterion.competency
        for s, stage in enumerate(role.interview):
            yield from _each(site.at("interview", s), "competencies", "competency", stage.competencies)
        if role.curriculum:
            yield site, ("curriculum",), "curriculum", role.curriculum
        if role.onboarding:
            yield site, ("onboarding",), "onboarding-template", role.onboarding
    for competency in playbook.competencies.values():
        if isinstance(competency.scale, str):
            yield playbook.site(competency), ("scale",), "rating-scale", competency.scale
    for question in playbook.questions.values():
        yield from _each(playbook.site(question), "competencies", "competency", question.competencies)
        yield from _each(playbook.site(question), "roles", "role", question.roles)
    for curriculum in playbook.curricula.values():
        if curriculum.extends:
            yield playbook.site(curriculum), ("extends",), "curriculum", curriculum.extends
    for module in playbook.modules.values():
        yield from _each(playbook.site(module), "prerequisites", "module", module.prerequisites)
        yield from _each(playbook.site(module), "competencies", "competency", module.competencies)
    for template in playbook.onboarding.values():
        yield playbook.site(template), ("curriculum",), "curriculum", template.curriculum
    for rules in playbook.evaluation:
        for p, promotion in enumerate(rules.promotions):
            site = playbook.site(rules).at("promotions", p)
            yield from _each(site, "target_roles", "role", promotion.target_roles)
            yield site, ("eligibility", "min_grade"), "grade", promotion.eligibility.min_grade
    for inputs in playbook.hiring.values():
        site = playbook.site(inputs)
        for c, channel in enumerate(inputs.channels):
            yield from _each(site.at("channels", c), "roles", "role", channel.roles)
        for r, entry in enumerate(inputs.roster):
            yield site, ("roster", r, "role"), "role", entry.role


def _stage_modules(playbook: Playbook) -> Iterator[Report]:
    """Modules an onboarding stage names must exist and belong to the template's curriculum."""
    for template in playbook.onboarding.values():
        site = playbook.site(template)
        own = {m.id for m in playbook.curriculum_modules(template.curriculum)}
        for s, stage in enumerate(template.stages):
            for m, module_id in enumerate(stage.modules):
                where = site.at("stages", s, "modules", m)
                if module_id in playbook.unreadable_ids:
                    continue
                if not playbook.exists("module", module_id):
                    hint = did_you_mean(module_id, playbook.declared.get("module", {}))
                    yield Report(where, phrase("rules.unknown_reference", namespace=namespace_name("module"),
                                               key=module_id, hint=hint))
                elif own and module_id not in own:
                    yield Report(where, phrase("rules.module_not_in_curriculum", module=module_id,
                                               curriculum=template.curriculum))


def check(playbook: Playbook) -> Iterator[Report]:
    for site, path, namespace, key in _refs(playbook):
        if key not in playbook.declared.get(namespace, ()) and key not in playbook.unreadable_ids:
            site = site.at(*path)
            known = playbook.declared.get(namespace, {})
            hint = did_you_mean(key, known) or (
                phrase("hint.none_defined", namespace=namespace_name(namespace)) if not known else "")
            yield Report(site, phrase("rules.unknown_reference", namespace=namespace_name(namespace),
                                      key=key, hint=hint))
    yield from _stage_modules(playbook)
