"""xlsx both ways: blank forms with drop-downs, filled with openpyxl as Excel would, read back to
the same figures as the YAML path; reports one sheet per table; the same bytes every time."""

from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pytest

from tests.conftest import RepoCopy
from tests.test_cli import invoke
from tests.test_results import RESULTS
from tests.test_score import card_yaml


def form(repo: RepoCopy, kind: str, name: str, *options: str) -> openpyxl.Workbook:
    code, _, err = invoke(repo, "eval-sheet", kind, "--role", "agent", "--format", "xlsx", "--out", name, *options)
    assert code == 0, err
    return openpyxl.load_workbook(repo.path(name))


def validations(sheet) -> dict[str, tuple[str, str | None]]:
    """Header of each validated column -> (type, list formula)."""
    found = {}
    for rule in sheet.data_validations.dataValidation:
        column = str(rule.sqref).split(":")[0].rstrip("0123456789")
        found[sheet[f"{column}1"].value] = (rule.type, rule.formula1)
    return found


def test_the_scorecard_form_has_drop_downs_and_date_cells_in_its_language(repo: RepoCopy) -> None:
    book = form(repo, "scorecard", "card.xlsx", "--lang", "zh")
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == ["岗位", "候选人", "面试官", "日期", "能力项", "能力项名称", "权重", "最低分",
                                           "评分", "依据", "综合建议"]
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=2, max_col=8)] == [
        ["agent", None, None, None, "listening", "倾听", 60, 2], ["agent", None, None, None, "calm", "冷静", 40, None]]
    assert validations(sheet) == {"日期": ("date", "DATE(1990,1,1)"), "评分": ("list", '"1,2,3"'),
                                  "综合建议": ("list", '"坚决不录用,不录用,录用,强烈推荐录用"')}
    assert book.sheetnames == ["面试评分表", "评分标准"]
    en = form(repo, "scorecard", "card-en.xlsx", "--lang", "en")
    assert validations(en.worksheets[0])["Overall recommendation"] == ("list", '"Strong no,No,Yes,Strong yes"')


def _fill_card(path, candidate: str, interviewer: str, listening: int, calm: int, recommendation: str) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for row, rating in ((2, listening), (3, calm)):
        sheet.cell(row, 2, candidate)
        sheet.cell(row, 3, interviewer)
        sheet.cell(row, 4, dt.datetime(2026, 12, 1))  # a date cell, as Excel stores one
        sheet.cell(row, 9, rating)
        sheet.cell(row, 10, "问到了具体的例子")
    sheet.cell(2, 11, recommendation)  # written once, as a person would
    book.save(path)


@pytest.mark.parametrize("lang", ["zh", "en", "zh-en"])
def test_filled_scorecard_workbooks_score_as_their_yaml_does(repo: RepoCopy, lang: str) -> None:
    panel = [("王芳", "李雷", 3, 2, "yes"), ("王芳", "赵敏", 1, 2, "no"), ("陈晨", "李雷", 2, 3, "strong-yes")]
    for i, (candidate, interviewer, listening, calm, word) in enumerate(panel):
        repo.write(f"yaml/{i}.yaml", card_yaml(candidate, interviewer, listening, calm, word))
        form(repo, "scorecard", f"xlsx/{i}.xlsx", "--lang", lang)
        sheet = openpyxl.load_workbook(repo.path(f"xlsx/{i}.xlsx")).worksheets[0]
        choices = {"strong-no": 0, "no": 1, "yes": 2, "strong-yes": 3}
        listed = [r for r in sheet.data_validations.dataValidation if r.type == "list"][-1].formula1
        label = listed.strip('"').split(",")[choices[word]]  # the drop-down's label for the word
        _fill_card(repo.path(f"xlsx/{i}.xlsx"), candidate, interviewer, listening, calm, label)
    runs = [invoke(repo, "score", folder, "--format", "json") for folder in ("yaml", "xlsx")]
    assert [code for code, _, _ in runs] == [0, 0], runs
    from_yaml, from_xlsx = (json.loads(out) for _, out, _ in runs)
    assert from_xlsx == from_yaml
    (role,) = from_xlsx["roles"]
    # by hand: 王芳 listening (3+1)/2=2 x 60% + calm 2 x 40% = 2.0; 陈晨 2 x 60% + 3 x 40% = 2.4
    assert [(c["candidate"], c["total"]) for c in role["candidates"]] == [("陈晨", 2.4), ("王芳", 2.0)]


