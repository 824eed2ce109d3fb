"""Post-training surveys (课后反馈问卷): what trainees thought of a module, Kirkpatrick's level 1.

A survey names the modules it is handed out after, a rating scale (1 to ``points``, with what its
points mean), and its questions: ratings on that scale, or free text. Filled, one trainee a row,
it is scored by ``cs-team training-effect`` as the reaction to each module and cohort.
"""

from typing import Literal

from pydantic import Field

from cs_team.model.common import Document, Id, LocalText, Strict

QuestionType = Literal["rating", "text"]


class SurveyScale(Strict):
    points: int = Field(5, ge=2, le=10, description="Ratings run from 1 to this")
    labels: dict[int, LocalText] = Field(
        description="What a rating means, by point; both ends at least (lint's CS277)")


class SurveyQuestion(Strict):
    id: Id
    type: QuestionType
    text: LocalText


class Survey(Document):
    kind: Literal["survey"]
    id: Id
    title: LocalText
    modules: list[Id] = Field(min_length=1, description="The modules this survey follows")
    scale: SurveyScale
    questions: list[SurveyQuestion] = Field(min_length=1)
    note: LocalText | None = Field(None, description="Said to the trainee above the questions")

    def ratings(self) -> list[SurveyQuestion]:
        return [q for q in self.questions if q.type == "rating"]
