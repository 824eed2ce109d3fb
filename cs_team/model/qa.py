"""QA forms (质检评分表): how a contact is scored, per channel, and the red lines that zero it."""

from typing import Literal

from pydantic import Field

from cs_team.model.common import Document, Id, LocalText, Strict

Channel = Literal["voice", "chat", "email"]
CHANNELS: tuple[str, ...] = Channel.__args__  # type: ignore[attr-defined]


class QaItem(Strict):
    id: Id
    title: LocalText
    points: int = Field(ge=1, le=100, description="Points the item is worth out of the form's total")
    earns: LocalText = Field(description="What earns the full points")
    loses: LocalText = Field(description="What loses points, and how many")
    competencies: list[Id] = Field(min_length=1, description="The competencies the item evidences")


class QaSection(Strict):
    id: Id
    title: LocalText
    items: list[QaItem] = Field(min_length=1)


class RedLine(Strict):
    id: Id
    title: LocalText
    hit_when: LocalText | None = Field(
        None, description="What counts as a hit (lint's CS232 asks for it): one hit zeroes the evaluation")
    competencies: list[Id] = Field(default_factory=list)


class QaForm(Document):
    kind: Literal["qa-form"]
    id: Id
    title: LocalText
    channel: Channel
    total: int = Field(100, ge=1, le=1000, description="The form's full score; item points add up to it")
    sections: list[QaSection] = Field(min_length=1)
    red_lines: list[RedLine] = Field(default_factory=list, description="Zero-tolerance items (红线)")

    def items(self) -> list[tuple[int, int, QaItem]]:
        """Every item with its section's and its own index, in form order."""
        return [(s, i, item) for s, section in enumerate(self.sections)
                for i, item in enumerate(section.items)]
