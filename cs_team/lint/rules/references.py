"""CS202: every id a document names exists (roles, competencies, modules, grades...)."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report, rule
from cs_team.playbook import Playbook, Site
from cs_team.validation import suggest


def _refs(playbook: Playbook) -> Iterator[tuple[Site, str, str]]:
    """(where, namespace, id) for every reference in the repository."""
    for role in playbook.roles.values():
        site = playbook.site(role)
        yield site.at("family"), "family", role.family
        yield site.at("grade"), "grade", role.grade
        if role.reports_to:
            yield site.at("reports_to"), "role", role.reports_to
        for i, criterion in enumerate(role.hiring_criteria):
            yield site.at("hiring_criteria", i, "competency"), "competency", criterion.competency
        for s, stage in enumerate(role.interview):
            for c, competency in enumerate(stage.competencies):
                yield site.at("interview", s, "competencies", c), "competency", competency
        if role.curriculum:
            yield site.at("curriculum"), "curriculum", role.curriculum
        if role.onboarding:
            yield site.at("onboarding"), "onboarding-template", role.onboarding
    for competency in playbook.competencies.values():
        if isinstance(competency.scale, str):
            yield playbook.site(competency).at("scale"), "rating-scale", competency.scale
    for question in playbook.questions.values():
        site = playbook.site(question)
        for c, competency in enumerate(question.competencies):
            yield site.at("competencies", c), "competency", competency
        for r, role_id in enumerate(question.roles):
            yield site.at("roles", r), "role", role_id
    for curriculum in playbook.curricula.values():
        if curriculum.extends:
            yield playbook.site(curriculum).at("extends"), "curriculum", curriculum.extends
    for module in playbook.modules.values():
        site = playbook.site(module)
        for p, prerequisite in enumerate(module.prerequisites):
            yield site.at("prerequisites", p), "module", prerequisite
        for c, competency in enumerate(module.competencies):
            yield site.at("competencies", c), "competency", competency
    for template in playbook.onboarding.values():
        yield playbook.site(template).at("curriculum"), "curriculum", template.curriculum
    for rules in playbook.evaluation:
        site = playbook.site(rules)
        for p, promotion in enumerate(rules.promotions):
            for r, role_id in enumerate(promotion.target_roles):
                yield site.at("promotions", p, "target_roles", r), "role", role_id
            yield site.at("promotions", p, "eligibility", "min_grade"), "grade", \
                promotion.eligibility.min_grade
    for inputs in playbook.hiring.values():
        site = playbook.site(inputs)
        for c, channel in enumerate(inputs.channels):
            for r, role_id in enumerate(channel.roles):
                yield site.at("channels", c, "roles", r), "role", role_id
        for r, entry in enumerate(inputs.roster):
            yield site.at("roster", r, "role"), "role", entry.role


def _stage_modules(playbook: Playbook) -> Iterator[Report]:
    """Modules an onboarding stage names must exist and belong to the template's curriculum."""
    for template in playbook.onboarding.values():
        site = playbook.site(template)
        own = {m.id for m in playbook.curriculum_modules(template.curriculum)}
        for s, stage in enumerate(template.stages):
            for m, module_id in enumerate(stage.modules):
                where = site.at("stages", s, "modules", m)
                if not playbook.exists("module", module_id):
                    hint = suggest(module_id, playbook.declared.get("module", {}))
                    yield Report(where, f"unknown module '{module_id}'{hint}")
                elif own and module_id not in own:
                    yield Report(where, f"module '{module_id}' is not part of curriculum "
                                 f"'{template.curriculum}'; add it there or remove it here")


@rule("CS202")
def check(playbook: Playbook) -> Iterator[Report]:
    for site, namespace, key in _refs(playbook):
        if not playbook.exists(namespace, key):
            known = playbook.declared.get(namespace, {})
            hint = suggest(key, known) or (f"; no {namespace} is defined yet" if not known else "")
            yield Report(site, f"unknown {namespace} '{key}'{hint}")
    yield from _stage_modules(playbook)
