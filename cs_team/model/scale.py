"""Rating scales: shared ones (rating-scale documents) and the points they are made of."""

from typing import Literal

from pydantic import Field

from cs_team.model.common import Document, Id, LocalText, Strict


class ScalePoint(Strict):
    value: int = Field(ge=-100, le=100)
    label: LocalText | None = None
    anchor: LocalText | None = Field(None, description="What this rating looks like in behaviour")


class RatingScale(Document):
    kind: Literal["rating-scale"]
    id: Id
    name: LocalText
    points: list[ScalePoint] = Field(min_length=2, description="Lowest point first")
