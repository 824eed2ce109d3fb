"""`cs-team training-results` and `cs-team promotion-rank`: figures by hand, problems with their
rows, and a ranking that does not depend on the order of the records."""

from __future__ import annotations

import json
import random

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.conftest import RepoCopy, assert_golden
from tests.test_cli import invoke

# The minimal fixture: m-intro has no assessment; m-calls is assessed by simulation, pass mark
# 80, one retake, retrain-then-reassign.
RESULTS = """hire,cohort,module,attempt,simulation,attended
甲,A,m-intro,,,yes
甲,A,m-calls,1,85,
乙,A,m-intro,,,no
乙,A,m-calls,1,70,
乙,A,m-calls,2,82,
丙,A,m-calls,1,60,
丙,A,m-calls,2,75,
丙,A,m-intro,,,yes
丁,B,m-calls,1,79.5,
"""


def test_training_results_by_hand(repo: RepoCopy) -> None:
    """Cohort A: 甲 passes both; 乙 passes m-calls at the retake but missed m-intro; 丙 fails the
    retake too, and with no retake left retrain-then-reassign means reassign. m-calls: three sat,
    one passed first time (33.33%), two completed (66.67%); the cohort: only 甲 completed (33.33%).
    Cohort B: 丁 scored 79.5, under 80, with the retake still to come."""
    repo.write("results.csv", RESULTS)
    code, out, err = invoke(repo, "training-results", "results.csv", "--format", "json")
    assert code == 0, err
    a, b = json.loads(out)["cohorts"]
    assert (a["cohort"], a["hires"], a["completion_rate"]) == ("A", ["丙", "乙", "甲"], 33.33)
    assert a["modules"] == [
        {"module": "m-intro", "hires": 3, "sat": 0, "first_time_pass_rate": None, "completion_rate": 66.67},
        {"module": "m-calls", "hires": 3, "sat": 3, "first_time_pass_rate": 33.33, "completion_rate": 66.67}]
    decisions = {(o["hire"], o["module"]): o["decision"] for o in a["outcomes"]}
    assert decisions == {("甲", "m-intro"): "attended", ("甲", "m-calls"): "pass",
                         ("乙", "m-intro"): "absent", ("乙", "m-calls"): "pass",
                         ("丙", "m-intro"): "attended", ("丙", "m-calls"): "reassign"}
    assert [(o["hire"], o["decision"], o["attempts"][0]["score"]) for o in b["outcomes"]] == [("丁", "retake", 79.5)]
    assert b["completion_rate"] == 0


def test_training_results_golden(repo: RepoCopy) -> None:
    repo.write("results.csv", RESULTS)
    code, out, err = invoke(repo, "training-results", "results.csv", "--lang", "zh-en")
    assert code == 0, err
    assert_golden("results/training.zh-en.md", out)


def test_missing_and_unreadable_files_are_problems_not_tracebacks(repo: RepoCopy) -> None:
    repo.write("binary.csv", b"\x00\x01\xff")
    for command in ("score", "training-results"):
        code, _, err = invoke(repo, command, "nope.csv", "binary.csv", "--lang", "en")
        assert code == 2  # a path that does not exist is a usage error, before anything is read
        assert "'nope.csv' does not exist" in err and err.count("\n") == 1
        code, _, err = invoke(repo, command, "binary.csv", "--lang", "en")
        assert code == 1
        assert err.splitlines()[:1] == [
            "binary.csv: file is binary (it contains NUL bytes), not text: export it as CSV UTF-8 or xlsx"]


def test_training_problems_name_their_row(repo: RepoCopy) -> None:
    repo.write("bad.csv", "hire,module,attempt,theory,simulation,attended\n"
                          "甲,m-cals,1,,80,\n"
                          "甲,m-calls,1,,105,\n"
                          "乙,m-calls,1,90,85,\n"
                          "丙,m-calls,3,,85,\n"
                          "丁,m-calls,1,,,\n"
                          "丁,m-intro,,,,\n")
    code, out, err = invoke(repo, "training-results", "bad.csv", "--lang", "en")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "bad.csv:2:2: no module 'm-cals'; did you mean 'm-calls'?",
        "bad.csv:3:5: simulation 105 is outside 0-100",
        "bad.csv:4:4: 'm-calls' has no theory assessment (simulation)",
        "bad.csv:5:3: attempt 3 at 'm-calls': the curriculum allows 1 retake",
        "bad.csv:6: no simulation score for 'm-calls' (丁); it is assessed by simulation",
        "bad.csv:7: 'm-intro' has no assessment: record attended: yes or no (丁)",
        "bad.csv:5: 丙 has no attempt 1 at 'm-calls' before a later one",
        "cs-team: error: 7 problems in the results files; nothing was scored",
    ]


# -- promotion ---------------------------------------------------------------------------------

