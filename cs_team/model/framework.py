"""Career framework (岗位族与职级): role families, career tracks and the grade ladder."""

from typing import Literal

from pydantic import Field

from cs_team.model.common import Document, Id, Level, LocalText, Strict


class Family(Strict):
    id: Id
    name: LocalText
    description: LocalText | None = None


class Track(Strict):
    """A career track (职业通道): grades side by side with another track's share a band."""

    id: Id
    name: LocalText
    description: LocalText | None = None


class Progression(Strict):
    """How a person moves up into a grade from the one below it on its track (晋级条件)."""

    from_grade: Id = Field(description="The grade below on the same track")
    min_months_in_grade: int = Field(ge=1, le=120, description="Months served in the grade below")
    months_at_target: int = Field(
        ge=1, le=24, description="Consecutive months at the KPI targets of this grade's level")
    min_performance: str | None = Field(None, description="Lowest performance rating, e.g. B")
    assessment: LocalText = Field(description="What is assessed before the move, and how")
    pass_score: float | None = Field(None, gt=0, le=100, description="Pass mark of the assessment")


class Grade(Strict):
    id: Id
    name: LocalText
    level: Level = Field(description="Which KPI tier and question level the grade uses")
    track: Id | None = Field(None, description="The career track the grade is on")
    band: int | None = Field(
        None, ge=1, le=30, description="职级带: grades of different tracks with the same band rank "
        "alike; without bands, the grades rank in list order")
    progression: Progression | None = None


class AuthorityLimit(Strict):
    grade: Id
    up_to: float = Field(ge=0, le=10_000_000, description="The most this grade may grant for one case")


class Remedy(Strict):
    """One kind of remedy on the approval-authority list (授权表): who may grant how much."""

    id: Id
    name: LocalText
    unit: Literal["CNY", "percent", "days"] = Field(description="What up_to counts")
    limits: list[AuthorityLimit] = Field(min_length=1)
    above: LocalText | None = Field(None, description="Who approves above the highest limit")


class CareerFramework(Document):
    kind: Literal["career-framework"]
    id: Id
    name: LocalText
    families: list[Family] = Field(min_length=1)
    tracks: list[Track] = Field(default_factory=list)
    grades: list[Grade] = Field(
        min_length=1, description="Lowest grade first (on each track): promotion rules compare "
        "by band, or by this order when no grade has a band"
    )
    authority: list[Remedy] = Field(default_factory=list, description="The approval-authority list (授权表)")
