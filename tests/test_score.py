"""`cs-team score` and `cs-team trace`: figures worked out by hand, every input problem with its
line, and properties (scores on the scale, ranking independent of file order)."""

from __future__ import annotations

import itertools
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_team.loader import load_repository
from cs_team.playbook import Playbook
from cs_team.results.scorecards import RECOMMENDATIONS, read_scorecards
from cs_team.results.scoring import score
from tests.conftest import RepoCopy, assert_golden
from tests.test_cli import invoke


def card_yaml(candidate: str, interviewer: str, listening: int | None, calm: int | None,
              recommendation: str = "yes", evidence: str = "问到了具体的例子") -> str:
    def rating(name: str, value: int | None) -> str:
        shown = "" if value is None else f" {value}"
        return f"  - competency: {name}\n    rating:{shown}\n    evidence: \"{evidence}\"\n"

    return (f"kind: scorecard\nrole: agent\ncandidate: {candidate}\ninterviewer: {interviewer}\n"
            f"date: 2026-12-01\nratings:\n{rating('listening', listening)}{rating('calm', calm)}"
            f"recommendation: {recommendation}\n")


def card_csv(candidate: str, interviewer: str, listening: int, calm: int, recommendation: str) -> str:
    return ("role,candidate,interviewer,date,competency,rating,evidence,recommendation\n"
            f"agent,{candidate},{interviewer},2026-12-01,listening,{listening},复述了客户的问题,{recommendation}\n"
            f"agent,{candidate},{interviewer},2026-12-01,calm,{calm},语气平稳,{recommendation}\n")


@pytest.fixture
def panel(repo: RepoCopy) -> RepoCopy:
    """Three candidates for 'agent' (listening weight 60, minimum 2; calm weight 40; both rated 1-3),
    two interviewers, YAML and CSV mixed."""
    repo.write("cards/wangfang-lilei.yaml", card_yaml("王芳", "李雷", 3, 2, "yes"))
    repo.write("cards/wangfang-zhaomin.csv", card_csv("王芳", "赵敏", 1, 2, "no"))
    repo.write("cards/chenchen-lilei.yaml", card_yaml("陈晨", "李雷", 2, 3, "strong-yes"))
    repo.write("cards/chenchen-zhaomin.csv", card_csv("陈晨", "赵敏", 2, 2, "yes"))
    repo.write("cards/sunyue-lilei.yaml", card_yaml("孙悦", "李雷", 1, 3, "no"))
    return repo


def test_figures_by_hand(panel: RepoCopy) -> None:
    """王芳: listening (3+1)/2 = 2.0 x 0.6 = 1.2, calm 2 x 0.4 = 0.8, total 2.0.
    陈晨: listening 2 x 0.6 = 1.2, calm (3+2)/2 = 2.5 x 0.4 = 1.0, total 2.2.
    孙悦: listening 1 x 0.6 = 0.6 (below the minimum of 2), calm 3 x 0.4 = 1.2, total 1.8.
    李雷 against 赵敏 where both rated: +2, 0, 0, +1: leniency +0.75, 赵敏 -0.75. Spread: listening
    (2 + 0) / 2 = 1.0, calm (0 + 1) / 2 = 0.5. One pair two points apart: 王芳's listening."""
    code, out, err = invoke(panel, "score", "cards", "--format", "json")
    assert code == 0, err
    (role,) = json.loads(out)["roles"]
    ranking = [(c["rank"], c["candidate"], c["total"], c["percent"], c["below_minimum"]) for c in role["candidates"]]
    assert ranking == [(1, "陈晨", 2.2, 73.3333, []), (2, "王芳", 2.0, 66.6667, []),
                       (3, "孙悦", 1.8, 60.0, ["listening"])]
    chen = role["candidates"][0]
    assert chen["recommendations"] == {"yes": 1, "strong-yes": 1}
    assert chen["competencies"][1] == {"competency": "calm", "weight": 40.0, "minimum": None,
                                       "ratings": {"李雷": 3, "赵敏": 2}, "mean": 2.5, "weighted": 1.0,
                                       "below_minimum": False, "strongest": False, "weakest": False}
    marks = {(c["candidate"], s["competency"]): (s["strongest"], s["weakest"])
             for c in role["candidates"] for s in c["competencies"]}
    assert marks[("王芳", "listening")] == (True, False) and marks[("陈晨", "listening")] == (True, False)
    assert marks[("孙悦", "listening")] == (False, True)
    assert marks[("孙悦", "calm")] == (True, False) and marks[("王芳", "calm")] == (False, True)
    calibration = role["calibration"]
    assert calibration["interviewers"] == [
        {"interviewer": "李雷", "ratings": 6, "compared": 4, "leniency": 0.75},
        {"interviewer": "赵敏", "ratings": 4, "compared": 4, "leniency": -0.75}]
    assert calibration["spread"] == {"listening": 1.0, "calm": 0.5}
    assert calibration["disagreements"] == [
        {"candidate": "王芳", "competency": "listening", "ratings": {"李雷": 3, "赵敏": 1}}]