RECORDS = """kind: promotion-records
promotion: senior
candidates:
  - {name: 甲, grade: g2, tenure_months: 20, performance: [A], scores: {test: 80, sim: 90}}
  - {name: 乙, grade: g1, tenure_months: 14, performance: [B], scores: {test: 90, sim: 70}}
  - {name: 丙, grade: g1, tenure_months: 30, performance: [C], scores: {test: 99, sim: 99}}
  - {name: 丁, grade: g2, tenure_months: 16, performance: [B], scores: {test: 70, sim: 90}}
"""


def test_promotion_ranking_by_hand(repo: RepoCopy) -> None:
    """The 'senior' competition: grade g1 or above, latest review B or better; test and
    simulation weigh 50 each. 甲 (80 + 90) / 2 = 85; 乙 and 丁 both 80, tied, so in name order
    (by code point: 丁 U+4E01 before 乙 U+4E59); 丙's C keeps him out, whatever his scores."""
    repo.write("records.yaml", RECORDS)
    code, out, err = invoke(repo, "promotion-rank", "records.yaml", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [(c["rank"], c["name"], c["final"]) for c in data["candidates"]] == [
        (1, "甲", 85.0), (2, "丁", 80.0), (3, "乙", 80.0), (None, "丙", None)]
    assert data["candidates"][0]["components"] == [
        {"component": "test", "score": 80.0, "weight": 50.0, "weighted": 40.0},
        {"component": "sim", "score": 90.0, "weight": 50.0, "weighted": 45.0}]
    assert data["candidates"][3]["reasons"] == [
        {"code": "performance", "reviews": 1, "minimum": "B", "ratings": "C"}]


def test_promotion_reasons_read_in_the_reports_language(repo: RepoCopy) -> None:
    """Why a candidate is out is worded in the report's language, grades by their names."""
    framework = (repo.root / "framework.yaml").read_text(encoding="utf-8")
    repo.write("framework.yaml", framework.replace(
        "grades:\n", "grades:\n  - id: g0\n    name: {zh: 见习专员, en: Trainee agent}\n    level: junior\n"))
    repo.write("records.yaml", RECORDS + "  - {name: 戊, grade: g0, tenure_months: 20, performance: [A]}\n")
    code, zh, err = invoke(repo, "promotion-rank", "records.yaml", "--lang", "zh")
    assert code == 0, err
    code, en, err = invoke(repo, "promotion-rank", "records.yaml", "--lang", "en")
    assert code == 0, err
    assert "不符合资格：最近 1 次考评并非都在 B 及以上（C）" in zh
    assert "不符合资格：职级见习专员低于要求的专员一级" in zh
    assert "Not eligible: the last 1 review is not B or better (C)" in en
    assert "Not eligible: grade Trainee agent is below Agent I" in en


def test_promotion_ranking_golden(repo: RepoCopy) -> None:
    repo.write("records.yaml", RECORDS)
    code, out, err = invoke(repo, "promotion-rank", "records.yaml", "--lang", "en")
    assert code == 0, err
    assert_golden("results/promotion.en.md", out)


def test_promotion_problems_name_their_place(repo: RepoCopy) -> None:
    repo.write("records.yaml", "kind: promotion-records\npromotion: senior\ncandidates:\n"
                               "  - {name: 甲, grade: g9, tenure_months: 20, performance: [A]}\n"
                               "  - {name: 乙, grade: g1, tenure_months: 20, performance: [A+], scores: {tset: 80}}\n")
    code, _, err = invoke(repo, "promotion-rank", "records.yaml")
    assert code == 1
    assert err.splitlines()[:3] == [
        "records.yaml:4:22: no grade 'g9'",
        "records.yaml:5:58: performance rating 'A+': use A, B, C",
        "records.yaml:5:72: no component 'tset' in this competition's final model (sim, test)",
    ]


@settings(max_examples=40, deadline=None)
@given(people=st.lists(st.tuples(st.sampled_from(["g1", "g2"]), st.sampled_from(["A", "B", "C"]),
                                 st.integers(0, 100), st.integers(0, 100)), min_size=1, max_size=8),
       seed=st.integers(0, 1000))
def test_promotion_ranking_ignores_the_order_of_records(tmp_path_factory, people, seed) -> None:
    from cs_team.loader import load_repository
    from cs_team.playbook import Playbook
    from cs_team.results.promotion import rank
    from cs_team.results.promotion_files import read_records
    from tests.conftest import MINIMAL

    book = Playbook(load_repository(MINIMAL, cwd=MINIMAL))
    rows = [f"  - {{name: p{i}, grade: {g}, tenure_months: 12, performance: [{r}], scores: {{test: {t}, sim: {s}}}}}\n"
            for i, (g, r, t, s) in enumerate(people)]
    shuffled = list(rows)
    random.Random(seed).shuffle(shuffled)
    results = []
    for n, order in enumerate((rows, shuffled)):
        folder = tmp_path_factory.mktemp(f"records{n}")
        path = folder / "records.yaml"
        path.write_text("kind: promotion-records\npromotion: senior\ncandidates:\n" + "".join(order), encoding="utf-8")
        promotion, ratings, candidates = read_records(book, path, folder, None)
        ranking = rank(book, promotion, ratings, candidates)
        results.append([(s.rank, s.candidate.name, s.final) for s in ranking.standings])
        finals = [s.final for s in ranking.standings if s.final is not None]
        assert finals == sorted(finals, reverse=True) and all(0 <= f <= 100 for f in finals)
    assert results[0] == results[1]


# -- odd input never crashes ----------------------------------------------------------------------

odd = st.one_of(st.none(), st.booleans(), st.integers(-5, 200), st.floats(allow_nan=True, allow_infinity=True),
                st.text(max_size=8), st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3),
                                                                                          st.integers(), max_size=2))


