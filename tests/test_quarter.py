"""The synthetic quarter (examples/quarter/): the committed files are what the generator writes,
byte for byte; they have the layouts cs-team's own tables have; and what the README says is planted
is there, checked with plain arithmetic on the files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest

from tests.test_cli import invoke

QUARTER = Path(__file__).parent.parent / "examples" / "quarter"
BUNDLED = Path(__file__).parent.parent / "playbooks"
KPI_COLUMNS = ["agent", "role", "period", "contacts", "csat_percent", "fcr_percent", "aht_seconds",
               "quality_percent", "adherence_percent"]


def rows(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.fixture(scope="module")
def planted() -> dict:
    return json.loads((QUARTER / "planted.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def kpis() -> list[dict[str, str]]:
    header, *body = rows(QUARTER / "kpi-export.csv")
    return [dict(zip(header, row, strict=True)) for row in body]


def test_the_generator_writes_the_committed_files_byte_for_byte(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(QUARTER / "generate.py"), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert written == ["kpi-export.csv", "kpi-export.xlsx", "planted.json", "qa/chen-jing.csv", "qa/liu-yang.csv",
                       "qa/sun-li.csv", "qa/wu-qian.csv", "qa/zhao-min.csv", "survey.csv", "training-results.csv"]
    for name in written:
        assert (tmp_path / name).read_bytes() == (QUARTER / name).read_bytes(), name


@pytest.mark.parametrize(("file", "channel"), [("chen-jing", "voice"), ("liu-yang", "voice"), ("wu-qian", "voice"),
                                               ("zhao-min", "chat"), ("sun-li", "chat")])
def test_qa_files_have_the_blank_tables_columns(file: str, channel: str) -> None:
    code, blank, err = invoke(BUNDLED, "eval-sheet", "qa", "--channel", channel, "--format", "csv")
    assert code == 0, err
    header, *body = rows(QUARTER / "qa" / f"{file}.csv")
    assert "\ufeff" + ",".join(header) + "\n" == blank
    assert len(body) > (30 if file == "wu-qian" else 100) and {len(row) for row in body} == {len(header)}


def test_kpi_export_has_every_agent_every_week_and_the_xlsx_holds_the_same(kpis, planted) -> None:
    assert list(kpis[0]) == KPI_COLUMNS
    agents = {row["agent"] for row in kpis}
    assert len(agents) == 40 and len(kpis) == 40 * 13
    assert sorted({row["period"] for row in kpis}) == planted["weeks"] == [f"2026-W{w}" for w in range(40, 53)]
    sheet = openpyxl.load_workbook(QUARTER / "kpi-export.xlsx", read_only=True).active
    header, *cells = sheet.iter_rows(values_only=True)
    assert list(header) == KPI_COLUMNS
    assert [list(row[:3]) + [float(c) for c in row[3:]] for row in cells] == [
        list(row.values())[:3] + [float(c) for c in list(row.values())[3:]] for row in kpis]


def test_training_results_read_clean_and_record_each_cohort(planted) -> None:
    code, out, err = invoke(BUNDLED, "training-results", str(QUARTER / "training-results.csv"), "--format", "json")
    assert code == 0, err
    cohorts = {c["cohort"]: sorted(c["hires"]) for c in json.loads(out)["cohorts"]}
    assert cohorts == {c["id"]: sorted(c["agents"]) for c in planted["cohorts"]}


def test_the_survey_reads_clean_for_each_cohort(planted) -> None:
    from cs_team.effect.reaction import reactions, read_answers
    from cs_team.inputs.problems import Problems
    from cs_team.loader import load_repository
    from cs_team.playbook import Playbook

    problems = Problems()
    book = Playbook(load_repository(BUNDLED, cwd=BUNDLED))
    found = reactions(read_answers(book, QUARTER / "survey.csv", "survey.csv", problems))
    assert problems.lines == []
    assert [(r.module, r.cohort) for r in found] == [(c["module"], c["id"]) for c in planted["cohorts"]]
    for reaction, cohort in zip(found, planted["cohorts"], strict=True):
        assert 0 < reaction.respondents <= len(cohort["agents"]) and reaction.overall > 3.5


def _evaluations() -> list[tuple[str, str, dt.date, str, list[int], bool]]:
    """(agent, evaluator, date, contact, item scores, red line hit) for every row of every file."""
    found = []
    for path in sorted((QUARTER / "qa").glob("*.csv")):
        header, *body = rows(path)
        items = [n for n, title in enumerate(header) if title.endswith("分）")]
        lines = [n for n, title in enumerate(header) if title.startswith("红线")]
        for row in body:
            found.append((row[0], row[1], dt.date.fromisoformat(row[2]), row[3], [int(row[n]) for n in items],
                          any(row[n] == "是" for n in lines)))
    return found


def test_qa_volumes_calibration_red_lines_and_the_lenient_evaluator(planted) -> None:
    evaluations = _evaluations()
    contacts = defaultdict(set)
    for agent, _, day, contact, _, _ in evaluations:
        contacts[agent, day.month].add(contact)
    assert len(contacts) == 40 * 3
    # 6 to 10 evaluations a month; the agents on the watch list (the weak ones) 10 to 14
    watched = {(a, m): len(c) for (a, m), c in contacts.items() if a in planted["weak"]}
    assert set(watched.values()) <= set(range(10, 15)) and len(watched) == 5 * 3
    assert {len(c) for k, c in contacts.items() if k not in watched} <= set(range(6, 11))
    scored = defaultdict(list)
    for _, evaluator, _, contact, scores, hit in evaluations:
        scored[contact].append((evaluator, 0 if hit else sum(scores)))
    # calibration: every QA person of the channel scores about 8 % of contacts, three on voice, two on chat
    shared = [dict(v) for v in scored.values() if len(v) > 1]
    assert 0.05 < len(shared) / len(scored) < 0.11
    assert {tuple(sorted(s)) for s in shared} == {("刘洋", "吴倩", "陈静"), ("孙丽", "赵敏")}
    assert sum(hit for *_, hit in evaluations) == 4
    assert statistics.fmean(0 if hit else sum(s) for *_, s, hit in evaluations) >= 90
    # on the contacts all three voice evaluators scored, the lenient one gives more than each of the others
    lenient = planted["lenient_evaluator"]
    for other in ("吴倩", "陈静"):
        gaps = [s[lenient] - s[other] for s in shared if lenient in s]
        assert len(gaps) >= 30 and statistics.fmean(gaps) > 1, other


def test_weak_agents_sit_under_target_and_the_bad_week_is_one_week(kpis, planted) -> None:
    from cs_team.loader import load_repository
    from cs_team.playbook import Playbook

    book = Playbook(load_repository(BUNDLED, cwd=BUNDLED))
    field = {"product-knowledge": "fcr_percent", "emotion-management": "csat_percent"}
    assert sorted(planted["weak"].values()) == ["emotion-management"] * 2 + ["product-knowledge"] * 3
    for agent, competency in planted["weak"].items():
        mine = [row for row in kpis if row["agent"] == agent]
        target = book.probation_targets(book.roles[mine[0]["role"]])[field[competency]]
        under = [float(row[field[competency]]) < target for row in mine]
        assert sum(under) >= 11, (agent, competency)  # persistently: at least 11 of 13 weeks
    (agent, week), = planted["bad_week"].items()
    mine = [row for row in kpis if row["agent"] == agent]
    targets = book.probation_targets(book.roles[mine[0]["role"]])
    for name in ("csat_percent", "fcr_percent", "quality_percent"):
        by_week = {row["period"]: float(row[name]) for row in mine}
        assert min(by_week, key=by_week.__getitem__) == week, name  # the worst week of each
        assert statistics.median(by_week.values()) > targets[name], name  # and usually above target