@pytest.mark.parametrize("output", ["md", "html"])
def test_report_golden(panel: RepoCopy, output: str) -> None:
    code, out, err = invoke(panel, "score", "cards", "--format", output, "--lang", "zh-en")
    assert code == 0, err
    assert_golden(f"score/panel.zh-en.{output}", out)


def test_csv_report_has_a_row_per_candidate_and_competency(panel: RepoCopy) -> None:
    code, out, _ = invoke(panel, "score", "cards", "--format", "csv")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 1 + 3 * 2
    assert lines[1] == "agent,1,陈晨,listening,60,2,2.0000,1.2000,false,2.2000,true"


def test_every_problem_is_reported_with_its_place(repo: RepoCopy) -> None:
    repo.write("a.yaml", card_yaml("王芳", "李雷", 3, 2).replace("competency: calm", "competency: clam"))
    repo.write("b.yaml", card_yaml("陈晨", "李雷", 4, 2))
    repo.write("c.yaml", card_yaml("孙悦", "李雷", 3, 1, evidence=""))
    repo.write("d.csv", card_csv("王芳", "李雷", 2, 2, "maybe"))
    code, out, err = invoke(repo, "score", "a.yaml", "b.yaml", "c.yaml", "d.csv", "--lang", "en")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "a.yaml:10:17: 'clam' is not a competency of 'agent'; did you mean 'calm'?",
        "a.yaml:1:1: no rating for 'calm' (王芳, by 李雷)",
        "b.yaml:8:13: rating 4 for 'listening' is not on its scale (1, 2, 3)",
        "c.yaml:8:13: a rating of 3 for 'listening' is at the end of the scale: write the evidence that justifies it",
        "c.yaml:11:13: a rating of 1 for 'calm' is at the end of the scale: write the evidence that justifies it",
        "d.csv:2:8: recommendation 'maybe': use one of strong-no, no, yes, strong-yes",
        "d.csv: 李雷 has already scored 王芳 for 'agent' in a.yaml:1:1; keep one scorecard per interviewer",
        "cs-team: error: 7 problems in the results files; nothing was scored",
    ]


def test_a_scorecard_kept_in_the_repository_is_not_a_lint_finding(panel: RepoCopy) -> None:
    code, _, err = invoke(panel, "lint")
    assert code == 0, err


