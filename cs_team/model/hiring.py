"""Hiring inputs (招聘规划参数): service targets, shrinkage, attrition, ramp and sourcing."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag

from cs_team.model.common import Document, Id, LocalText, Percent, Strict


class ServiceLevel(Strict):
    percent: Percent
    within_seconds: float


class ServiceChannel(Strict):
    id: Id
    name: LocalText
    type: Literal["voice", "chat", "messaging", "email", "social"]
    roles: list[Id] = Field(min_length=1, description="Roles that staff this channel")
    service_level: ServiceLevel | None = None
    asa_seconds: float | None = None
    response_hours: float | None = Field(None, description="Email/tickets: first response within")
    concurrency: float = Field(1, description="Contacts one agent handles at once (chat: 2-3)")
    max_occupancy_percent: Percent | None = None


class ShrinkageItems(Strict):
    holidays: Percent = 0
    sickness: Percent = 0
    breaks: Percent = 0
    training: Percent = 0
    meetings: Percent = 0
    other: Percent = 0

    def total(self) -> float:
        return sum(getattr(self, name) for name in type(self).model_fields)


def _shrinkage_form(value: object) -> str:
    return "itemised" if isinstance(value, dict) else "total"


Shrinkage = Annotated[
    Annotated[Percent, Tag("total")] | Annotated[ShrinkageItems, Tag("itemised")],
    Discriminator(_shrinkage_form),
]


class Funnel(Strict):
    """Conversion from one stage to the next, in percent."""

    screened_percent: Percent
    interviewed_percent: Percent
    offered_percent: Percent
    accepted_percent: Percent


class SourcingChannel(Strict):
    id: Id
    name: LocalText
    days_to_fill: int = Field(ge=0)
    funnel: Funnel
    cost_per_hire: float = Field(0, ge=0)
    fixed_cost: float = Field(0, ge=0)
    share_percent: Percent = Field(description="Share of hires planned through this channel")
    one_year_retention_percent: Percent | None = None


class RosterEntry(Strict):
    role: Id
    headcount: int = Field(ge=0)


class HiringInputs(Document):
    kind: Literal["hiring-inputs"]
    id: Id
    title: LocalText
    currency: str = Field("CNY", pattern=r"^[A-Z]{3}$")
    hours_per_fte_week: float = Field(40, gt=0, le=80)
    shrinkage: Shrinkage
    attrition_percent_per_month: Percent
    training_weeks: float = Field(ge=0)
    nesting_weeks: float = Field(0, ge=0)
    ramp_percent: list[Percent] = Field(
        default_factory=list, description="Productivity per week after go-live, in percent"
    )
    channels: list[ServiceChannel] = Field(min_length=1)
    roster: list[RosterEntry] = Field(default_factory=list)
    sourcing: list[SourcingChannel] = Field(min_length=1)
    budget: float | None = Field(None, ge=0)
    forecast: str | None = Field(
        None, description="The demand forecast CSV, relative to the repository root")
