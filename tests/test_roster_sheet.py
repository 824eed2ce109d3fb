"""`cs-team roster` on a small repository, the sheet's tables, and the bundled week simulated."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import numpy as np
import pytest

from tests.test_cli import cs_team

SHIFTS = """shifts:
  grid_minutes: 60
  templates:
    - {id: early, name: {zh: 早班, en: Early shift}, earliest_start: "08:00", latest_start: "09:00", hours: 9,
       lunch: {minutes: 60, earliest_hours: 3, latest_hours: 5}, breaks_minutes: 0}
    - {id: late, name: {zh: 晚班, en: Late shift}, earliest_start: "12:00", latest_start: "13:00", hours: 9,
       lunch: {minutes: 60, earliest_hours: 3, latest_hours: 5}, breaks_minutes: 0}
"""


def _repository(tmp_path: Path, shifts: bool = True) -> Path:
    """`cs-team init`, then a week of voice calls from 09:00 to 21:00 and, optionally, shift rules."""
    repo = tmp_path / "centre"
    assert cs_team("init", str(repo), cwd=tmp_path).returncode == 0
    rows = ["interval_start,channel,volume,aht_seconds"]
    for day in range(7):
        for quarter in range(96):
            moment = dt.datetime(2027, 3, 1) + dt.timedelta(days=day, minutes=15 * quarter)
            volume = 12 if 9 * 4 <= quarter < 21 * 4 else 0
            rows.append(f"{moment:%Y-%m-%dT%H:%M},voice,{volume},300")
    (repo / "forecasts" / "small.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    inputs = repo / "hiring" / "inputs.yaml"
    text = inputs.read_text(encoding="utf-8").replace("forecast: forecasts/week.csv", "forecast: forecasts/small.csv")
    inputs.write_text(erlang_c_without_shifts(text) + (SHIFTS if shifts else ""), encoding="utf-8")
    return repo


def erlang_c_without_shifts(text: str) -> str:
    """The bundled inputs without their shift rules and callers' patience: these tests' figures are
    Erlang C's, on shift rules of their own."""
    lines, kept, inside = text.splitlines(keepends=True), [], False
    for line in lines:
        if line.startswith("shifts:"):
            inside = True
        elif inside and line[:1] not in (" ", "#", "\n"):
            inside = False
        if not inside and not line.lstrip().startswith(("patience_seconds:", "abandon_percent:")):
            kept.append(line)
    return "".join(kept)


