"""Competency (能力项): what it is, how it shows, and an anchored rating scale."""

from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag

from cs_team.model.common import Document, Id, LocalText
from cs_team.model.kpi import KpiName
from cs_team.model.scale import ScalePoint


def _scale_form(value: object) -> str:
    return "inline" if isinstance(value, list) else "shared"


ScaleRef = Annotated[
    Annotated[Id, Tag("shared")] | Annotated[list[ScalePoint], Tag("inline")],
    Discriminator(_scale_form),
]


class Competency(Document):
    kind: Literal["competency"]
    id: Id
    name: LocalText
    category: Literal["core", "professional", "leadership"] = "core"
    definition: LocalText
    indicators: list[LocalText] = Field(min_length=1, description="Observable behaviours")
    scale: ScaleRef = Field(
        description="The id of a shared rating-scale, or the points written out here"
    )
    anchors: dict[int, LocalText] | None = Field(
        None, description="With a shared scale: what each point looks like for this competency"
    )
    kpis: list[KpiName] = Field(
        default_factory=list, description="The KPIs that show this competency at work (for `cs-team trace`)"
    )
