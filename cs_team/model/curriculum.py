"""Curriculum (课程体系): training modules with formats, hours, prerequisites, assessment."""

from typing import Literal

from pydantic import Field

from cs_team.model.common import Document, Id, LocalText, Strict

ContentArea = Literal[
    "culture", "product", "industry", "process", "communication", "complaints", "emotion",
    "problem-solving", "tools", "compliance", "teamwork", "quality", "leadership",
]
ModuleFormat = Literal[
    "classroom", "live-online", "e-learning", "micro-lesson", "role-play", "shadowing",
    "mentoring", "case-review", "rotation", "external",
]


class TestItem(Strict):
    """One question of a theory test's item bank (题库), so a trainer can run the test on day one."""

    id: Id
    question: LocalText
    options: list[LocalText] = Field(min_length=2, max_length=6)
    answer: int = Field(ge=1, description="The right option, counted from 1")


class Assessment(Strict):
    methods: list[Literal["theory", "simulation", "practical"]] = Field(min_length=1)
    pass_mark: float = Field(gt=0, le=100, description="Percent needed to pass")
    on_fail: Literal["retrain", "reassign", "retrain-then-reassign"] = "retrain-then-reassign"
    retakes: int = Field(1, ge=0, le=10)
    minutes: int = Field(30, ge=1, le=480)
    items: list[TestItem] = Field(default_factory=list, description="The theory test's item bank")


class Module(Strict):
    id: Id
    title: LocalText
    area: ContentArea
    format: ModuleFormat
    hours: float = Field(gt=0, le=1000)
    description: LocalText | None = None
    objectives: list[LocalText] = Field(default_factory=list)
    prerequisites: list[Id] = Field(default_factory=list)
    competencies: list[Id] = Field(default_factory=list)
    assessment: Assessment | None = None
    prepare: list[LocalText] = Field(default_factory=list,
                                     description="What the new hire brings or does beforehand")
    location: LocalText | None = Field(None, description="Room or meeting link; the template's when absent")
    shadowing_record: list[LocalText] = Field(
        default_factory=list, description="旁听记录表: what the new hire notes for each contact listened to")


class Curriculum(Document):
    kind: Literal["curriculum"]
    id: Id
    title: LocalText
    description: LocalText | None = None
    extends: Id | None = Field(None, description="Another curriculum whose modules come first")
    modules: list[Module] = Field(default_factory=list)
