"""A trainer queued for many groups is said once for the cohort: which trainer, how many groups,
how many moved later for them and the longest move, in the trainer's view and on stderr."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import holidays
import numpy as np
import pytest

from cs_team.repo import bundled_root
from cs_team.schedule.calendar import WorkDays
from cs_team.schedule.cohort_queue import Delay, Queues, working_days
from tests.test_cli import invoke

HIRES = "name,start,mentor,pace\nA1,2027-03-01,李静,fast\nA2,2027-03-01,赵磊,standard\nA3,2027-03-01,吴敏,extended\n"


def test_one_group_held_back_is_not_a_queue() -> None:
    queues = Queues()
    for group in (1, 2):
        queues.teaches("trainer:周敏", group)
    queues.delayed("trainer:周敏", Delay(2, dt.date(2026, 11, 9), dt.date(2026, 11, 16), {"kind": "trainer"}))
    assert queues.notices(WorkDays([])) == []


def test_the_longest_move_is_counted_in_working_days() -> None:
    queues, who = Queues(), {"kind": "trainer", "resource": "周敏"}
    for group in (1, 2, 3, 4):
        queues.teaches("trainer:周敏", group)
    # by hand, with the State Council's 2026 schedule (National Day 10-01 to 10-07 off): Fri 09-25
    # to Wed 09-30 moves 3 working days; Mon 11-02 to Mon 11-09 moves 5
    queues.delayed("trainer:周敏", Delay(2, dt.date(2026, 9, 25), dt.date(2026, 9, 30), who))
    queues.delayed("trainer:周敏", Delay(4, dt.date(2026, 11, 2), dt.date(2026, 11, 9), who))
    (said,) = queues.notices(WorkDays([]))
    assert said.code == "trainer-queued"
    assert said.params == {"kind": "trainer", "resource": "周敏", "groups": 4, "shifted": 2, "days": 5,
                           "group": 4, "planned": dt.date(2026, 11, 2), "go_live": dt.date(2026, 11, 9)}
    # across the holiday: 09-28, 09-29, 09-30, 10-08, 10-09
    assert working_days(WorkDays([]), dt.date(2026, 9, 25), dt.date(2026, 10, 9)) == 5


def alone(folder: Path, pace: str) -> dt.date:
    code, out, err = invoke(folder, "onboarding-plan", "agent-1", "--repo", str(bundled_root()), "--start",
                            "2027-03-01", "--pace", pace, "--format", "json")
    assert code == 0, err
    return dt.date.fromisoformat(json.loads(out)["go_live"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_trainer_holding_back_two_groups_is_warned_of(tmp_path: Path, lang: str) -> None:
    (tmp_path / "hires.csv").write_text(HIRES, encoding="utf-8")
    code, _, err = invoke(tmp_path, "onboarding-plan", "agent-1", "--repo", str(bundled_root()), "--cohort",
                          "hires.csv", "--lang", lang, "--out", "plans")
    assert code == 0, err
    # three paces starting together are three groups, one after another on the one trainer
    rows = [line.split(" | ") for line in (tmp_path / "plans/cohort.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("| A")]
    go_live = {row[0][2:]: dt.date.fromisoformat(row[-1].rstrip(" |")) for row in rows}
    planned = {"A2": alone(tmp_path, "standard"), "A3": alone(tmp_path, "extended")}
    statutory = [str(day) for day in holidays.China(years=2027)]
    moved = {hire: int(np.busday_count(planned[hire] + dt.timedelta(days=1), go_live[hire] + dt.timedelta(days=1),
                                       holidays=statutory)) for hire in planned}
    assert moved["A3"] > moved["A2"] > 0
    if lang == "en":
        line = (f"cs-team: warning: the trainer teaches 3 groups one after another, and 2 of them move later "
                f"for it, the longest by {moved['A3']} working days (group 3: go-live from {planned['A3']} to "
                f"{go_live['A3']}); add a trainer or spread the start dates")
        view = "> - The trainer teaches 3 groups one after another, and 2 of them move later for it"
    else:
        line = (f"cs-team：警告：培训师要依次带 3 个班组，其中 2 个班组因此顺延，最长推迟 {moved['A3']} 个工作日"
                f"（第 3 班组：上岗日从 {planned['A3']} 推迟到 {go_live['A3']}）；可以增加培训师或错开入职日期")
        view = "> - 培训师要依次带 3 个班组，其中 2 个班组因此顺延"
    assert err.splitlines()[0] == line
    assert view in (tmp_path / "plans/cohort.md").read_text(encoding="utf-8")
    # the hire's own plan keeps to its own group's notices
    assert "3 groups" not in (tmp_path / "plans/2027-03-01-A3.md").read_text(encoding="utf-8")
