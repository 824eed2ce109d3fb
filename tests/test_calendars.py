"""Two work-calendar files that disagree about a date: the one whose path sorts later wins, in
either direction, and within one file a working day overrides a day off."""

from __future__ import annotations

import datetime as dt

from cs_team.schedule.calendar import WorkDays
from tests.conftest import RepoCopy
from tests.test_onboarding import playbook_of, team  # noqa: F401  (the fixture)

ANNUAL_MEETING = dt.date(2026, 12, 31)  # a day off in the fixture's calendar.yaml
MAKE_UP = dt.date(2027, 2, 20)  # a working Saturday there


def _site_calendar(repo: RepoCopy, name: str) -> None:
    repo.write(name, "kind: work-calendar\nformat: 1\nid: site\n"
                     "working_days:\n  - date: \"2026-12-31\"\n    reason: {zh: 值班, en: On duty}\n"
                     "days_off:\n  - date: \"2027-02-20\"\n    reason: {zh: 停电, en: Power cut}\n")


def _days(repo: RepoCopy) -> WorkDays:
    playbook = playbook_of(repo.root)
    assert len(playbook.calendars) == 2
    return WorkDays(playbook.calendars)


def _reason(days: WorkDays, day: dt.date) -> dict[str, str]:
    return dict(days.info(day).reason.translations)


def test_the_later_file_wins_a_clash(team: RepoCopy) -> None:  # noqa: F811
    _site_calendar(team, "zz-site.yaml")
    days = _days(team)
    assert days.info(ANNUAL_MEETING).working and _reason(days, ANNUAL_MEETING) == {"zh": "值班", "en": "On duty"}
    assert not days.info(MAKE_UP).working and _reason(days, MAKE_UP) == {"zh": "停电", "en": "Power cut"}


def test_the_earlier_file_loses_a_clash(team: RepoCopy) -> None:  # noqa: F811
    _site_calendar(team, "a-site.yaml")
    days = _days(team)
    assert not days.info(ANNUAL_MEETING).working
    assert _reason(days, ANNUAL_MEETING) == {"zh": "公司年会", "en": "Company annual meeting"}
    assert days.info(MAKE_UP).working
