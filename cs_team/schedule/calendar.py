"""Which days are working days: official Chinese holidays, adjusted working days, company days.

Precedence, most specific first: the repository's (or ``--calendar``'s) work-calendar files; the
official schedule from ``chinese-calendar`` (public holidays and 调休 working days, for the
years the State Council has published); for any other year, the statutory holidays from
``holidays`` with plain weekends, and a notice that the official schedule is not out yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from cs_team.errors import InputError
from cs_team.model.calendar import WorkCalendar
from cs_team.model.common import Text
from cs_team.wording import phrase


def bilingual(zh: str, en: str) -> Text:
    return Text((("zh", zh), ("en", en)), written=frozenset(("zh", "en")))


ADJUSTED = ("调休上班", "adjusted working day")
WEEKEND = bilingual("周末", "Weekend")


@dataclass(frozen=True)
class DayInfo:
    day: dt.date
    working: bool
    reason: Text | None = None
    """Why the day is off, or why a weekend or holiday is worked; None for an ordinary day."""
    official: bool = True
    """False when the day comes from the statutory fallback, not the published schedule."""


@cache
def _official_holiday_names() -> dict[str, Text]:
    from chinese_calendar import Holiday

    return {h.value: bilingual(h.chinese, h.value) for h in Holiday}


def _official(day: dt.date) -> DayInfo | None:
    """The published schedule for ``day``, or None when its year is not published."""
    import chinese_calendar

    try:
        working = chinese_calendar.is_workday(day)
        _, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    holiday = _official_holiday_names().get(name) if name else None
    if working:
        if day.weekday() >= 5:
            festival = holiday.best("zh", "zh") if holiday else ""
            english = holiday.best("en", "zh") if holiday else ""
            return DayInfo(day, True, bilingual(f"{ADJUSTED[0]}（{festival}）" if festival else ADJUSTED[0],
                                                 f"{ADJUSTED[1].capitalize()} ({english})" if english
                                                 else ADJUSTED[1].capitalize()))
        return DayInfo(day, True)
    return DayInfo(day, False, holiday or WEEKEND)


@cache
def _statutory(year: int) -> dict[dt.date, Text]:
    import holidays

    chinese = holidays.China(years=year, language="zh_CN")
    english = holidays.China(years=year, language="en_US")
    return {day: bilingual(name, english.get(day, name)) for day, name in chinese.items()}


def official_years() -> tuple[int, int]:
    """The first and last year chinese-calendar has the published schedule for."""
    from chinese_calendar.constants import holidays, workdays

    years = {d.year for d in holidays} | {d.year for d in workdays}
    return min(years), max(years)


class NoWorkingDay(InputError):
    """A work calendar that leaves no day to work on (a hostile or broken file)."""


class WorkDays:
    """Working days, with the reason a day is off or unusually on."""

    def __init__(self, calendars: Iterable[WorkCalendar] = ()) -> None:
        self.days: dict[dt.date, DayInfo] = {}
        calendars = list(calendars)
        self.ids = [calendar.id for calendar in calendars]
        for calendar in calendars:
            for entry in calendar.days_off:
                self.days[entry.date] = DayInfo(entry.date, False, entry.reason)
            for entry in calendar.working_days:
                self.days[entry.date] = DayInfo(entry.date, True, entry.reason)
        self._cache: dict[dt.date, DayInfo] = {}

    def info(self, day: dt.date) -> DayInfo:
        if day in self.days:
            return self.days[day]
        if day not in self._cache:
            self._cache[day] = _official(day) or self._fallback(day)
        return self._cache[day]

    def _fallback(self, day: dt.date) -> DayInfo:
        name = _statutory(day.year).get(day)
        if name is not None:
            return DayInfo(day, False, name, official=False)
        if day.weekday() >= 5:
            return DayInfo(day, False, WEEKEND, official=False)
        return DayInfo(day, True, official=False)

    def is_working(self, day: dt.date) -> bool:
        return self.info(day).working

    def next_working(self, day: dt.date) -> dt.date:
        """``day`` itself when it is a working day, else the next one."""
        first = day
        for _ in range(731):  # two years without a working day: a calendar that closes for good
            if self.is_working(day):
                return day
            day += dt.timedelta(days=1)
        files = ", ".join(f"'{i}'" for i in self.ids) or phrase("onboarding.no_calendars")
        raise NoWorkingDay(phrase("onboarding.no_working_day", first=first.isoformat(), files=files))

    def working_days(self, first: dt.date, count: int) -> list[dt.date]:
        """``count`` working days from ``first`` on (``first`` counts when it is one)."""
        days, day = [], first
        while len(days) < count:
            day = self.next_working(day)
            days.append(day)
            day += dt.timedelta(days=1)
        return days


class PlainWeekdays(WorkDays):
    """Monday to Friday, every week: how lint judges a template without a real calendar."""

    def info(self, day: dt.date) -> DayInfo:
        return DayInfo(day, day.weekday() < 5, None if day.weekday() < 5 else WEEKEND)
