"""Onboarding template (入职培训计划模板): stages, the training day and its blocked windows."""

from typing import Annotated, Literal

from pydantic import Field, model_validator

from cs_team.model.common import Document, Id, LocalText, Strict
from cs_team.model.curriculum import ModuleFormat
from cs_team.wording import phrase

ClockTime = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="HH:MM")]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[str, ...] = Weekday.__args__  # type: ignore[attr-defined]


def minutes_of(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


class Window(Strict):
    start: ClockTime
    end: ClockTime
    days: list[Weekday] = Field(default_factory=lambda: list(WEEKDAYS[:5]))
    reason: LocalText | None = None

    @model_validator(mode="after")
    def _ordered(self) -> "Window":
        if minutes_of(self.end) <= minutes_of(self.start):
            raise ValueError(phrase("model.window_backwards", end=str(self.end), start=str(self.start)))
        return self


class Nesting(Strict):
    """跟岗 (nesting): the hire takes real contacts with a mentor beside them and a lighter load."""

    load_percent: float = Field(gt=0, le=100, description="Share of a tenured agent's contacts taken")
    hires_per_mentor: int = Field(ge=1, le=10, description="New hires one mentor sits beside")
    target: LocalText | None = Field(None, description="The lighter target the hire is held to meanwhile")


class Stage(Strict):
    id: Id
    title: LocalText
    goal: LocalText
    days: int = Field(ge=1, le=260, description="Working days the stage lasts (a year at most)")
    modules: list[Id] = Field(default_factory=list)
    activities: list[LocalText] = Field(default_factory=list)
    checkpoint: LocalText | None = None
    nesting: Nesting | None = Field(
        None, description="A nesting stage: live contacts beside a mentor; the hiring inputs' nesting_weeks "
        "count these days")


class OneToOne(Strict):
    every_weeks: int = Field(1, ge=1, le=52)
    minutes: int = Field(30, ge=5, le=480)
    weekday: Weekday = "fri"


class Paces(Strict):
    """How much of each module's hours a learner at each pace needs (flexible length by learning
    speed); assessments, reviews and one-to-ones keep their length."""

    fast: float = Field(0.8, ge=0.3, le=1)
    extended: float = Field(1.25, ge=1, le=3)


class Room(Strict):
    """A room the template's classes use, and how many hires it seats."""

    name: LocalText
    seats: int = Field(ge=1, le=1000, description="Hires it seats for a class")
    formats: list[ModuleFormat] = Field(
        default_factory=list, description="The module formats held here when a module names no room "
                                          "(first room that lists the format); empty: any format")


class OnboardingTemplate(Document):
    kind: Literal["onboarding-template"]
    id: Id
    title: LocalText
    curriculum: Id
    day_start: ClockTime = "09:00"
    day_end: ClockTime = "18:00"
    lunch: Window | None = None
    max_training_hours_per_day: float = Field(6, gt=0, le=24)
    blocked: list[Window] = Field(default_factory=list, description="No training (peak hours)")
    stages: list[Stage] = Field(min_length=1)
    one_to_one: OneToOne | None = None
    quiz_after_micro_lessons: bool = False
    go_live: LocalText | None = Field(None, description="What must be true to take live contacts")
    pace: Paces = Field(default_factory=Paces)
    micro_lesson_minutes: int = Field(20, ge=10, le=30, description="A micro-lesson is never split")
    quiz_minutes: int = Field(15, ge=5, le=30, description="The quiz after a day's micro-lesson")
    review_minutes: int = Field(30, ge=10, le=120, description="A stage checkpoint or the go-live review")
    trainer: LocalText | None = Field(
        None, description="Who runs the classroom sessions (a name, or a team by name), printed on the plan")
    location: LocalText | None = Field(None, description="Where sessions happen unless a module says")
    rooms: list[Room] = Field(
        default_factory=list, description="The training rooms and their seats: a cohort's class is never "
                                          "larger than a room it uses (--rooms overrides the seats)")

    @model_validator(mode="after")
    def _day_ordered(self) -> "OnboardingTemplate":
        if minutes_of(self.day_end) <= minutes_of(self.day_start):
            raise ValueError(phrase("model.day_backwards", end=str(self.day_end), start=str(self.day_start)))
        return self
