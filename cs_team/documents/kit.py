"""The interview kit and the interview scorecard of a role."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cs_team.documents.common import Point, Stamp, scale, stamp
from cs_team.documents.sittings import INSTRUCTIONS, WITHOUT_CANDIDATE, Sitting, sittings
from cs_team.errors import InputError, UsageError
from cs_team.interview import asked_knock_outs, describe_shortfall, plan_interview
from cs_team.model.common import Text
from cs_team.model.competency import Competency
from cs_team.model.framework import Family, Grade
from cs_team.model.questions import Question
from cs_team.model.role import InterviewStage, Role
from cs_team.playbook import Playbook
from cs_team.wording import did_you_mean, enumerated, listed, phrase


@dataclass
class AskedQuestion:
    number: int
    question: Question
    competency: Competency | None
    """What the slot asks about; None when it covers the stage's competencies together."""
    starts_at: float
    """Minutes into the stage."""
    evidences: list[Competency] = field(default_factory=list)
    """For a slot that covers the stage's competencies together: those of them this question
    assesses, so the interviewer knows which scorecard rows its answer informs."""


@dataclass
class StageView:
    stage: InterviewStage
    competencies: list[Competency]
    questions: list[AskedQuestion]
    starts_at: int
    """Minutes into its sitting."""
    greeting: str | None = None
    """The opening script's label when the sitting starts here with the candidate."""
    sitting_minutes: int = 0
    instructions: str | None = None
    """How a role-play or a test is introduced (label key)."""
    closes: bool = False
    """The sitting's closing script follows this stage."""


@dataclass
class SittingView:
    sitting: Sitting
    stages: list[StageView]
    name: str | None
    """The label catalogue's name of the sitting (sittings.*), or None: named by its first stage."""
    title: Text | None = None


@dataclass
class ScoreRow:
    competency: Competency
    weight: float
    minimum: int | None
    points: list[Point]


@dataclass
class ScorecardLayout:
    rows: list[ScoreRow]
    top: int
    """The highest rating, so the top weighted score."""
    knock_outs: list[Question] = field(default_factory=list)
    """The kit's knock-outs: a pass/fail box each, outside the weighted score."""


@dataclass
class Header:
    candidate: str | None = None
    interviewer: str | None = None
    date: dt.date | None = None


@dataclass
class Kit:
    role: Role
    grade: Grade | None
    family: Family | None
    stages: list[StageView]
    scorecard: ScorecardLayout
    header: Header
    stamp: Stamp
    total_minutes: int = field(default=0)
    sittings: list[SittingView] = field(default_factory=list)
    closing: str = "closing_text"
    """The closing script (label key), by the answer the role promises (answer_within_days)."""


def opening_key(stage: InterviewStage) -> str | None:
    """Which opening script suits the stage alone (for templates written before sittings)."""
    if stage.type in WITHOUT_CANDIDATE:
        return None
    return INSTRUCTIONS.get(stage.type, "opening_text")


def find_role(playbook: Playbook, role_id: str) -> Role:
    if role_id not in playbook.roles:
        hint = (did_you_mean(role_id, playbook.roles)
                or phrase("document.roles_are", roles=enumerated(playbook.roles)))
        raise UsageError(phrase("document.no_role", role=role_id, hint=hint))
    return playbook.roles[role_id]


def scorecard(playbook: Playbook, role: Role) -> ScorecardLayout:
    rows = []
    for criterion in role.hiring_criteria:
        competency = playbook.competencies.get(criterion.competency)
        if competency is None:
            raise InputError(phrase("document.no_competency", role=role.id, competency=criterion.competency))
        rows.append(ScoreRow(competency, criterion.weight, criterion.minimum, scale(playbook, competency)))
    top = max((p.value for row in rows for p in row.points), default=0)
    return ScorecardLayout(rows, top, asked_knock_outs(playbook, role))


def kit(playbook: Playbook, role_id: str, stage_id: str | None = None, header: Header | None = None) -> Kit:
    role = find_role(playbook, role_id)
    plan = plan_interview(playbook, role)
    if plan.shortfalls:
        problems = listed(describe_shortfall(playbook, role, gap) for gap in plan.shortfalls)
        raise InputError(phrase("document.bank_short", role=role.id, problems=problems))
    stage_ids = [s.id for s in role.interview]
    if stage_id is not None and stage_id not in stage_ids:
        hint = (did_you_mean(stage_id, stage_ids)
                or phrase("document.stages_are", stages=enumerated(stage_ids)))
        raise UsageError(phrase("document.no_stage", role=role.id, stage=stage_id, hint=hint))
    groups = sittings(role.interview)
    scripts = {id(stage): script for group in groups for stage, script in _scripts(group)}
    stages, views, number = [], [], 0
    for stage_plan in plan.stages:
        stage = stage_plan.stage
        asked, offset = [], 0.0
        for slot, question in stage_plan.picks:
            number += 1
            known = playbook.competencies
            evidences = [] if slot.competency else [
                known[c] for c in stage.competencies if c in question.competencies and c in known]
            asked.append(AskedQuestion(number, question, known.get(slot.competency or ""), offset, evidences))
            offset += question.minutes
        if stage_id is None or stage.id == stage_id:
            known = playbook.competencies
            competencies = [known[c] for c in stage.competencies if c in known]
            stages.append(StageView(stage, competencies, asked, *scripts[id(stage)]))
    for group in groups:
        shown = [view for view in stages if any(view.stage is s for s in group.stages)]
        if shown:
            first = group.stages[0]
            views.append(SittingView(group, shown, group.key if group.key in SITTING_NAMES else None,
                                     first.title))
    return Kit(role, playbook.grades.get(role.grade), playbook.families.get(role.family), stages,
               scorecard(playbook, role), header or Header(), stamp(playbook),
               sum(s.stage.minutes for s in stages), views, _answer_key(role.answer_within_days))


SITTING_NAMES = {"resume-screen", "phone-screen", "on-site", "reference-check", "background-check"}
"""Sittings the label catalogue names; any other is named by its first stage."""


def _scripts(group: Sitting) -> list[tuple[InterviewStage, tuple]]:
    """Per stage: (minutes into the sitting, its greeting, its instructions, whether it closes)."""
    present = [stage for stage in group.stages if stage.type not in WITHOUT_CANDIDATE]
    found, elapsed = [], 0
    for stage in group.stages:
        greets = group.greeting if present and stage is present[0] else None
        closes = bool(present) and stage is present[-1]
        found.append((stage, (elapsed, greets, group.minutes, INSTRUCTIONS.get(stage.type), closes)))
        elapsed += stage.minutes
    return found


def _answer_key(days: int) -> str:
    return {0: "closing_same_day", 1: "closing_next_day"}.get(days, "closing_text")
