"""Role (岗位): what the job is, whom to hire for it and how to interview for it."""

from typing import Literal

from pydantic import Field, model_validator

from cs_team.model.common import Document, Id, LocalText, Strict
from cs_team.model.kpi import KpiTargets
from cs_team.wording import phrase

QuestionType = Literal[
    "behavioural", "situational", "teamwork", "closed", "open", "role-play", "skills-test", "case",
    "knock-out",
]
StageType = Literal[
    "resume-screen", "phone-screen", "structured-interview", "role-play", "skills-test",
    "group-discussion", "case-analysis", "personality-test", "reference-check",
    "background-check", "final-interview",
]


class QuestionSlot(Strict):
    """How many questions of one type the stage asks."""

    type: QuestionType
    per_competency: int | None = Field(None, ge=1, le=20, description="This many for each competency")
    count: int | None = Field(None, ge=1, le=100,
                              description="This many in all, covering the stage's competencies")

    @model_validator(mode="after")
    def _one_quantity(self) -> "QuestionSlot":
        if (self.per_competency is None) == (self.count is None):
            raise ValueError(phrase("model.one_quantity"))
        if self.type == "knock-out" and self.per_competency is not None:
            raise ValueError(phrase("model.knock_out_count"))
        return self


class InterviewStage(Strict):
    id: Id
    type: StageType
    title: LocalText | None = None
    minutes: int = Field(ge=1, le=480)
    competencies: list[Id] = Field(default_factory=list)
    questions: list[QuestionSlot] = Field(default_factory=list)
    notes: LocalText | None = Field(None, description="Guidance for the interviewer")
    sitting: Id | None = Field(
        None, description="The sitting (day, visit or call) the stage happens in; stages with the same one "
        "run back to back. Default: screens and checks alone, every other stage on-site")


class Criterion(Strict):
    competency: Id
    weight: float = Field(gt=0, le=100, description="Percent of the total score")
    minimum: int | None = Field(None, ge=-100, le=100,
                                description="Lowest acceptable rating, whatever the total")


class Requirements(Strict):
    education: LocalText | None = None
    experience_years: float | None = Field(None, ge=0, le=60)
    knowledge: list[LocalText] = Field(default_factory=list)
    skills: list[LocalText] = Field(default_factory=list)
    traits: list[LocalText] = Field(default_factory=list)


class Role(Document):
    kind: Literal["role"]
    id: Id
    title: LocalText
    family: Id
    grade: Id
    reports_to: Id | None = None
    summary: LocalText
    responsibilities: list[LocalText] = Field(min_length=1)
    requirements: Requirements
    hiring_criteria: list[Criterion] = Field(min_length=1)
    interview: list[InterviewStage] = Field(min_length=1)
    kpi_targets: KpiTargets | None = Field(
        None, description="Targets for this role; they override the probation targets of its level"
    )
    kpis_from_level: bool = Field(
        True, description="Whether the probation targets of the role's level apply; false for a role "
        "whose work is not taking contacts (complaints, CRM, QA), which sets the KPIs of its own work")
    answer_within_days: int = Field(
        5, ge=0, le=30, description="Working days within which the closing script promises every candidate "
        "an answer: 0 the same day, 1 the next working day (volume hiring)")
    curriculum: Id | None = None
    onboarding: Id | None = None
