"""The KPI export reader: columns by id or by the documents' KPI labels, weeks and months as people
write them, every problem at file:row:column in the user's language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from cs_team.inputs.kinds import KINDS
from cs_team.inputs.kpi_export import read_kpi_exports
from cs_team.inputs.problems import Problems
from cs_team.model.kpi_export import parse_period, period_days
from cs_team.render.language import catalogue

ROLES = {"agent-1", "agent-2"}


def read(tmp_path: Path, lang: str = "en", **files: str) -> tuple[list, list[str]]:
    for name, text in files.items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    problems = Problems(lang)
    rows = read_kpi_exports([(tmp_path / f"{name}.csv", f"{name}.csv") for name in files], problems, ROLES)
    return [(r.agent, r.role, r.period, r.contacts, r.kpis()) for r in rows], problems.lines


def test_columns_by_id_zh_label_or_short_name_read_alike(tmp_path: Path) -> None:
    rows, problems = read(
        tmp_path,
        ids="agent,role,period,contacts,csat_percent,fcr_percent,aht_seconds\n王芳,agent-1,2026-W40,120,92.5,80,300\n",
        zh="客服,岗位,周期,接待量,满意度,一次解决率,平均处理时长\n陈晨,agent-2,2026/10,1 200,85%,75,310\n"
           .replace("1 200", '"1,200"'),
        en="Agent,Role,Period,Contacts,CSAT,First-contact resolution (FCR),AHT\n李静,agent-1,2026W5,40,90,70,280\n")
    assert problems == []
    assert rows == [
        ("李静", "agent-1", "2026-W05", 40, {"csat_percent": 90, "fcr_percent": 70, "aht_seconds": 280}),
        ("王芳", "agent-1", "2026-W40", 120, {"csat_percent": 92.5, "fcr_percent": 80, "aht_seconds": 300}),
        ("陈晨", "agent-2", "2026-10", 1200, {"csat_percent": 85, "fcr_percent": 75, "aht_seconds": 310})]


def test_the_kpi_labels_are_the_documents(tmp_path: Path) -> None:
    labels = catalogue()["kpis"]
    for name, (zh, en, *_) in ((k, v) for k, v in KINDS["kpi-export"].columns.items() if k in labels):
        assert (zh, en) == (labels[name]["zh"], labels[name]["en"])


def test_every_problem_at_its_cell(tmp_path: Path) -> None:
    text = ("agent,role,period,contacts,csat_percent,nps,aht_seconds\n"
            "王芳,agent-9,2026-W54,x,120,-101,-3\n"
            ",agent-1,2026-13,10,90,10,300\n"
            "陈晨,agent-1,2026-10,10,90,10,300\n"
            "陈晨,agent-1,2026年10月,12,91,10,300\n")
    _, problems = read(tmp_path, k=text)
    assert problems == [
        "k.csv:2:2: no role has the id 'agent-9'; did you mean 'agent-2'?",
        "k.csv:2:3: period '2026-W54' is neither an ISO week (2026-W40) nor a month (2026-10)",
        "k.csv:2:4: contacts 'x' must be a whole number, 0 or more",
        "k.csv:2:5: csat_percent '120' must be a number from 0 to 100 (85 for 85 %)",
        "k.csv:2:6: nps '-101' must be a number from -100 to 100",
        "k.csv:2:7: aht_seconds '-3' must be a number, 0 or more",
        "k.csv:3:1: no agent",
        "k.csv:3:3: period '2026-13' is neither an ISO week (2026-W40) nor a month (2026-10)",
        "k.csv:5:3: 陈晨 already has a row for 2026-10 (k.csv:4)"]
    _, problems = read(tmp_path, "zh", k=text)
    assert problems[1:4] == [
        "k.csv:2:3: 周期“2026-W54”应为 ISO 周（如 2026-W40）或月份（如 2026-10）",
        "k.csv:2:4: 接待量“x”应为不小于 0 的整数",
        "k.csv:2:5: 客户满意度（CSAT）“120”应为 0 到 100 之间的数（85 表示 85%）"]


def test_header_problems_are_one_line_each(tmp_path: Path) -> None:
    _, problems = read(tmp_path, k="客服,周期,接待量,满意度,Foo\n王芳,2026-W40,1,90,\n")
    assert problems == ["k.csv:1:5: unknown column 'foo'", "k.csv:1: missing column: Role"]
    _, problems = read(tmp_path, k="name,start\n王芳,2026-10-01\n")
    assert problems == ["k.csv:1: this is a cohort file, not a KPI export"]


def test_an_xlsx_export_with_a_month_excel_turned_into_a_date(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["客服", "岗位", "周期", "接待量", "满意度"])
    sheet.append(["王芳", "agent-1", dt.datetime(2026, 10, 1), 300, 0.9 * 100])
    book.save(tmp_path / "k.xlsx")
    problems = Problems("en")
    rows = read_kpi_exports([(tmp_path / "k.xlsx", "k.xlsx")], problems, ROLES)
    assert problems.lines == []
    assert [(r.period, r.contacts, r.csat_percent) for r in rows] == [("2026-10", 300, 90)]


@pytest.mark.parametrize(("written", "period", "first", "last"), [
    ("2026-W01", "2026-W01", dt.date(2025, 12, 29), dt.date(2026, 1, 4)),
    ("2026-w53", "2026-W53", dt.date(2026, 12, 28), dt.date(2027, 1, 3)),
    ("2026-2", "2026-02", dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
    ("2026年12月", "2026-12", dt.date(2026, 12, 1), dt.date(2026, 12, 31)),
])
def test_periods(written: str, period: str, first: dt.date, last: dt.date) -> None:
    assert parse_period(written) == period
    assert period_days(period) == (first, last)
