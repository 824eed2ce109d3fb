"""A KPI export (KPI 导出): one row per agent and period, the figures a contact-centre system gives.

Columns: ``agent`` (客服), ``role`` (岗位, a role id), ``period`` (周期: an ISO week ``2026-W40`` or a
month ``2026-10``), ``contacts`` (接待量, contacts handled in the period), and any of the KPIs of
``cs_team.model.kpi.KPI_FIELDS`` (a percentage written as 85 for 85 %).
"""

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model
from pydantic_core import PydanticCustomError

from cs_team.model.common import Id
from cs_team.model.kpi import KPI_FIELDS

_WEEK = re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE)
_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?")

BOUNDS: dict[str, tuple[float | None, float | None]] = {
    "percent": (0, 100), "seconds": (0, None), "hours": (0, None), "score": (0, None)}
"""A KPI's range by unit; NPS alone runs from -100 to 100."""


def kpi_bounds(name: str) -> tuple[float | None, float | None]:
    return (-100, 100) if name == "nps" else BOUNDS[KPI_FIELDS[name][0]]


def parse_period(value: object) -> str:
    """``2026-W05`` or ``2026-10`` from what people write (2026-W5, 2026W05, 2026/10, 2026年10月), or
    from a date cell on the first of a month: Excel turns a typed ``2026-10`` into 1 October 2026."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date) and value.day == 1:
        return f"{value.year}-{value.month:02d}"
    text = str(value).strip() if isinstance(value, str) else ""
    week = _WEEK.fullmatch(text)
    if week:
        year, number = int(week[1]), int(week[2])
        try:
            dt.date.fromisocalendar(year, number, 1)
        except ValueError:
            raise PydanticCustomError("period", "no such week") from None
        return f"{year}-W{number:02d}"
    month = _MONTH.fullmatch(text)
    if month and 1 <= int(month[2]) <= 12:
        return f"{int(month[1])}-{int(month[2]):02d}"
    raise PydanticCustomError("period", "not a week or a month")


def period_days(period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a period written by ``parse_period``."""
    if "W" in period:
        year, week = period.split("-W")
        first = dt.date.fromisocalendar(int(year), int(week), 1)
        return first, first + dt.timedelta(days=6)
    year, month = (int(part) for part in period.split("-"))
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def one_line(value: object) -> str:
    text = "" if value is None else value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    if not text or any(char < " " for char in text):
        raise PydanticCustomError("name", "not one line of text")
    return text


def number_cell(value: object) -> object:
    """Numbers as written in a CSV cell ("1,234", "85%") or an xlsx cell; a yes/no is not a number."""
    if isinstance(value, bool):
        raise PydanticCustomError("number", "not a number")
    if isinstance(value, str):
        return value.strip().replace(",", "").removesuffix("%").strip()
    return value


Name = Annotated[str, BeforeValidator(one_line)]
Period = Annotated[str, BeforeValidator(parse_period)]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    agent: Name
    role: Id
    period: Period
    contacts: Annotated[int, BeforeValidator(number_cell), Field(ge=0)]

    def kpis(self) -> dict[str, float]:
        """The KPIs this row gives, in KPI_FIELDS order."""
        return {name: value for name in KPI_FIELDS if (value := getattr(self, name)) is not None}


def _kpi_field(name: str) -> Any:
    low, high = kpi_bounds(name)
    return (Annotated[float | None, BeforeValidator(number_cell)], Field(None, ge=low, le=high))


KpiRow = create_model("KpiRow", __base__=_Row, __doc__="One agent's figures for one period.",
                      **{name: _kpi_field(name) for name in KPI_FIELDS})