def test_roster_markdown_in_english(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    result = cs_team("roster", "--lang", "en", "--repo", str(repo), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    # 12 calls of 5 minutes a quarter-hour at 80/20 is 4 Erlangs and needs 7 agents from 09:00 to 21:00
    assert "| 09:00 | ● 7 / 7 |" in text or "| 09:00 | ▲" in text
    rows = [line for line in text.splitlines() if line[:2] == "| " and line[4:5] == ":"]
    assert len(rows) == 96 and not any("▼" in row for row in rows)  # never short
    people = [line for line in text.splitlines() if line.startswith("| ") and "&nbsp;" in line]
    summary = next(line for line in text.splitlines() if line.startswith("| **People rostered**"))
    assert summary == f"| **People rostered** | {len(people)} |"
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in text.split("---\n")[0])  # no Chinese in English


def test_roster_chinese_has_no_english_prose(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    text = cs_team("roster", "--lang", "zh", "--repo", str(repo), cwd=tmp_path).stdout
    assert "## 高峰周 · 2027-03-01 起的一周" in text and "| 早班 |" in text and "| 休 |" not in text[:0]
    body = text.split("\n---\n")[0]
    words = [w for w in body.replace("|", " ").split() if w.isascii() and w.isalpha()]
    assert words == [], words


def test_roster_csv_opens_as_excel_would(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    out = tmp_path / "排班表.csv"
    result = cs_team("roster", "--format", "csv", "--lang", "zh", "--out", str(out), "--repo", str(repo),
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["各班次每日人数 · 高峰周 2027-03-01"]
    assert rows[1] == ["班次", "上班", "下班", "周一", "周二", "周三", "周四", "周五", "周六", "周日"]
    names = rows[rows.index(["排班名单 · 高峰周 2027-03-01"]) + 1:]
    assert names[0][:3] == ["序号", "姓名", "班次"]
    assert all(row[1] == "" for row in names[1:])  # the name is left blank to fill
    assert all(sum(cell == "休" for cell in row[3:]) == 2 for row in names[1:])  # five days of seven
    again = cs_team("roster", "--format", "csv", "--lang", "zh", "--repo", str(repo), cwd=tmp_path)
    assert again.stdout.encode("utf-8") == raw  # the same inputs give the same bytes


def test_roster_without_shift_rules_uses_the_defaults_and_says_so(tmp_path: Path) -> None:
    repo = _repository(tmp_path, shifts=False)
    result = cs_team("roster", "--format", "html", "--lang", "zh-en", "--repo", str(repo), cwd=tmp_path)
    assert result.returncode == 0
    assert "没有给出排班规则（shifts:）" in result.stderr  # --lang zh-en: the reader's is zh
    assert '<td class="num met">● 7 / 7</td>' in result.stdout or 'class="num over"' in result.stdout
    assert "早班" in result.stdout and "Early shift" in result.stdout


def test_a_forecast_without_a_monday_to_sunday_week_is_refused(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    forecast = repo / "forecasts" / "small.csv"
    lines = forecast.read_text(encoding="utf-8").splitlines()
    forecast.write_text("\n".join(lines[:1] + lines[1 + 2 * 96:] + [
        line.replace("2027-03-01", "2027-03-08").replace("2027-03-02", "2027-03-09") for line in lines[1:1 + 2 * 96]
    ]) + "\n", encoding="utf-8")  # Wednesday to Tuesday: a whole week, but none from Monday
    result = cs_team("roster", "--repo", str(repo), cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.endswith("cs-team: error: the forecast holds no whole week from Monday 00:00 to "
                                  "Sunday 24:00: a roster needs one\n")


def test_bundled_week_simulated_meets_the_voice_targets() -> None:
    """The bundled week's voice line with two minutes' patience and a 5 % abandonment cap: staffed
    interval by interval as planned, 20 simulated weeks answer 80 % within 20 s and lose at most
    5 %, within the simulation's 95 % interval."""
    from cs_team.inputs.forecasts import read_forecast
    from cs_team.playbook import Playbook
    from cs_team.staffing.plan import plan
    from cs_team.workspace import open_repository
    from tests.queue_simulation import simulate_intervals

    root = Path(__file__).parent.parent / "playbooks"
    inputs = next(iter(Playbook(open_repository(root).repo).hiring.values()))
    voice = inputs.channels[0].model_copy(update={"patience_seconds": 120.0, "abandon_percent": 5.0})
    inputs = inputs.model_copy(update={"channels": [voice]})
    forecast = read_forecast(root / "forecasts" / "week.csv", "week.csv", "en", [])
    forecast.channels = {"voice": forecast.channels["voice"]}
    staffed = plan(inputs, forecast, dt.date(2026, 12, 1)).channels[0]
    assert len(set(staffed.aht_seconds)) == 1
    level, abandon = simulate_intervals(staffed.agents, staffed.volume, staffed.aht_seconds[0], 900, 120.0, 20.0)
    assert level.mean + level.half_width >= 0.80, level
    assert abandon.mean - abandon.half_width <= 0.05, abandon
    assert np.sum(staffed.volume) > 5000  # a real week, not an empty one


@pytest.mark.parametrize("week", ["typical", "both"])
def test_roster_weeks(tmp_path: Path, week: str) -> None:
    repo = _repository(tmp_path)
    text = cs_team("roster", "--week", week, "--lang", "en", "--repo", str(repo), cwd=tmp_path).stdout
    assert text.count("## Typical week") == 1
    assert text.count("## Peak week") == (1 if week == "both" else 0)


def test_the_plan_counts_people_from_the_roster_when_shifts_are_given() -> None:
    """With shift rules, the typical week's hours become the people its roster needs, divided by one
    less the shrinkage the shifts do not hold (all but the paid breaks)."""
    from cs_team.inputs.forecasts import read_forecast
    from cs_team.model.shifts import ShiftRules
    from cs_team.playbook import Playbook
    from cs_team.staffing import roster as program
    from cs_team.staffing.plan import channel_staffing, plan, productive_hours
    from cs_team.staffing.rostering import rostered_hours, solve_weeks
    from cs_team.workspace import open_repository

    root = Path(__file__).parent.parent / "playbooks"
    inputs = next(iter(Playbook(open_repository(root).repo).hiring.values()))
    inputs = inputs.model_copy(update={"shifts": ShiftRules(grid_minutes=60)})
    forecast = read_forecast(root / "forecasts" / "week.csv", "week.csv", "en", [])
    staffing = channel_staffing(inputs, forecast)
    hours = np.array([[sum(s.agents if s.work is None else s.work) * 0.25 for s in staffing]])
    scaled, told = rostered_hours(inputs, staffing, hours, 900)
    (solved,) = solve_weeks(staffing, 900, inputs, inputs.shifts, ("typical",))
    paid = sum(int(n) * program.paid_hours(p) for p, n in zip(solved.roster.patterns, solved.roster.people,
                                                                 strict=True))
    # shrinkage 33 % of which 7 % breaks: 26 % lies outside the roster
    people = scaled.sum() / productive_hours(inputs)
    assert people == pytest.approx(paid / 40 / (1 - 0.26))
    assert told == [{"week": dt.date(2027, 3, 1), "people": solved.roster.headcount,
                     "employed": int(np.ceil(paid / 40 / 0.74 - 1e-9)),
                     "efficiency": round(solved.roster.efficiency * 100, 1)}]
    assert told[0]["people"] * 40 >= hours.sum()  # more people than the hours alone would say
    planned = plan(inputs, forecast, dt.date(2026, 12, 1))
    assert any(n.key == "plan_note.rostered" and n.values == told[0] for n in planned.notes)


def test_roster_xlsx_has_one_sheet_per_table(tmp_path: Path) -> None:
    import openpyxl

    repo = _repository(tmp_path)
    out = tmp_path / "roster.xlsx"
    result = cs_team("roster", "--format", "xlsx", "--lang", "en", "--out", str(out), "--repo", str(repo),
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert len(book.sheetnames) == 3
    names = book.worksheets[2]
    rows = list(names.iter_rows(values_only=True))
    assert rows[0][:3] == ("No.", "Name", "Shift")
    assert all(row[1] is None and sum(cell == "off" for cell in row[3:]) == 2 for row in rows[1:])
    counts = list(book.worksheets[0].iter_rows(values_only=True))
    assert counts[-1][0] == "Total" and sum(counts[-1][3:]) == 5 * (len(rows) - 1)  # five days each
