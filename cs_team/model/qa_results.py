"""A filled QA evaluation (质检评估): one contact scored on a channel's form, one row of the table
``eval-sheet qa --format csv|xlsx`` writes.

The row's model is made from the form, so each item's points are checked against that item's
maximum and each problem keeps the item's id (and so its column): ``evaluation_model(form)``.
"""

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model

from cs_team.model.kpi_export import Name, number_cell
from cs_team.model.qa import QaForm


class _Fixed(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


class Evaluation(_Fixed):
    agent: Name
    evaluator: Name
    date: Annotated[dt.date, Field(strict=True)]
    contact_id: Name
    comments: str | None = None
    scores: Any
    """The form's items, by id: points earned, 0 to the item's points."""
    red_lines: Any
    """The form's red lines, by id: True when hit."""

    def points(self) -> dict[str, float]:
        return self.scores.model_dump(by_alias=True)

    def hits(self) -> list[str]:
        return [line for line, hit in self.red_lines.model_dump(by_alias=True).items() if hit]


def evaluation_model(form: QaForm) -> type[Evaluation]:
    """The row model of ``form``: a score per item within its points, yes/no per red line (a red
    line left blank was not hit). Errors are located as ``("scores", item id)`` and
    ``("red_lines", red line id)``."""
    items = {f"i{n}": (Annotated[float, BeforeValidator(number_cell)],
                       Field(alias=item.id, ge=0, le=item.points))
             for n, (_, _, item) in enumerate(form.items())}
    lines = {f"r{n}": (bool, Field(False, alias=line.id, strict=True))
             for n, line in enumerate(form.red_lines)}
    scores = create_model(f"Scores_{form.id}", __base__=_Fixed, **items)  # type: ignore[call-overload]
    red_lines = create_model(f"RedLines_{form.id}", __base__=_Fixed, **lines)  # type: ignore[call-overload]
    return create_model(f"Evaluation_{form.id}", __base__=Evaluation,
                        scores=(scores, ...), red_lines=(red_lines, ...))
