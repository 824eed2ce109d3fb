"""Question bank (题库): interview questions, with role-play scenarios as one type of them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from cs_team.model.common import Document, Id, Level, LocalText, Strict
from cs_team.model.role import QuestionType
from cs_team.wording import phrase


class Rubric(Strict):
    poor: LocalText
    fair: LocalText
    strong: LocalText


class Scenario(Strict):
    """The card for a role-play: who the customer is, what happened, what to watch."""

    persona: LocalText
    setup: LocalText
    opening: LocalText | None = Field(None, description="The customer's first line, said by the assessor")
    watch_for: list[LocalText] = Field(min_length=1)


class Question(Strict):
    id: Id
    type: QuestionType
    text: LocalText
    competencies: list[Id] = Field(min_length=1)
    levels: list[Level] = Field(default_factory=list, description="Empty: suits every level")
    roles: list[Id] = Field(default_factory=list, description="Empty: suits every role")
    minutes: float = Field(gt=0, le=480)
    probes: list[LocalText] = Field(default_factory=list)
    rubric: Rubric
    scenario: Scenario | None = None

    @model_validator(mode="after")
    def _scenario_for_role_play(self) -> Question:
        if self.type == "role-play" and self.scenario is None:
            raise ValueError(phrase("model.role_play_needs_scenario"))
        if self.type != "role-play" and self.scenario is not None:
            raise ValueError(phrase("model.scenario_only_role_play"))
        return self


class QuestionBank(Document):
    kind: Literal["question-bank"]
    id: Id
    title: LocalText | None = None
    questions: list[Question] = Field(min_length=1)
