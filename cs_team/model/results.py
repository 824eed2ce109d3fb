"""Results files people fill in: filled scorecards, training results and promotion records.

One pydantic model per row (CSV, xlsx) or mapping (YAML), as the playbooks have theirs. A model
says what each field must be (text, a number within its range) and that no other field is
there; what a value means against the playbook (a module that exists, a rating on the role's
scale, a grade the framework has) is for the reader in ``cs_team.results`` to say.

Values come as YAML gives them or as cell text: a number may be written "80", a date may be a
date cell. Text is trimmed, and a blank is as if the field were not written.
"""

import datetime as dt
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model
from pydantic_core import PydanticCustomError


def as_text(value: object) -> str | None:
    """A cell or YAML value as trimmed text (a date as YYYY-MM-DD); None when blank."""
    if value is None or isinstance(value, dt.date):
        return None if value is None else value.isoformat()
    text = str(value).strip()
    return text or None


def number_between(low: float, high: float, required: bool = False) -> Any:
    """A number (or its text) from ``low`` to ``high``; a yes/no is not a number."""

    def check(value: object) -> object:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise PydanticCustomError("number", "not a number")
        try:
            number = float(value)
        except ValueError:
            raise PydanticCustomError("number", "not a number") from None
        if not low <= number <= high:  # NaN too
            raise PydanticCustomError("outside", "outside {low}-{high}",
                                      {"low": low, "high": high, "number": number})
        return number

    return Annotated[float if required else float | None, BeforeValidator(check)]


Word = Annotated[str, BeforeValidator(as_text)]
"""Text that must be there."""
Note = Annotated[str | None, BeforeValidator(as_text)]
"""Text that may be left out."""
Score = number_between(0, 100)


class _Results(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RatingEntry(_Results):
    """One rating of a YAML scorecard's ``ratings``."""

    competency: Word
    rating: Any = None
    """Checked against the competency's scale by the reader."""
    evidence: Note = None


class KnockOutEntry(_Results):
    """One knock-out of a YAML scorecard's ``knock_outs``: passed or failed."""

    question: Word
    result: Any = None
    """pass / fail, 符合 / 不符合 or YAML's yes / no; blank when this interviewer did not ask it."""
    evidence: Note = None


class ScorecardHead(_Results):
    """A YAML scorecard: one interviewer's ratings of one candidate."""

    kind: Any = None
    role: Word
    candidate: Word
    interviewer: Word
    date: Any = None
    stage: Any = None
    ratings: Any = None
    knock_outs: Any = None
    recommendation: Any = None
    """An id, a printed label in either language, or YAML's yes / no."""


class _ScorecardColumns(_Results):
    """The columns of a CSV or xlsx scorecard (the card-wide ones may be written once)."""

    role: Note = None
    candidate: Note = None
    interviewer: Note = None
    date: Any = None
    competency: Note = None
    competency_name: Any = None
    weight: Any = None
    minimum: Any = None
    rating: Any = None
    knock_out: Note = None
    passes: Any = None
    result: Any = None
    evidence: Note = None
    recommendation: Any = None


class ScorecardRow(_ScorecardColumns):
    """A row rating one competency."""

    competency: Word


class KnockOutRow(_ScorecardColumns):
    """A row recording one knock-out, passed or failed."""

    knock_out: Word


class TrainingAttempt(_Results):
    """One hire's attempt at one module's assessment (or attendance of a module without one)."""

    hire: Word
    module: Word
    attempt: number_between(1, 99) = None
    theory: Score = None
    simulation: Score = None
    practical: Score = None
    attended: Any = None
    """yes / no, 是 / 否 or a boolean cell."""
    cohort: Note = None
    module_name: Any = None
    date: Any = None


class PromotionRecord(_Results):
    """One candidate of an internal promotion competition; each component of the competition's
    final model is a score field of its own (``promotion_record``) or under ``scores``."""

    name: Word
    grade: Word
    tenure_months: number_between(0, 600, required=True)
    performance: Any = None
    """Recent ratings, most recent first: a list, or ``|``-separated text."""
    months_since_major_incident: number_between(0, 600) = None
    complaint_rate_percent: number_between(0, 100) = None
    special_track: Note = None
    scores: Any = None
    """YAML: ``{component: score}``."""
    promotion: Any = None
    line: Note = None
    """The candidate's service line (id or name) when the competition splits its places by line."""


def _component_fields(components: tuple[str, ...]) -> dict[str, Any]:
    # component ids need not be Python names: each is the alias of a field
    return {f"component_{i}": (Score, Field(None, alias=c)) for i, c in enumerate(components)}


@cache
def promotion_record(components: tuple[str, ...]) -> type[PromotionRecord]:
    """The record of a competition whose final model has ``components``: a score field each."""
    return create_model("PromotionRecord", __base__=PromotionRecord, **_component_fields(components))


@cache
def component_scores(components: tuple[str, ...]) -> type[BaseModel]:
    """A YAML record's ``scores:`` mapping: a score for each of ``components``."""
    return create_model("ComponentScores", __base__=_Results, **_component_fields(components))
