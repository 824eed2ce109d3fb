"""Where each competency of a role is hired for, trained, measured and weighed, and the gaps.

- Interview: the stages of the role's kit that assess it, and how many of the kit's questions
  ask about it (the interview planner's own choice, so the count is what interviewers see).
- Training: the modules of the role's curriculum (with what it extends) that list it.
- Probation: the competency's ``kpis`` that the role's probation targets measure.
- Promotion: the competitions this role can enter (its grade reaches the minimum) whose target
  role weighs the competency, with that weight.

Gaps: a competency hired for but never trained; one no probation target measures; a module of
the curriculum tied to no competency.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from cs_team.interview import plan_interview
from cs_team.model.common import Text
from cs_team.model.curriculum import Module
from cs_team.model.role import Role
from cs_team.playbook import Playbook


@dataclass
class Interview:
    stage: str
    questions: int
    type: str
    title: Text | None = None
    """The stage's own title; a document names an untitled stage by its type."""


@dataclass
class PromotionWeight:
    promotion: str
    target_role: str
    weight: float


@dataclass
class CompetencyTrace:
    competency: str
    weight: float
    interview: list[Interview]
    modules: list[Module]
    kpis: list[str]
    """The competency's KPIs that the role's probation measures."""
    unmeasured_kpis: list[str]
    """Its KPIs the probation does not set a target for."""
    promotions: list[PromotionWeight]

    @property
    def questions(self) -> int:
        return sum(i.questions for i in self.interview)


@dataclass
class Gap:
    kind: str
    """not-interviewed, not-trained, not-measured, stage-not-asked (a stage lists a competency
    none of its questions assesses), stage-not-scored (a stage assesses a competency the
    scorecard has no row for) or module-without-competency."""
    subject: str
    name: Text | None = None
    """What a document calls the subject (the competency's name, the module's title)."""


@dataclass
class RoleTrace:
    role: Role
    competencies: list[CompetencyTrace]
    gaps: list[Gap] = field(default_factory=list)


def not_trained(playbook: Playbook, role: Role) -> list[int]:
    """The indexes of the role's hiring criteria whose competency no module of its curriculum
    trains (lint's CS217 and trace's not-trained gap). None when the role has no curriculum or
    names one that does not exist, and none for an unknown competency: lint names those."""
    if not role.curriculum or role.curriculum not in playbook.curricula:
        return []
    trained = {c for module in playbook.curriculum_modules(role.curriculum) for c in module.competencies}
    return [i for i, criterion in enumerate(role.hiring_criteria)
            if criterion.competency in playbook.competencies and criterion.competency not in trained]


def trace(playbook: Playbook, role: Role) -> RoleTrace:
    plan = plan_interview(playbook, role)
    modules = playbook.curriculum_modules(role.curriculum) if role.curriculum else []
    targets = playbook.probation_targets(role)
    rank = playbook.grade_rank(role.grade)
    traces = []
    for criterion in role.hiring_criteria:
        cid = criterion.competency
        competency = playbook.competencies.get(cid)
        interview = []
        for stage_plan in plan.stages:
            stage = stage_plan.stage
            asked = sum(1 for slot, question in stage_plan.picks if slot.competency == cid
                        or (slot.competency is None and cid in question.competencies))
            if cid in stage.competencies or asked:
                interview.append(Interview(stage.id, asked, stage.type, stage.title))
        kpis = list(competency.kpis) if competency else []
        promotions = []
        for rules in playbook.evaluation:
            for promotion in rules.promotions:
                floor = playbook.grade_rank(promotion.eligibility.min_grade)
                if rank is None or floor is None or rank < floor:
                    continue
                for target_id in promotion.target_roles:
                    target = playbook.roles.get(target_id)
                    weight = next((c.weight for c in target.hiring_criteria if c.competency == cid), None) \
                        if target else None
                    if weight is not None and target_id != role.id:
                        promotions.append(PromotionWeight(promotion.id, target_id, weight))
        measured = [k for k in kpis if k in targets]
        traces.append(CompetencyTrace(cid, criterion.weight, interview,
                                      [m for m in modules if cid in m.competencies], measured,
                                      [k for k in kpis if k not in targets], promotions))
    gaps = []
    untrained = {role.hiring_criteria[i].competency for i in not_trained(playbook, role)}
    for t in traces:
        if not t.questions and not t.interview:
            gaps.append(Gap("not-interviewed", t.competency, _name(playbook, t.competency)))
        if t.competency in untrained:
            gaps.append(Gap("not-trained", t.competency, _name(playbook, t.competency)))
        if not t.kpis:
            gaps.append(Gap("not-measured", t.competency, _name(playbook, t.competency)))
    for kind, found in (("stage-not-asked", unasked(playbook, role)), ("stage-not-scored", unscored(role))):
        for s, _, cid in found:
            gaps.append(Gap(kind, f"{role.interview[s].id}: {cid}", _name(playbook, cid)))
    for module in modules:
        if not module.competencies:
            gaps.append(Gap("module-without-competency", module.id, module.title))
    return RoleTrace(role, traces, gaps)


def unasked(playbook: Playbook, role: Role) -> Iterator[tuple[int, int, str]]:
    """(stage, position, competency) a stage lists but none of its planned questions assesses.

    Stages without questions (a résumé screen) and stages the bank cannot fill (CS204 says so)
    are left out."""
    plan = plan_interview(playbook, role)
    short = {gap.stage_index for gap in plan.shortfalls}
    for s, stage_plan in enumerate(plan.stages):
        stage = stage_plan.stage
        if not stage.questions or s in short:
            continue
        asked = {c for _, question in stage_plan.picks for c in question.competencies}
        for c, competency in enumerate(stage.competencies):
            if competency not in asked:
                yield s, c, competency


def unscored(role: Role) -> Iterator[tuple[int, int, str]]:
    """(stage, position, competency) a stage assesses that has no row on the scorecard."""
    scored = {criterion.competency for criterion in role.hiring_criteria}
    for s, stage in enumerate(role.interview):
        for c, competency in enumerate(stage.competencies):
            if competency not in scored:
                yield s, c, competency


def _name(playbook: Playbook, competency: str) -> Text | None:
    known = playbook.competencies.get(competency)
    return known.name if known is not None else None


def as_dict(traces: list[RoleTrace]) -> dict:
    return {"roles": [{
        "role": rt.role.id,
        "competencies": [{
            "competency": t.competency, "weight": t.weight,
            "interview": [{"stage": i.stage, "questions": i.questions} for i in t.interview],
            "modules": [m.id for m in t.modules], "probation_kpis": t.kpis,
            "kpis_without_target": t.unmeasured_kpis,
            "promotions": [{"promotion": p.promotion, "target_role": p.target_role, "weight": p.weight}
                           for p in t.promotions],
        } for t in rt.competencies],
        "gaps": [{"kind": g.kind, "subject": g.subject} for g in rt.gaps],
    } for rt in traces]}
