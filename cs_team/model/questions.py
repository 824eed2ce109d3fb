"""Question bank (题库): interview questions, with role-play scenarios as one type of them.

A knock-out (淘汰项) checks eligibility (shifts, start date, a language the post needs): it
passes or fails against ``passes``, is not rated on a scale and assesses no competency, so it
weighs nothing in the score; a failed one makes the candidate not eligible.
"""

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
    facts: list[LocalText] = Field(
        default_factory=list, description="The policy facts handed to the candidate before the role-play: "
        "what the rubric's 'states the rule accurately' is judged against")


class Question(Strict):
    id: Id
    type: QuestionType
    text: LocalText
    competencies: list[Id] = Field(default_factory=list,
                                   description="What the answer is rated on; none for a knock-out")
    levels: list[Level] = Field(default_factory=list, description="Empty: suits every level")
    roles: list[Id] = Field(default_factory=list, description="Empty: suits every role")
    minutes: float = Field(gt=0, le=480)
    probes: list[LocalText] = Field(default_factory=list)
    rubric: Rubric | None = Field(None, description="Every type but knock-out")
    passes: LocalText | None = Field(None, description="Knock-out only: the answer that passes; "
                                     "any other fails")
    scenario: Scenario | None = None

    @model_validator(mode="after")
    def _fields_of_its_type(self) -> "Question":
        if self.type == "role-play" and self.scenario is None:
            raise ValueError(phrase("model.role_play_needs_scenario"))
        if self.type != "role-play" and self.scenario is not None:
            raise ValueError(phrase("model.scenario_only_role_play"))
        if self.type == "knock-out":
            if self.rubric is not None or self.competencies:
                raise ValueError(phrase("model.knock_out_not_rated"))
        else:
            if self.rubric is None or not self.competencies:
                raise ValueError(phrase("model.rated_needs_rubric"))
            if self.passes is not None:
                raise ValueError(phrase("model.passes_only_knock_out"))
        return self


class QuestionBank(Document):
    kind: Literal["question-bank"]
    id: Id
    title: LocalText | None = None
    questions: list[Question] = Field(min_length=1)