@settings(max_examples=300, deadline=None)
@example(kind="scorecard", field="rating", value=float("inf"))  # once a traceback (OverflowError)
@example(kind="scorecard", field="rating", value=float("nan"))
@example(kind="training-results", field="attempt", value=float("inf"))
@example(kind="promotion-records", field="tenure_months", value=float("-inf"))
@given(kind=st.sampled_from(["scorecard", "training-results", "promotion-records"]),
       field=st.sampled_from(["role", "candidate", "interviewer", "ratings", "recommendation", "results",
                              "candidates", "hire", "module", "attempt", "simulation", "attended", "grade",
                              "tenure_months", "performance", "scores", "promotion", "rating", "competency"]),
       value=odd)
def test_odd_results_files_are_refused_with_a_user_facing_error(tmp_path_factory, kind, field, value) -> None:
    import yaml

    from cs_team.loader import load_repository
    from cs_team.playbook import Playbook
    from cs_team.results import promotion, promotion_files, scorecards, scoring, training, training_files
    from cs_team.results.records import ResultsError
    from tests.conftest import MINIMAL

    book = Playbook(load_repository(MINIMAL, cwd=MINIMAL))
    base = {
        "scorecard": {"kind": "scorecard", "role": "agent", "candidate": "甲", "interviewer": "A",
                      "ratings": [{"competency": "listening", "rating": 2}, {"competency": "calm", "rating": 2}],
                      "recommendation": "yes"},
        "training-results": {"kind": "training-results",
                             "results": [{"hire": "甲", "module": "m-calls", "attempt": 1, "simulation": 85}]},
        "promotion-records": {"kind": "promotion-records", "promotion": "senior", "candidates": [
            {"name": "甲", "grade": "g1", "tenure_months": 3, "performance": ["A"],
             "scores": {"test": 80, "sim": 70}}]},
    }[kind]
    target = base
    for key in ("ratings", "results", "candidates"):
        if key in base and field not in base:
            target = base[key][0]
    target[field] = value
    folder = tmp_path_factory.mktemp("odd")
    path = folder / "file.yaml"
    path.write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8")
    try:
        if kind == "scorecard":
            scoring.score(book, scorecards.read_scorecards(book, [path], folder))
        elif kind == "training-results":
            training.report(training_files.read_results(book, [path], folder))
        else:
            found, ratings, candidates = promotion_files.read_records(book, path, folder, None)
            promotion.rank(book, found, ratings, candidates)
    except ResultsError as error:
        assert error.details and all(line.startswith("file.yaml") for line in error.details)


def test_a_minimum_rating_that_is_not_listed_is_refused_by_sheet_and_ranking(repo: RepoCopy) -> None:
    """`min_performance: B plus` where the ratings are A, B, C: the sheet used to accept only
    "B plus" and the ranking anyone (丙's C came first with 99). Now lint says CS218 and both
    commands stop at the same place with the same words; nothing is written."""
    repo.edit("evaluation.yaml", "min_performance: B\n", "min_performance: B plus\n")
    repo.write("records.yaml", RECORDS)
    line, column = repo.at("evaluation.yaml", "B plus")
    expected = (f"cs-team: error: evaluation.yaml:{line}: min_performance 'B plus' of promotion 'senior' "
                "is not one of the performance ratings (A, B, C); `cs-team lint` says more (CS218)")
    assert [(f.code, f.line, f.column) for f in repo.lint()] == [("CS218", line, column)]
    for args in (("promotion-rank", "records.yaml"), ("eval-sheet", "promotion", "--role", "agent")):
        code, out, err = invoke(repo, *args, "--out", "written.md")
        assert (code, out, err.strip().splitlines()[-1]) == (1, "", expected), args
        assert not (repo.root / "written.md").exists()