def test_a_filled_training_workbook_gives_the_figures_of_its_csv(repo: RepoCopy) -> None:
    book = form(repo, "training", "t.xlsx", "--lang", "zh")
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == ["学员", "批次", "课程模块", "模块名称", "第几次", "日期", "出勤", "理论",
                                           "模拟", "实操"]
    assert validations(sheet)["出勤"] == ("list", '"是,否"') and validations(sheet)["模拟"][0] == "decimal"
    # the second sheet says how each module is assessed, in the form's language
    assert [row[:5] for row in book.worksheets[1].iter_rows(min_row=2, values_only=True)] == [
        ("m-intro", "入门", "出勤", None, None), ("m-calls", "接听电话", "模拟", 80, 1)]
    for row in list(sheet.iter_rows(min_row=2)):  # the form's module rows: the hires' rows replace them
        for cell in row:
            cell.value = None
    yes = {"yes": "是", "no": "否", "": None}
    for number, line in enumerate(RESULTS.splitlines()[1:], 2):
        hire, cohort, module, attempt, simulation, attended = line.split(",")
        values = [hire, cohort, module, None, int(attempt) if attempt else None, None, yes[attended], None,
                  float(simulation) if simulation else None, None]
        for column, value in enumerate(values, 1):
            sheet.cell(number, column, value)
    book.save(repo.path("t.xlsx"))
    repo.write("t.csv", RESULTS)
    runs = [invoke(repo, "training-results", name, "--format", "json") for name in ("t.csv", "t.xlsx")]
    assert [code for code, _, _ in runs] == [0, 0], runs
    assert json.loads(runs[0][1]) == json.loads(runs[1][1])


def test_every_blank_form_is_a_workbook_in_each_language(repo: RepoCopy) -> None:
    for lang in ("zh", "en"):
        book = form(repo, "probation", f"p-{lang}.xlsx", "--lang", lang)
        assert book.worksheets[0].cell(1, 1).value == {"zh": "指标", "en": "Measure"}[lang]
        (decision,) = book.worksheets[1].data_validations.dataValidation
        assert decision.type == "list"


def test_the_same_form_is_the_same_bytes(repo: RepoCopy) -> None:
    form(repo, "scorecard", "a.xlsx", "--candidate", "=HYPERLINK(\"http://x\")")
    form(repo, "scorecard", "b.xlsx", "--candidate", "=HYPERLINK(\"http://x\")")
    assert repo.path("a.xlsx").read_bytes() == repo.path("b.xlsx").read_bytes()
    # openpyxl stamps the save time; two saves within one second would hide it, the stamp does not
    import zipfile

    core = zipfile.ZipFile(repo.path("a.xlsx")).read("docProps/core.xml").decode()
    assert "<dcterms:modified" in core and ">2000-01-01T00:00:00Z</dcterms:modified>" in core
    cell = openpyxl.load_workbook(repo.path("a.xlsx")).worksheets[0]["B2"]
    assert (cell.value, cell.data_type) == ("=HYPERLINK(\"http://x\")", "s")  # text, never a formula


def _sheets(path) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(path)
    return {s.title: [[c.value for c in row] for row in s.iter_rows()] for s in book.worksheets}


