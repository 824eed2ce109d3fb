"""Hiring scenario (招聘规划情景): what-ifs a plan is compared under, kept in the repository."""

from typing import Literal

from pydantic import Field

from cs_team.model.common import Document, Id, LocalText, Percent


class HiringScenario(Document):
    kind: Literal["hiring-scenario"]
    id: Id
    title: LocalText
    description: LocalText | None = None
    volume_percent: float = Field(
        0, gt=-100, le=1000, description="Change of every channel's volume, e.g. 10")
    aht_percent: float = Field(0, gt=-100, le=1000, description="Change of every handle time, e.g. 5")
    attrition_percent_per_month: Percent | None = Field(
        None, description="Replaces the hiring inputs' monthly attrition")
    new_hire_attrition_percent_per_month: Percent | None = Field(
        None, description="Replaces the monthly attrition of hires in their first 90 days")