def test_blank_forms_round_trip(repo: RepoCopy) -> None:
    code, out, _ = invoke(repo, "eval-sheet", "scorecard", "--role", "agent", "--format", "yaml",
                          "--candidate", "王芳", "--interviewer", "李雷")
    assert code == 0 and out.startswith("# cs-team 面试评分表：")
    filled = out.replace("    rating:\n", "    rating: 2\n", 2).replace('recommendation: ""', "recommendation: yes")
    repo.write("filled.yaml", filled)
    code, out, err = invoke(repo, "score", "filled.yaml", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["roles"][0]["candidates"][0]["total"] == 2.0
    code, out, _ = invoke(repo, "eval-sheet", "scorecard", "--role", "agent", "--format", "csv")
    assert out.splitlines() == [
        "\ufeffrole,candidate,interviewer,date,competency,competency_name,weight,minimum,rating,evidence,recommendation",
        "agent,,,,listening,倾听,60,2,,,", "agent,,,,calm,冷静,40,,,,"]
    code, _, err = invoke(repo, "eval-sheet", "probation", "--role", "agent", "--format", "csv")
    assert code == 2 and "the probation sheet comes as md, html or pdf" in err


# -- properties -------------------------------------------------------------------------------

PLAYBOOK = None


def _playbook() -> Playbook:
    global PLAYBOOK
    if PLAYBOOK is None:
        from tests.conftest import MINIMAL

        PLAYBOOK = Playbook(load_repository(MINIMAL, cwd=MINIMAL))
    return PLAYBOOK


ratings = st.integers(1, 3)


@settings(max_examples=60, deadline=None)
@given(cards=st.lists(st.tuples(st.sampled_from(["甲", "乙", "丙", "丁"]), st.sampled_from(["A", "B", "C"]),
                                ratings, ratings, st.sampled_from(RECOMMENDATIONS)),
                      min_size=1, max_size=12, unique_by=lambda c: (c[0], c[1])),
       seed=st.integers(0, 10_000))
def test_scores_stay_on_the_scale_and_the_ranking_ignores_file_order(tmp_path_factory, cards, seed) -> None:
    folder = tmp_path_factory.mktemp("cards")
    paths = []
    for n, (candidate, interviewer, listening, calm, recommendation) in enumerate(cards):
        path = folder / f"{n}.yaml"
        path.write_text(card_yaml(candidate, interviewer, listening, calm, recommendation), encoding="utf-8")
        paths.append(path)
    book = _playbook()
    first = score(book, read_scorecards(book, paths, folder))
    shuffled = list(paths)
    random.Random(seed).shuffle(shuffled)
    second = score(book, read_scorecards(book, shuffled, folder))
    assert [(c.candidate, c.rank, c.total) for c in first[0].candidates] == \
           [(c.candidate, c.rank, c.total) for c in second[0].candidates]
    for candidate in first[0].candidates:
        assert 1 <= candidate.total <= 3
        for s in candidate.competencies:
            assert 1 <= s.mean <= 3
    totals = [c.total for c in first[0].candidates]
    assert totals == sorted(totals, reverse=True)
    for i in first[0].interviewers:
        assert i.leniency is None or -2 <= i.leniency <= 2
    for a, b in itertools.combinations(first[0].candidates, 2):
        assert a.rank != b.rank


# -- trace ------------------------------------------------------------------------------------

def test_trace_by_hand(repo: RepoCopy) -> None:
    """agent: listening is asked in the phone screen and the structured interview, trained by both
    modules; calm by m-calls only. Neither competency names KPIs in the fixture: both are gaps."""
    code, out, err = invoke(repo, "trace", "agent", "--format", "json")
    assert code == 0, err
    (role,) = json.loads(out)["roles"]
    listening, calm = role["competencies"]
    assert listening["modules"] == ["m-intro", "m-calls"] and calm["modules"] == ["m-calls"]
    assert sum(i["questions"] for i in listening["interview"]) >= 1
    assert role["gaps"] == [{"kind": "not-measured", "subject": "listening"},
                            {"kind": "not-measured", "subject": "calm"}]
    repo.edit("competencies/calm.yaml", "scale:\n", "kpis: [csat_percent, nps]\nscale:\n")
    repo.edit("curriculum.yaml", "    competencies: [calm, listening]\n", "")
    code, out, _ = invoke(repo, "trace", "agent", "--format", "json")
    (role,) = json.loads(out)["roles"]
    assert role["gaps"] == [{"kind": "not-measured", "subject": "listening"},
                            {"kind": "not-trained", "subject": "calm"},
                            {"kind": "module-without-competency", "subject": "m-calls"}]
    # the role's own targets (csat, aht) and its level's (csat, fcr): csat measures it, nps has no target
    assert (role["competencies"][1]["probation_kpis"], role["competencies"][1]["kpis_without_target"]) == \
           (["csat_percent"], ["nps"])


def test_bundled_roles_have_no_trace_gaps() -> None:
    from cs_team.repo import bundled_root
    from cs_team.trace import trace

    book = Playbook(load_repository(bundled_root(), bundled=True))
    assert {role.id: trace(book, role).gaps for role in book.roles.values()} == \
           {role.id: [] for role in book.roles.values()}


@pytest.mark.parametrize("output", ["md", "html"])
def test_trace_golden(repo: RepoCopy, output: str) -> None:
    code, out, err = invoke(repo, "trace", "--format", output, "--lang", "en")
    assert code == 0, err
    assert_golden(f"score/trace.en.{output}", out)