def test_score_as_a_workbook_has_a_sheet_per_table_with_the_json_figures(repo: RepoCopy) -> None:
    repo.write("cards/a.yaml", card_yaml("王芳", "李雷", 3, 2, "yes"))
    repo.write("cards/b.yaml", card_yaml("王芳", "赵敏", 1, 2, "no"))
    code, _, err = invoke(repo, "score", "cards", "--format", "xlsx", "--lang", "en", "--out", "s.xlsx")
    assert code == 0, err
    sheets = _sheets(repo.path("s.xlsx"))
    assert list(sheets) == ["Ranking", "Competencies", "Calibration", "Disagreements"]
    # by hand: listening (3+1)/2 = 2 x 60 % + calm 2 x 40 % = 2.0 of 3
    assert sheets["Ranking"][1] == ["agent", 1, "王芳", "李雷, 赵敏", 2, 3, 66.6667, None, "No 1, Yes 1",
                                    "yes", None]
    assert sheets["Competencies"][1:] == [["agent", "王芳", "listening", 60, 2, 2, 1.2, "no"],
                                          ["agent", "王芳", "calm", 40, None, 2, 0.8, "no"]]
    assert sheets["Disagreements"][1:] == [["agent", "王芳", "listening", "李雷", 3, "赵敏", 1]]


def test_training_results_as_a_workbook(repo: RepoCopy) -> None:
    repo.write("r.csv", RESULTS)
    code, _, err = invoke(repo, "training-results", "r.csv", "--format", "xlsx", "--lang", "zh", "--out", "t.xlsx")
    assert code == 0, err
    sheets = _sheets(repo.path("t.xlsx"))
    assert list(sheets) == ["考核结果", "模块", "批次"]
    # the figures test_training_results_by_hand works out: cohort A 33.33 %, B 0 %
    assert sheets["批次"][1:] == [["A", 3, 33.33], ["B", 1, 0]]
    assert ["B", "丁", "m-calls", 1, None, 79.5, None, 79.5, "补考"] in sheets["考核结果"]


def test_any_titled_tables_make_a_workbook() -> None:
    """What plan-hiring or roster call: titles are made valid sheet names, unique in the book."""
    from cs_team.export.workbook import Column, Table, workbook_bytes

    data = workbook_bytes([Table("Plan: 2027/Q1", [Column("a")], [[1]]), Table("plan  2027 Q1", [Column("b")]),
                           Table("x" * 40, [Column("c", kind="date")], [[dt.date(2027, 3, 1)]])])
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Plan  2027 Q1", "plan  2027 Q1-2", "x" * 31]
    assert book.worksheets[2]["A2"].value == dt.datetime(2027, 3, 1)


def test_promotion_records_filled_in_the_form_rank_as_their_yaml(repo: RepoCopy) -> None:
    from tests.test_results import RECORDS

    repo.write("records.yaml", RECORDS)
    book = form(repo, "promotion", "p.xlsx", "--lang", "zh")
    sheet = book.worksheets[0]
    names = [c.value for c in sheet[1]]
    assert names[:3] == ["姓名", "职级", "司龄（月）"] and names[-2:] == ["test", "sim"]
    people = [("甲", "g2", 20, "A", 80, 90), ("乙", "g1", 14, "B", 90, 70), ("丙", "g1", 30, "C", 99, 99),
              ("丁", "g2", 16, "B", 70, 90)]
    for row, (name, grade, tenure, performance, test, sim) in enumerate(people, 2):
        for column, value in ((1, name), (2, grade), (3, tenure), (4, performance), (8, test), (9, sim)):
            sheet.cell(row, column, value)
    book.save(repo.path("p.xlsx"))
    runs = [invoke(repo, "promotion-rank", name, "--format", "json", "--promotion", "senior")
            for name in ("records.yaml", "p.xlsx")]
    assert [code for code, _, _ in runs] == [0, 0], runs
    assert json.loads(runs[0][1]) == json.loads(runs[1][1])
    code, _, err = invoke(repo, "promotion-rank", "p.xlsx", "--promotion", "senior", "--format", "xlsx",
                          "--lang", "en", "--out", "rank.xlsx")
    assert code == 0, err
    (rows,) = _sheets(repo.path("rank.xlsx")).values()
    assert [r[:2] + r[4:7] for r in rows[1:]] == [[1, "甲", 80, 90, 85], [2, "丁", 70, 90, 80],
                                                  [3, "乙", 90, 70, 80], [None, "丙", None, None, None]]
    assert rows[4][-1] == "the last 1 review is not B or better (C)"


