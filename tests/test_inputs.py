"""The input layer: one reading policy (regular files, size cap, encodings, line ends) and one
problem type for every side file, with each problem at its file:row:column."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cs_team.inputs.files import read_bytes
from cs_team.inputs.kinds import KINDS
from cs_team.inputs.problems import Problems, ProblemsFound
from cs_team.inputs.tables import read_table
from tests.conftest import RepoCopy
from tests.test_cli import invoke

HIRES = "name,start,mentor\n王芳,2026-11-02,李静\n陈晨,2026-11-09,赵磊\n"


def table(path: Path, kind: str = "cohort", lang: str = "en") -> tuple[list, Problems]:
    problems = Problems(lang)
    found = read_table(path, path.name, problems, KINDS[kind])
    return ([] if found is None else [(r.where, {k: v.value for k, v in r.fields.items()})
                                      for r in found.records()]), problems


EXPECTED = [("h.csv:2", {"name": "王芳", "start": "2026-11-02", "mentor": "李静"}),
            ("h.csv:3", {"name": "陈晨", "start": "2026-11-09", "mentor": "赵磊"})]


@pytest.mark.parametrize("data", [
    HIRES.encode(),                                           # UTF-8
    b"\xef\xbb\xbf" + HIRES.encode(),                         # UTF-8 with BOM, as Excel's "CSV UTF-8"
    HIRES.replace("\n", "\r\n").encode(),                     # CRLF
    b"\xef\xbb\xbf" + HIRES.replace("\n", "\r").encode(),     # old Mac CR, with a BOM
    HIRES.replace("\n", "\r\n").encode("gb18030"),            # Excel's plain "CSV" on Chinese Windows
], ids=["utf8", "bom", "crlf", "cr", "gb18030"])
def test_every_encoding_and_line_end_reads_the_same_rows(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "h.csv").write_bytes(data)
    rows, problems = table(tmp_path / "h.csv")
    assert (rows, problems.lines) == (EXPECTED, [])
    gbk = data == HIRES.replace("\n", "\r\n").encode("gb18030")
    assert problems.notes == (["h.csv: read as GB18030 (GBK), the encoding Excel and WPS save CSV in on "
                               "Chinese Windows; save it as \"CSV UTF-8\" to silence this note"] if gbk else [])


@pytest.mark.parametrize(("data", "lang", "message"), [
    ("name,start\nJosé,2026-11-02\n".encode("latin-1"), "en",
     "h.csv:2: file is neither UTF-8 nor GB18030/GBK (byte 0xE9 cannot be decoded): save it from Excel or "
     "WPS as \"CSV UTF-8 (Comma delimited)\""),
    ("name,start\nZoë,2026-11-02\n".encode("cp1252"), "zh",
     "h.csv:2: 文件既不是 UTF-8 也不是 GB18030/GBK（字节 0xEB 无法解码）：请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”"),
    (HIRES.encode("utf-16"), "zh", "h.csv: 文件是 UTF-16/UTF-32 编码：请另存为“CSV UTF-8（逗号分隔）”或 UTF-8 文本"),
    (b"PK\x03\x04\x00\x00", "en",
     "h.csv: file is binary (it contains NUL bytes), not text: export it as CSV UTF-8 or xlsx"),
])
def test_other_encodings_are_refused_with_the_fix(tmp_path: Path, data: bytes, lang: str, message: str) -> None:
    (tmp_path / "h.csv").write_bytes(data)
    rows, problems = table(tmp_path / "h.csv", lang=lang)
    assert (rows, problems.lines) == ([], [message])


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "h.csv")  # no writer: a blocking open would hang the test
    problems = Problems()
    assert read_bytes(tmp_path / "h.csv", "h.csv", problems) is None
    assert problems.lines == ["h.csv: is not a regular file (a device, pipe or socket); only regular files are read"]


def test_a_link_to_a_device_is_refused_not_read(tmp_path: Path) -> None:
    (tmp_path / "h.csv").symlink_to("/dev/zero")  # endless: reading it would never finish
    problems = Problems("zh")
    assert read_bytes(tmp_path / "h.csv", "h.csv", problems) is None
    assert problems.lines == ["h.csv: 不是普通文件（设备、管道或套接字），只读取普通文件"]


def test_the_size_cap_is_kept(tmp_path: Path) -> None:
    (tmp_path / "h.csv").write_bytes(b"x" * 2049)
    problems = Problems()
    assert read_bytes(tmp_path / "h.csv", "h.csv", problems, cap=2048) is None
    assert read_bytes(tmp_path / "h.csv", "h.csv", Problems(), cap=2049) == b"x" * 2049
    assert problems.lines == ["h.csv: file is larger than 0 MiB and is not read: split it into several files"]


def test_printed_labels_in_either_language_name_the_columns(tmp_path: Path) -> None:
    (tmp_path / "h.csv").write_text("姓名,入职日期,Mentor\n王芳,2026-11-02,李静\n陈晨,2026-11-09,赵磊\n", encoding="utf-8")
    assert table(tmp_path / "h.csv")[0] == EXPECTED


def test_a_quoted_line_break_stays_in_its_cell_and_rows_count_as_a_spreadsheet_shows_them(tmp_path: Path) -> None:
    (tmp_path / "h.csv").write_text('name,start,mentor\n"王芳\n(夜班)",2026-11-02,李静\n陈晨,x,赵磊,多\n', encoding="utf-8")
    problems = Problems()
    found = read_table(tmp_path / "h.csv", "h.csv", problems, KINDS["cohort"])
    found.check_widths(problems)
    assert [r.get("name") for r in found.records()] == ["王芳\n(夜班)", "陈晨"]
    assert [r.at("start") for r in found.records()] == ["h.csv:2:2", "h.csv:3:2"]
    assert problems.lines == ["h.csv:3: 4 values for 3 columns (name, start, mentor)"]


FORECAST = "interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,voice,10,300\n"


@pytest.mark.parametrize(("command", "lang", "line"), [
    ("score", "en", "f.csv:1: this is a forecast, not a scorecard"),
    ("score", "zh", "f.csv:1: 这是需求预测，不是面试评分表"),
    ("training-results", "en", "f.csv:1: this is a forecast, not a training results file"),
])
def test_a_file_of_another_kind_is_one_line(repo: RepoCopy, command: str, lang: str, line: str) -> None:
    repo.write("f.csv", FORECAST)
    code, out, err = invoke(repo, command, "f.csv", "--lang", lang)
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == line and len(err.splitlines()) == 2


def test_a_yaml_file_of_another_kind_is_one_line(repo: RepoCopy) -> None:
    repo.write("t.yaml", "kind: training-results\nresults: []\n")
    code, _, err = invoke(repo, "score", "t.yaml", "--lang", "en")
    assert code == 1
    assert err.splitlines() == ["t.yaml:1:7: this is a training results file, not a scorecard",
                                "cs-team: error: 1 problem in the results files; nothing was scored"]


def test_a_gbk_scorecard_is_scored_with_a_note(repo: RepoCopy) -> None:
    from tests.test_score import card_csv

    repo.write("d.csv", card_csv("王芳", "李雷", 2, 2, "yes").encode("gb18030"))
    code, out, err = invoke(repo, "score", "d.csv", "--format", "json", "--lang", "zh")
    assert code == 0, err
    assert "王芳" in out
    assert err.splitlines() == ["cs-team：提示：d.csv: 按 GB18030（GBK）读取，这是 Excel/WPS 在中文 Windows 上保存 "
                                "CSV 的编码；另存为“CSV UTF-8”可消除此提示"]


def test_every_problem_of_a_cohort_is_reported_before_anything_is_planned(repo: RepoCopy) -> None:
    from cs_team.inputs.cohorts import read_cohort

    repo.write("h.csv", "name,start,pace\n王芳,2026-11-31,\n陈晨,2026-11-09,slow\n,2026-11-09,\n")
    with pytest.raises(ProblemsFound) as caught:
        read_cohort(repo.path("h.csv"), "h.csv")
    assert caught.value.details == ("h.csv:2: start '2026-11-31' is not a date: write YYYY-MM-DD",
                                    "h.csv:3: pace 'slow': use one of fast, standard, extended",
                                    "h.csv:4: the hire has no name")


def test_staffing_and_schedule_open_no_files() -> None:
    """Side files are read by the input layer only: the pure packages get rows, never paths."""
    import ast

    import cs_team

    root = Path(cs_team.__file__).parent
    reading = {"open", "read_text", "read_bytes", "parse_file", "load_workbook", "reader"}
    found = []
    for package in ("staffing", "schedule"):
        for module in sorted((root / package).glob("*.py")):
            for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
                called = node.func if isinstance(node, ast.Call) else None
                name = getattr(called, "attr", None) or getattr(called, "id", None)
                if name in reading:
                    found.append(f"{package}/{module.name}:{node.lineno}: {name}")
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                    found += [f"{package}/{module.name}:{node.lineno}: import {n}" for n in names
                              if n in ("csv", "openpyxl", "cs_team.source", "cs_team.loader", "cs_team.inputs")]
    assert found == []


@pytest.mark.parametrize(("cell", "written"), [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("+1+1", "'+1+1"), ("-1+2", "'-1+2"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("-3", "-3"), ("+1.5e3", "+1.5e3"),
    ("王芳", "王芳"), ("a=b", "a=b"),
])
def test_csv_cells_that_excel_would_run_are_neutralised(cell: str, written: str) -> None:
    from cs_team.export.csvfile import neutralise

    assert neutralise(cell) == written


def test_a_formula_for_a_name_reaches_score_csv_as_text(repo: RepoCopy) -> None:
    import csv
    import io

    from tests.test_score import card_csv

    repo.write("d.csv", card_csv("=HYPERLINK(A1)", "@李雷", 2, 2, "yes"))
    code, out, err = invoke(repo, "score", "d.csv", "--format", "csv")
    assert code == 0, err
    assert out.startswith("\ufeffrole,rank,candidate,")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(out[1:])))
    assert {row[2] for row in rows[1:]} == {"'=HYPERLINK(A1)"}


def _workbook(path: Path, rows: list[list[object]]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)


def test_an_xlsx_forecast_with_date_cells_plans_as_its_csv_does(tmp_path: Path) -> None:
    import datetime as dt

    from cs_team.inputs.forecasts import read_forecast

    starts = [dt.datetime(2027, 3, 1, 9) + dt.timedelta(minutes=30 * i) for i in range(4)]
    rows = [["interval_start", "channel", "volume", "aht_seconds"],
            *[[s, "voice", 10 + i, 300] for i, s in enumerate(starts)]]
    _workbook(tmp_path / "f.xlsx", rows)
    (tmp_path / "f.csv").write_text("\n".join(",".join(s.isoformat() if isinstance(s, dt.datetime) else str(s)
                                                       for s in row) for row in rows), encoding="utf-8")
    from_xlsx, from_csv = read_forecast(tmp_path / "f.xlsx"), read_forecast(tmp_path / "f.csv")
    assert from_xlsx.channels == from_csv.channels and from_xlsx.interval_seconds == 1800
    assert from_xlsx.channels["voice"].volume == [10, 11, 12, 13]


def test_a_broken_or_inflating_workbook_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    from cs_team.inputs import workbook

    monkeypatch.setattr(workbook, "MAX_UNPACKED", 1024 * 1024)
    (tmp_path / "a.xlsx").write_bytes(b"not a zip at all")
    with zipfile.ZipFile(tmp_path / "b.xlsx", "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/worksheets/sheet1.xml", b"\0" * (2 * 1024 * 1024))  # a few KiB packed
    problems = Problems()
    for name in ("a.xlsx", "b.xlsx"):
        assert read_table(tmp_path / name, name, problems, KINDS["cohort"]) is None
    assert problems.lines == [
        "a.xlsx: is not a readable xlsx workbook: save it from Excel or WPS as \"Excel Workbook (*.xlsx)\"",
        "b.xlsx: workbook unpacks to more than 1 MiB and is not read"]


@pytest.mark.parametrize(("label", "word"), [
    ("录用", "yes"), ("不录用", "no"), ("坚决不录用", "strong-no"), ("强烈推荐录用", "strong-yes"), ("强烈推荐", "strong-yes"),
    ("Strong yes", "strong-yes"), ("strong_no", "strong-no"), ("YES", "yes"), (True, "yes"), ("也许", None),
])
def test_recommendations_are_read_as_printed(label: object, word: str | None) -> None:
    from cs_team.inputs.labels import recommendation

    assert recommendation(label) == word


@pytest.mark.parametrize("text", ["2026-09-28", "2026/9/28", "2026-9-28", "2026.9.28", "2026年9月28日", " 2026 年 9 月 28 日 "])
def test_the_common_date_forms_are_one_date(text: str) -> None:
    import datetime as dt

    from cs_team.inputs.labels import date

    assert date(text) == dt.date(2026, 9, 28)
    assert date("2026/2/30") is None and date("28/9/2026") is None


def test_a_scorecard_filled_in_chinese_labels_scores_as_its_ids_do(repo: RepoCopy) -> None:
    import json

    from tests.test_score import card_csv

    repo.write("ids.csv", card_csv("王芳", "李雷", 2, 2, "strong-yes"))
    repo.write("labels.csv", card_csv("王芳", "赵敏", 2, 2, "强烈推荐录用").replace("2026-12-01", "2026/12/1")
               .replace("role,candidate,interviewer,date,competency,rating,evidence,recommendation",
                        "岗位,候选人,面试官,日期,能力项,评分,依据,综合建议"))
    code, out, err = invoke(repo, "score", "ids.csv", "labels.csv", "--format", "json")
    assert code == 0, err
    ((candidate,),) = [role["candidates"] for role in json.loads(out)["roles"]]
    assert (candidate["interviewers"], candidate["recommendations"]) == (["李雷", "赵敏"], {"strong-yes": 2})


def test_training_attendance_as_printed(repo: RepoCopy) -> None:
    import json

    repo.write("r.csv", "学员,批次,课程模块,出勤\n甲,A,m-intro,是\n乙,A,m-intro,否\n")
    code, out, err = invoke(repo, "training-results", "r.csv", "--format", "json")
    assert code == 0, err
    (cohort,) = json.loads(out)["cohorts"]
    assert {(o["hire"], o["decision"]) for o in cohort["outcomes"]} == {("甲", "attended"), ("乙", "absent")}


def test_a_half_filled_xlsx_forecast_row_is_named_not_a_traceback(repo: RepoCopy) -> None:
    import datetime as dt

    _workbook(repo.path("f.xlsx"), [["interval_start", "channel", "volume", "aht_seconds"],
                                    [dt.datetime(2027, 3, 1, 9), "voice", 10, 300], [None, "voice", 12, 300]])
    code, out, err = invoke(repo, "plan-hiring", "--forecast", "f.xlsx", "--as-of", "2027-01-01")
    assert (code, out) == (1, "")
    assert err == ("cs-team: error: f.xlsx:3:1: interval_start '' is not a date and time; write it as "
                   "2026-11-11T09:00\n")


def test_a_broken_yaml_side_file_is_worded_in_the_users_language(repo: RepoCopy) -> None:
    repo.write("h.yaml", "kind: scorecard\nrole: agent\nrole: agent\n")
    codes_and_errors = [invoke(repo, "score", "h.yaml", "--lang", lang) for lang in ("zh", "en")]
    (zh_code, _, zh), (en_code, _, en) = codes_and_errors
    assert zh_code == en_code == 1
    assert zh.splitlines()[0].startswith("h.yaml:3:1: ") and en.splitlines()[0].startswith("h.yaml:3:1: ")
    assert zh.splitlines()[0] != en.splitlines()[0]  # the same problem, worded for each reader


def test_a_forecast_with_crlf_a_bom_and_blank_lines_reads_as_the_plain_one(tmp_path: Path) -> None:
    from cs_team.inputs.forecasts import read_forecast

    rows = ["interval_start,channel,volume,aht_seconds", "2027-03-01T09:00,voice,10,300",
            "2027-03-01T09:30,voice,12,300", "2027-03-01T10:00,voice,9,300"]
    (tmp_path / "plain.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "excel.csv").write_bytes(b"\xef\xbb\xbf" + "\r\n".join([*rows[:2], "", *rows[2:], ""]).encode())
    plain, excel = read_forecast(tmp_path / "plain.csv"), read_forecast(tmp_path / "excel.csv")
    assert excel.channels == plain.channels and excel.interval_seconds == plain.interval_seconds == 1800


def test_a_far_away_cell_does_not_make_a_workbook_a_memory_bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 5 KB workbook with one cell at XFD1048576: its dimension tag once padded every row to
    16,384 cells (a million rows: tens of GB). Rows are read as written, and cells are counted."""
    from cs_team.inputs import workbook
    from cs_team.inputs.cohorts import read_cohort

    _workbook(tmp_path / "far.xlsx", [["name", "start"]])
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "far.xlsx")
    book.active["XFD1048576"] = "x"
    book.save(tmp_path / "far.xlsx")
    with pytest.raises(ProblemsFound) as caught:
        read_cohort(tmp_path / "far.xlsx", "far.xlsx")
    assert caught.value.details == ("far.xlsx:1048576: 16384 values for 2 columns (name, start)",)
    monkeypatch.setattr(workbook, "MAX_CELLS", 1000)
    problems = Problems()
    assert read_table(tmp_path / "far.xlsx", "far.xlsx", problems, KINDS["cohort"]) is None
    assert problems.lines == ["far.xlsx: the sheet holds more than 1,000 cells and is not read: keep only the "
                              "rows and columns needed"]
