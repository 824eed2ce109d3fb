"""Career framework (岗位族与职级): role families and the ordered grade ladder."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cs_team.model.common import Document, Id, Level, LocalText, Strict


class Family(Strict):
    id: Id
    name: LocalText
    description: LocalText | None = None


class Grade(Strict):
    id: Id
    name: LocalText
    level: Level = Field(description="Which KPI tier and question level the grade uses")


class CareerFramework(Document):
    kind: Literal["career-framework"]
    id: Id
    name: LocalText
    families: list[Family] = Field(min_length=1)
    grades: list[Grade] = Field(
        min_length=1, description="Lowest grade first: promotion rules compare by this order"
    )