def test_a_cohort_template_filled_in_plans_as_the_yaml_list_does(tmp_path) -> None:
    import shutil

    from tests.test_onboarding import FIXTURES

    shutil.copytree(FIXTURES / "onboarding", tmp_path / "team")
    team = RepoCopy(tmp_path / "team")
    code, _, err = invoke(team, "template", "cohort", "--lang", "zh", "--out", "hires.xlsx")
    assert code == 0, err
    book = openpyxl.load_workbook(team.path("hires.xlsx"))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == ["姓名", "入职日期", "导师", "岗位", "节奏"]
    assert validations(sheet) == {"入职日期": ("date", "DATE(1990,1,1)"), "岗位": ("list", '"agent"'),
                                  "节奏": ("list", '"fast,standard,extended"')}
    sheet.append(["王芳", dt.datetime(2026, 11, 2), "李静", None, None])
    sheet.append(["陈晨", "2026年11月2日", "赵磊", None, "standard"])  # a date typed as text
    book.save(team.path("hires.xlsx"))
    team.write("hires.yaml", "- {name: 王芳, start: 2026-11-02, mentor: 李静}\n"
                             "- {name: 陈晨, start: 2026-11-02, mentor: 赵磊}\n")
    for name in ("hires.yaml", "hires.xlsx"):
        code, _, err = invoke(team, "onboarding-plan", "agent", "--cohort", name, "--format", "json",
                              "--out", f"plans-{name}")
        assert code == 0, err
    written = sorted(p.name for p in team.path("plans-hires.yaml").iterdir())
    assert written == sorted(p.name for p in team.path("plans-hires.xlsx").iterdir())
    assert all(team.read(f"plans-hires.yaml/{n}") == team.read(f"plans-hires.xlsx/{n}") for n in written)


def test_a_forecast_template_filled_in_reads_as_its_csv(repo: RepoCopy) -> None:
    from cs_team.inputs.forecasts import read_forecast

    code, _, err = invoke(repo, "template", "forecast", "--lang", "zh", "--out", "f.xlsx")
    assert code == 0, err
    book = openpyxl.load_workbook(repo.path("f.xlsx"))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == ["时段开始", "渠道", "来量", "平均处理时长（秒）"]
    rows = [[dt.datetime(2027, 3, 1, 9) + dt.timedelta(hours=i), "voice", 10 * i, 300] for i in range(3)]
    for row in rows:
        sheet.append(row)
    book.save(repo.path("f.xlsx"))
    code, csv_text, _ = invoke(repo, "template", "forecast", "--format", "csv", "--lang", "en")
    assert csv_text == "\ufeffInterval start,Channel,Volume,AHT (seconds)\n"
    repo.write("f.csv", csv_text + "".join(f"{r[0].isoformat()},{r[1]},{r[2]},{r[3]}\n" for r in rows))
    from_xlsx, from_csv = read_forecast(repo.path("f.xlsx")), read_forecast(repo.path("f.csv"))
    assert from_xlsx.channels == from_csv.channels and from_xlsx.channels["voice"].volume == [0, 10, 20]


def test_report_numbers_show_thousands_and_one_count_of_decimals_per_column(tmp_path):
    """A planner opening the hiring plan sees 294,778.27 and 1,305.50, not 294778.27 and 1305.5;
    a report gets filter buttons, a form to fill does not."""
    import io

    import openpyxl

    from cs_team.export.workbook import Column, Table, workbook_bytes

    report = Table("cost", [Column("line"), Column("yuan"), Column("hours"), Column("people")],
                   [["recruiting", 52400, 1305.5, 16], ["temps", 294778.27, 12.25, 13.9],
                    ["note", "text", True, 2]])
    form = Table("form", [Column("score", kind="whole", low=0, high=10)], [[3]], blank_rows=5)
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes([report, form])))
    sheet = book["cost"]
    assert [sheet.cell(2, c).number_format for c in (2, 3, 4)] == ["#,##0.00", "#,##0.00", "#,##0.0"]
    assert sheet.cell(3, 2).number_format == "#,##0.00"
    assert sheet.cell(4, 2).number_format == "General" and sheet.cell(4, 3).number_format == "General"
    assert sheet.auto_filter.ref == "A1:D4"
    assert book["form"].auto_filter.ref is None
    assert book["form"].cell(2, 1).number_format == "#,##0"
