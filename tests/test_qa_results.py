"""`qa-results`: filled QA evaluations read through the input layer, figures checked by hand,
problems at file:row:column in the user's language, goldens per format and language."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from cs_team.inputs.problems import Problems
from cs_team.inputs.qa_results import read_evaluations
from cs_team.loader import load_repository
from cs_team.playbook import Playbook
from tests.conftest import FIXTURES, MINIMAL, RepoCopy, assert_golden
from tests.test_cli import invoke

FILLED = FIXTURES / "qa-results"


@pytest.fixture
def team(repo: RepoCopy) -> RepoCopy:
    """The minimal repository with its two QA forms and two QA people's files (one headed in en,
    one in zh) under evaluations/."""
    for form in (MINIMAL.parent / "qa").glob("*.yaml"):
        repo.write(f"qa/{form.name}", form.read_text(encoding="utf-8"))
    for filled in FILLED.glob("*.csv"):
        repo.write(f"evaluations/{filled.name}", filled.read_bytes())
    return repo


def test_figures_worked_by_hand(team: RepoCopy) -> None:
    # The voice form: greeting 40 points, patience 60, red line abuse.
    # 王芳: C1 by 李静 40+40=80, C2 by 李静 20+60=80, C1 by 赵磊 40+60=100 -> 3 evaluations,
    #   average (80+80+100)/3 = 86.6667; greeting lost 0+20+0 = 20 of 40x3 = 120 -> 16.6667 %;
    #   patience lost 20+0+0 = 20 of 60x3 = 180 -> 11.1111 %.
    # 陈晨: C3 by 李静 40+60 but the abuse red line is hit -> 0; C4 by 赵磊 0+60 = 60 -> average 30;
    #   greeting lost 0+40 = 40 of 80 -> 50 %; patience lost nothing (not listed).
    # Team: (80+80+0+100+60)/5 = 64; greeting 60 of 200 -> 30 %; patience 20 of 300 -> 6.6667 %.
    # Calibration: only C1 was scored twice: 李静 80, 赵磊 100 -> leniency 李静 80-100 = -20,
    #   赵磊 +20, each compared once; 20 points apart >= 10 -> one disagreement on the score.
    code, out, err = invoke(team, "qa-results", "evaluations", "--format", "json", "--lang", "en")
    assert code == 0, err
    data = json.loads(out)
    assert data["forms"] == ["qa-voice"]
    agents = {a["agent"]: a for a in data["agents"]}
    assert list(agents) == ["王芳", "陈晨"]
    wang, chen = agents["王芳"], agents["陈晨"]
    assert (wang["evaluations"], wang["average_score"], wang["red_line_hits"]) == (3, 86.6667, [])
    assert [(i["item"], i["points_lost"], i["share_lost_percent"]) for i in wang["items_lost"]] == [
        ("greeting", 20, 16.6667), ("patience", 20, 11.1111)]
    assert (chen["evaluations"], chen["average_score"]) == (2, 30)
    assert chen["red_line_hits"] == [{"red_line": "abuse", "title": "Abusing a customer", "date": "2026-10-14",
                                      "contact_id": "C3", "evaluator": "李静", "agent": "陈晨"}]
    assert [(i["item"], i["share_lost_percent"]) for i in chen["items_lost"]] == [("greeting", 50)]
    team_figures = data["team"]
    assert (team_figures["evaluations"], team_figures["average_score"]) == (5, 64)
    assert [(i["item"], i["share_lost_percent"]) for i in team_figures["items_lost"]] == [
        ("greeting", 30), ("patience", 6.6667)]
    calibration = data["calibration"]
    assert calibration["shared_contacts"] == 1
    # Two evaluators only: 20 points apart, and nothing says which of them is off.
    assert calibration["evaluators"] == [
        {"evaluator": "李静", "evaluations": 3, "compared": 1, "leniency": -20, "consensus_contacts": 0,
         "against_consensus": None, "verdict": "cannot-tell"},
        {"evaluator": "赵磊", "evaluations": 2, "compared": 1, "leniency": 20, "consensus_contacts": 0,
         "against_consensus": None, "verdict": "cannot-tell"}]
    assert calibration["disagreements"] == [
        {"contact_id": "C1", "on": "score", "red_line": None, "scores": {"李静": 80, "赵磊": 100}}]


VOICE_HEADER = ("Agent,Evaluator,Date,Contact ID,Standard greeting (40 points),Listens patiently (60 points),"
                "Red line: Abusing a customer,Comments\n")


def test_a_third_evaluator_names_the_lenient_one(team: RepoCopy) -> None:
    # C5 and C6 scored by three, C7 by two (greeting + patience):
    #   C5: 李静 40+40=80, 赵磊 40+40=80, 孙丽 40+60=100; C6: 李静 20+40=60, 赵磊 40+20=60, 孙丽 40+40=80;
    #   C7: 李静 40+60=100, 赵磊 30+60=90.
    # Against the others (every shared contact): 李静 (-10 -10 +10)/3 = -3.3333; 赵磊 (-10 -10 -10)/3 = -10;
    #   孙丽 (20 + 20)/2 = 20: 孙丽's excess is shared out, and 赵磊 looks 10 points harsh.
    # On C5 and C6 (three scores): 李静 -10, -10 -> -10; 赵磊 -10; 孙丽 +20. The median of the three is -10:
    #   against the consensus 李静 0, 赵磊 0, 孙丽 +30 -> 孙丽 lenient, the others in line.
    rows = ["王芳,李静,2026-10-20,C5,40,40,no,", "王芳,赵磊,2026-10-20,C5,40,40,no,", "王芳,孙丽,2026-10-20,C5,40,60,no,",
            "陈晨,李静,2026-10-21,C6,20,40,no,", "陈晨,赵磊,2026-10-21,C6,40,20,no,", "陈晨,孙丽,2026-10-21,C6,40,40,no,",
            "陈晨,李静,2026-10-22,C7,40,60,no,", "陈晨,赵磊,2026-10-22,C7,30,60,no,"]
    team.write("calibration/all.csv", VOICE_HEADER + "\n".join(rows) + "\n")
    code, out, err = invoke(team, "qa-results", "calibration", "--format", "json", "--lang", "en")
    assert code == 0, err
    found = {e.pop("evaluator"): e for e in json.loads(out)["calibration"]["evaluators"]}
    assert found == {
        "孙丽": {"evaluations": 2, "compared": 2, "leniency": 20, "consensus_contacts": 2, "against_consensus": 30,
                 "verdict": "lenient"},
        "李静": {"evaluations": 3, "compared": 3, "leniency": -3.3333, "consensus_contacts": 2,
                 "against_consensus": 0, "verdict": "in-line"},
        "赵磊": {"evaluations": 3, "compared": 3, "leniency": -10, "consensus_contacts": 2, "against_consensus": 0,
                 "verdict": "in-line"}}
    code, out, _ = invoke(team, "qa-results", "calibration", "--lang", "zh")
    assert "| 孙丽 | 2 | 2 | \\+20.0 | 2 | \\+30.0 | 偏宽 |" in out.splitlines()
    assert "看不出谁偏宽、谁偏严" in out


def test_mixed_channels_name_each_item_with_its_channel_and_hits_read_by_date(team: RepoCopy) -> None:
    # A chat evaluation beside the voice ones; three more red-line hits, written out of date order.
    # 王芳: voice C1 80 and 100, C2 80, C9 0 (a hit), chat M1 50 -> 5 evaluations, average 310/5 = 62;
    #   chat answer lost 50 of 100 (50 %), greeting 20 of 4x40 (12.5 %), patience 20 of 4x60 (8.3 %).
    # Team greeting: 60 lost of 8 voice evaluations x 40 = 18.75 %.
    team.write("evaluations/chat.csv", "Agent,Evaluator,Date,Contact ID,Accurate answer (100 points),Comments\n"
                                       "王芳,孙丽,2026-10-16,M1,50,\n")
    team.write("evaluations/more.csv", VOICE_HEADER + "陈晨,孙丽,2026-10-20,C8,40,60,yes,\n"
                                                      "王芳,孙丽,2026-10-11,C9,40,60,yes,\n"
                                                      "丁一,孙丽,2026-10-11,C10,40,60,yes,\n")
    code, out, err = invoke(team, "qa-results", "evaluations", "--format", "json", "--lang", "en")
    assert code == 0, err
    data = json.loads(out)
    assert [(h["date"], h["agent"], h["contact_id"], h["evaluator"]) for h in data["team"]["red_line_hits"]] == [
        ("2026-10-11", "丁一", "C10", "孙丽"), ("2026-10-11", "王芳", "C9", "孙丽"), ("2026-10-14", "陈晨", "C3", "李静"),
        ("2026-10-20", "陈晨", "C8", "孙丽")]
    wang = next(a for a in data["agents"] if a["agent"] == "王芳")
    assert wang["channels"] == ["chat", "voice"]
    assert [(i["channel"], i["item"]) for i in wang["items_lost"]] == [
        ("chat", "answer"), ("voice", "greeting"), ("voice", "patience")]
    code, out, _ = invoke(team, "qa-results", "evaluations", "--lang", "en")
    lines = out.splitlines()
    assert "| Accurate answer (Chat) | 100 | 1 | 50 | 50.0% |" in lines
    assert "| Standard greeting (Voice) | 40 | 8 | 60 | 18.8% |" in lines
    assert "| 王芳 | 5 | 62.0 | 1 | Accurate answer (Chat) 50%; Standard greeting (Voice) 12%; Listens patiently (Voice) 8% |" \
        in lines
    code, out, _ = invoke(team, "qa-results", "evaluations", "--format", "csv", "--lang", "zh")
    assert "王芳,在线、语音,5,62.0,1,答复准确（在线）,50.0" in out.splitlines()
    # one channel only: titles alone, as before
    code, out, _ = invoke(team, "qa-results", "evaluations/li-jing.csv", "--lang", "en")
    assert "| Standard greeting | 40 | 3 | 20 | 16.7% |" in out.splitlines()


def test_the_order_of_files_and_rows_changes_nothing(team: RepoCopy) -> None:
    li = team.read("evaluations/li-jing.csv").splitlines()
    team.write("evaluations/li-jing.csv", "\n".join([li[0], *reversed(li[1:])]) + "\n")
    first = invoke(team, "qa-results", "evaluations/zhao-lei.csv", "evaluations/li-jing.csv", "--format", "json")
    second = invoke(team, "qa-results", "evaluations", "--format", "json")
    assert first[0] == 0 and first[1] == second[1]


def test_every_problem_at_its_cell_in_the_users_language(team: RepoCopy) -> None:
    team.write("evaluations/bad.csv",
               "Agent,Evaluator,Date,Contact ID,Standard greeting (40 points),Listens patiently (60 points),"
               "Red line: Abusing a customer,Comments\n"
               "王芳,李静,2026-02-30,C9,41,60,maybe,\n"
               ",李静,2026-10-01,C10,,-1,,\n"
               "王芳,李静,2026-10-12,C1,40,40,no,\n")
    code, out, err = invoke(team, "qa-results", "evaluations", "--out", "report.md", "--lang", "zh")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "evaluations/bad.csv:2:3: 日期“2026-02-30”不是有效日期（如 2026-10-09）",
        "evaluations/bad.csv:2:5: 标准开场白：得分“41”应为 0 到 40 之间的数",
        "evaluations/bad.csv:2:7: 红线“辱骂客户”应填是或否，而不是“maybe”",
        "evaluations/bad.csv:3:1: 缺少客服",
        "evaluations/bad.csv:3:5: 标准开场白：缺少得分",
        "evaluations/bad.csv:3:6: 耐心倾听：得分“-1”应为 0 到 60 之间的数",
        "evaluations/li-jing.csv:2:4: 李静已评过 C1（evaluations/bad.csv:4）",
        "cs-team：错误：输入文件有 7 处问题，未做任何计算",
    ]
    assert not team.path("report.md").exists()
    code, _, err = invoke(team, "qa-results", "evaluations/bad.csv", "--lang", "en")
    assert code == 1
    assert err.splitlines()[:2] == [
        "evaluations/bad.csv:2:3: date '2026-02-30' is not a real date (e.g. 2026-10-09)",
        "evaluations/bad.csv:2:5: Standard greeting: score '41' must be a number from 0 to 40"]


def test_the_same_contact_scored_twice_by_one_evaluator_is_a_problem(team: RepoCopy) -> None:
    team.edit("evaluations/zhao-lei.csv", "陈晨,赵磊,2026年10月15日,C4", "陈晨,赵磊,2026年10月15日,C1")
    code, _, err = invoke(team, "qa-results", "evaluations", "--lang", "en")
    assert code == 1
    assert err.splitlines()[0] == "evaluations/zhao-lei.csv:3:4: 赵磊 already scored C1 (evaluations/zhao-lei.csv:2)"


def test_another_kind_of_file_is_one_line(team: RepoCopy) -> None:
    team.write("kpi.csv", "agent,role,period,contacts,csat_percent\n王芳,agent-1,2026-W40,120,92\n")
    code, _, err = invoke(team, "qa-results", "kpi.csv", "--lang", "en")
    assert code == 1
    assert err.splitlines()[0] == "kpi.csv:1: this is a KPI export, not a QA evaluations file"
    code, _, err = invoke(team, "qa-results", "kpi.csv", "--lang", "zh")
    assert err.splitlines()[0] == "kpi.csv:1: 这是 KPI 导出，不是质检评估表"


def test_a_yaml_file_given_by_name_is_refused_and_one_in_a_folder_left_alone(team: RepoCopy) -> None:
    team.write("evaluations/notes.yaml", "kind: scorecard\n")
    code, _, err = invoke(team, "qa-results", "evaluations", "--format", "json")
    assert code == 0, err
    code, _, err = invoke(team, "qa-results", "evaluations/notes.yaml", "--lang", "en")
    assert (code, err.splitlines()[0]) == (1, "evaluations/notes.yaml: a QA evaluations file is read as CSV or xlsx")
    code, _, err = invoke(team, "training-needs", "--kpi", "evaluations/notes.yaml", "--lang", "zh")
    assert (code, err.splitlines()[0]) == (1, "evaluations/notes.yaml: 只读取 CSV 或 xlsx 格式的KPI 导出")


def test_a_header_of_no_form_names_the_missing_items(team: RepoCopy) -> None:
    code, _, err = invoke(team, "qa-results", "evaluations/li-jing.csv", "--channel", "chat", "--lang", "en")
    assert code == 1
    assert err.splitlines()[0] == ("evaluations/li-jing.csv:1: the header is no QA form's: qa-chat lacks the "
                                   "item column Accurate answer")


def test_columns_are_found_by_id_title_or_label_in_any_language(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(MINIMAL, root)
    for form in (MINIMAL.parent / "qa").glob("*.yaml"):
        (root / "qa").mkdir(exist_ok=True)
        shutil.copy(form, root / "qa" / form.name)
    playbook = Playbook(load_repository(root, cwd=root))
    heads = ["客服 / Agent,质检员 / Evaluator,日期 / Date,通话/会话编号 / Contact ID,"
             "标准开场白（40 分） / Standard greeting (40 points),耐心倾听（60 分） / Listens patiently (60 points),"
             "红线：辱骂客户 / Red line: Abusing a customer",
             "agent,evaluator,date,contact_id,greeting,patience,abuse",
             "Agent,Evaluator,Date,Contact ID,Standard greeting,耐心倾听,Abusing a customer"]
    for n, head in enumerate(heads):
        (tmp_path / f"{n}.csv").write_text(f"{head}\n王芳,李静,2026-10-12,C{n},30,60,Y\n", encoding="utf-8")
    problems = Problems("en")
    found = read_evaluations([(tmp_path / f"{n}.csv", f"{n}.csv") for n in range(3)], problems,
                             playbook.qa_forms, playbook.default_language)
    assert problems.lines == []
    assert [(e.form.id, e.evaluation.points(), e.evaluation.hits()) for e in found] == [
        ("qa-voice", {"greeting": 30, "patience": 60}, ["abuse"])] * 3


@pytest.mark.parametrize(("lang", "output"), [("zh", "md"), ("en", "md"), ("zh-en", "md"), ("zh", "html"),
                                              ("en", "csv"), ("zh", "xlsx")])
def test_qa_results_golden(team: RepoCopy, lang: str, output: str) -> None:
    code, _, err = invoke(team, "qa-results", "evaluations", "--format", output, "--lang", lang,
                            "--out", "report")
    assert code == 0, err
    assert_golden(f"results/qa-results.{lang}.{output}" + (".txt" if output == "xlsx" else ""),
                  report_text(team.path("report"), output))


def report_text(path: Path, output: str) -> str:
    """A report as text for a golden: a workbook's sheets with their rows, anything else as written."""
    if output != "xlsx":
        return path.read_text(encoding="utf-8")
    book = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
    return "\n".join(f"== {page.title}\n" + "\n".join(
        " | ".join("" if c is None else str(c) for c in row) for row in page.iter_rows(values_only=True))
        for page in book.worksheets) + "\n"


def test_on_the_quarter_the_consensus_names_the_planted_lenient_evaluator() -> None:
    """examples/quarter/: voice calibration contacts have three scores (陈静, 刘洋 and the QA lead 吴倩),
    chat ones two; the generator made 刘洋 lenient on the procedure items."""
    quarter = Path(__file__).parent.parent / "examples" / "quarter"
    planted = json.loads((quarter / "planted.json").read_text(encoding="utf-8"))
    code, out, err = invoke(quarter, "qa-results", "--repo", str(quarter.parent.parent / "playbooks"), "qa",
                            "--format", "json")
    assert code == 0, err
    found = {e["evaluator"]: e for e in json.loads(out)["calibration"]["evaluators"]}
    marked = {name: e["verdict"] for name, e in found.items() if e["verdict"] in ("lenient", "harsh")}
    assert marked == {planted["lenient_evaluator"]: "lenient"}
    # chat has no third evaluator: no consensus to set anyone against
    assert (found["赵敏"]["consensus_contacts"], found["孙丽"]["against_consensus"]) == (0, None)
