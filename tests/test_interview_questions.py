"""Knock-outs, tags and role-play briefs: how the kit draws them and how kits and scorecards show them."""

from __future__ import annotations

from cs_team.documents import kit as kits
from cs_team.documents.output import render
from cs_team.interview import plan_interview
from tests.conftest import MINIMAL, RepoCopy
from tests.test_documents import playbook_of

PHONE_SCREEN = """interview:
  - id: phone
    type: phone-screen
    minutes: 10
    questions:
      - {type: knock-out, count: 2}
"""

MORE = """  - id: knockout-start
    type: knock-out
    text: {zh: 你最早什么时候能到岗？, en: When could you start?}
    minutes: 2
    passes: {zh: 一个月内能到岗, en: Can start within a month}
  - id: knockout-hotline
    type: knock-out
    text: {zh: 请用普通话读这句话, en: Please read this sentence in Mandarin}
    roles: [agent]
    minutes: 2
    passes: {zh: 吐字清楚, en: Clearly spoken}
"""


def with_knock_outs(repo: RepoCopy) -> None:
    bank = (MINIMAL.parent / "interview" / "eligibility.yaml").read_text(encoding="utf-8")
    repo.write("questions/eligibility.yaml", bank + MORE)
    repo.edit("role.yaml", "interview:\n", PHONE_SCREEN)


def test_a_knock_out_slot_takes_the_ones_written_for_the_role_first(repo: RepoCopy) -> None:
    with_knock_outs(repo)
    assert repo.lint() == []
    playbook = playbook_of(repo)
    plan = plan_interview(playbook, playbook.roles["agent"])
    asked = [q.id for _, q in plan.stages[0].picks]
    # the role's own first, then the bank's order; the third is left out (count 2)
    assert asked == ["knockout-hotline", "knockout-shifts"]
    assert [q.id for q in kits.scorecard(playbook, playbook.roles["agent"]).knock_outs] == \
        ["knockout-hotline", "knockout-shifts"]


def test_kit_and_scorecard_show_knock_outs_as_pass_or_fail(repo: RepoCopy) -> None:
    with_knock_outs(repo)
    playbook = playbook_of(repo)
    view = kits.kit(playbook, "agent")
    kit = render(playbook, "interview-kit", "md", "en", kit=view, header=view.header, stamp=view.stamp,
                 opening_key=kits.opening_key)
    block = kit.split("### Question 1")[1].split("### Question 2")[0]
    assert "*Knock-out*" in block
    assert "**Passes if:** Clearly spoken" in block
    assert "☐ Pass ☐ Fail" in block
    assert "Rubric" not in block  # not rated 1-5
    card = render(playbook, "scorecard", "md", "zh", role=view.role, scorecard=view.scorecard,
                  header=view.header, stamp=view.stamp)
    assert "| 请用普通话读这句话 | 吐字清楚 | ☐ 符合 ☐ 不符合 |" in card
    assert "| 本岗位要轮早晚班，你能接受吗？ | 能接受早晚班轮换 | ☐ 符合 ☐ 不符合 |" in card
    assert "任何一项不符合，无论总分多高都不予录用" in card
    # the weighted rows are still the two competencies only
    assert card.count("| ☐ | |") == 2


def test_a_knock_out_is_not_rated_and_a_rated_question_is_not_a_knock_out(repo: RepoCopy) -> None:
    with_knock_outs(repo)
    repo.edit("questions/eligibility.yaml", "    minutes: 2\n    passes: {zh: 一个月内能到岗",
              "    minutes: 2\n    competencies: [listening]\n    passes: {zh: 一个月内能到岗")
    repo.edit("questions/bank.yaml", "    rubric:\n      poor: {zh: 没有例子", "    passes: 能说\n"
              "    rubric:\n      poor: {zh: 没有例子")
    found = sorted((f.path, f.line, f.message) for f in repo.lint() if f.code == "CS104")
    assert found == [
        ("questions/bank.yaml", 5, "questions[0]: only a knock-out (type: knock-out) carries passes"),
        ("questions/eligibility.yaml", 10, "questions[1]: a knock-out passes or fails and is not rated: "
         "remove its rubric and competencies, and say in passes what answer passes"),
    ]


# -- knock-outs in `score` -----------------------------------------------------------------------

def knock_out_card(candidate: str, interviewer: str, listening: int, calm: int, checks: str = "") -> str:
    return (f"kind: scorecard\nrole: agent\ncandidate: {candidate}\ninterviewer: {interviewer}\n"
            "date: 2026-12-01\nratings:\n"
            f"  - {{competency: listening, rating: {listening}, evidence: 复述了问题}}\n"
            f"  - {{competency: calm, rating: {calm}, evidence: 语气平稳}}\n"
            f"{checks}recommendation: yes\n")


def test_a_failed_knock_out_rules_the_top_scorer_out(repo: RepoCopy) -> None:
    import json

    from tests.test_cli import invoke

    with_knock_outs(repo)
    # 王芳 tops the weighted score (3 x 60 % + 3 x 40 % = 3.0) but fails the hotline check;
    # 陈晨 scores 2 x 60 % + 2 x 40 % = 2.0 and passes it (李雷 and 赵敏 agree), so ranks first.
    repo.write("cards/a.yaml", knock_out_card("王芳", "李雷", 3, 3, "knock_outs:\n"
               "  - {question: knockout-hotline, result: fail, evidence: 读错了多处}\n"
               "  - {question: knockout-shifts, result: 符合}\n"))
    repo.write("cards/b.yaml", knock_out_card("陈晨", "李雷", 2, 2, "knock_outs:\n"
               "  - {question: knockout-hotline, result: pass}\n"))
    repo.write("cards/c.csv", "role,candidate,interviewer,date,competency,rating,evidence,knock_out,result\n"
               "agent,陈晨,赵敏,2026-12-01,listening,2,复述了问题,,\n"
               "agent,陈晨,赵敏,2026-12-01,calm,2,语气平稳,,\n"
               "agent,陈晨,赵敏,2026-12-01,,,,knockout-hotline,符合 / Pass\n")
    code, out, err = invoke(repo, "score", "cards", "--format", "json")
    assert code == 0, err
    (role,) = json.loads(out)["roles"]
    ranked = [(c["rank"], c["candidate"], c["total"], c["eligible"]) for c in role["candidates"]]
    assert ranked == [(1, "陈晨", 2.0, True), (2, "王芳", 3.0, False)]
    assert role["candidates"][1]["knock_outs"] == [
        {"question": "knockout-hotline", "results": {"李雷": "fail"}},
        {"question": "knockout-shifts", "results": {"李雷": "pass"}}]
    code, out, err = invoke(repo, "score", "cards", "--lang", "en")
    assert code == 0, err
    assert "| 2 | 王芳 ⛔ Not eligible | 3.00 / 3 |" in out
    assert "- 王芳: Please read this sentence in Mandarin (failed by: 李雷)" in out


def test_knock_out_results_are_checked_where_they_are_written(repo: RepoCopy) -> None:
    from tests.test_cli import invoke

    with_knock_outs(repo)
    repo.write("cards/a.yaml", knock_out_card("王芳", "李雷", 3, 3, "knock_outs:\n"
               "  - {question: knockout-hotlin, result: fail}\n"
               "  - {question: knockout-shifts, result: maybe}\n"
               "  - {question: knockout-shifts, result: pass, note: x}\n"))
    code, _, err = invoke(repo, "score", "cards", "--lang", "en")
    assert code == 1
    assert err.splitlines()[:3] == [
        "cards/a.yaml:12:53: unknown field 'note'; the fields are evidence, question, result",
        "cards/a.yaml:10:16: 'knockout-hotlin' is not a knock-out of 'agent'; did you mean 'knockout-hotline'?",
        "cards/a.yaml:11:41: result 'maybe' of knock-out 'knockout-shifts': write pass or fail",
    ]  # the third entry repeats a question whose first result was unreadable: not a second problem


def test_blank_forms_carry_the_knock_outs_and_read_back(repo: RepoCopy) -> None:
    import json

    from tests.test_cli import invoke

    with_knock_outs(repo)
    code, out, err = invoke(repo, "eval-sheet", "scorecard", "--role", "agent", "--format", "csv", "--lang", "en")
    assert code == 0, err
    lines = out.lstrip("\ufeff").splitlines()
    assert lines[0].endswith(",recommendation,knock_out,passes,result")
    assert lines[-2:] == ["agent,,,,,,,,,,,knockout-hotline,Clearly spoken,",
                          "agent,,,,,,,,,,,knockout-shifts,Can work rotating early and late shifts,"]
    code, out, err = invoke(repo, "eval-sheet", "scorecard", "--role", "agent", "--format", "yaml", "--lang", "en")
    assert code == 0, err
    assert "knock_outs:\n  # Please read this sentence in Mandarin\n  #   passes if: Clearly spoken\n" \
           "  - question: knockout-hotline\n    result: \"\"\n" in out
    card = (out.replace('candidate: ""', "candidate: 王芳").replace('interviewer: ""', "interviewer: 李雷")
            .replace("    rating:\n", "    rating: 2\n")
            .replace('result: ""', "result: fail", 1).replace('recommendation: ""', "recommendation: yes"))
    repo.write("cards/filled.yaml", card)
    code, out, err = invoke(repo, "score", "cards", "--format", "json")
    assert code == 0, err
    (candidate,) = json.loads(out)["roles"][0]["candidates"]
    assert candidate["eligible"] is False
    assert candidate["knock_outs"] == [{"question": "knockout-hotline", "results": {"李雷": "fail"}}]


# -- role-play facts -----------------------------------------------------------------------------

def test_the_kit_prints_the_facts_handed_to_the_candidate(repo: RepoCopy) -> None:
    repo.edit("questions/bank.yaml", "        - {zh: 先安抚情绪, en: Calms the customer first}\n",
              "        - {zh: 是否准确说明退款规则, en: States the refund rule accurately}\n"
              "      facts:\n        - {zh: 未使用的整月按比例退款, en: Unused whole months are refunded pro rata}\n")
    assert repo.lint() == []  # CS252 is satisfied by the facts
    playbook = playbook_of(repo)
    view = kits.kit(playbook, "agent")
    for lang, heading, fact in (("en", "**Brief for the candidate (hand it over before the role-play)**",
                                 "- Unused whole months are refunded pro rata"),
                                ("zh", "**发给候选人的政策要点（开始前交给候选人）**", "- 未使用的整月按比例退款")):
        kit = render(playbook, "interview-kit", "md", lang, kit=view, header=view.header, stamp=view.stamp,
                     opening_key=kits.opening_key)
        assert f"{heading}\n\n{fact}\n" in kit
    html = render(playbook, "interview-kit", "html", "en", kit=view, header=view.header, stamp=view.stamp,
                  opening_key=kits.opening_key)
    assert '<li>Unused whole months are refunded pro rata</li>' in html


# -- tags ----------------------------------------------------------------------------------------

def test_a_senior_kit_of_generic_questions_is_flagged_until_one_is_written_for_it(repo: RepoCopy) -> None:
    repo.edit("framework.yaml", "    level: junior", "    level: senior")
    repo.edit("evaluation.yaml", "    junior: {csat_percent", "    senior: {csat_percent")
    found = [(f.code, f.path, f.line, f.column, f.message) for f in repo.lint()]
    line, column = repo.at("role.yaml", "interview")
    assert found == [("CS253", "role.yaml", line, column,
                      "the kit of role 'agent' (senior) draws all 3 of its rated questions from ones a junior "
                      "agent gets too (untagged, or tagged junior): a seasoned candidate answers what any new "
                      "graduate could; tag fitting questions for this role (roles) or for levels above junior "
                      "(levels), or write some")]
    repo.edit("questions/bank.yaml", "    competencies: [calm]\n", "    competencies: [calm]\n    levels: [junior]\n")
    assert sorted(f.code for f in repo.lint()) == ["CS204", "CS253"]  # junior-only: no longer suits it
    repo.edit("questions/bank.yaml", "    levels: [junior]\n", "    levels: [senior, lead]\n")
    assert repo.lint() == []


def test_a_count_slot_prefers_the_role_then_its_level_then_anyone(repo: RepoCopy) -> None:
    extra = """  - id: rp-generic
    type: role-play
    text: {zh: 通用情景, en: A generic scene}
    competencies: [calm, listening]
    minutes: 10
    scenario:
      persona: {zh: 客户, en: A customer}
      setup: {zh: 电话, en: A call}
      watch_for: [{zh: 冷静, en: Stays calm}]
    rubric: {poor: {zh: 差, en: Poor}, fair: {zh: 中, en: Fair}, strong: {zh: 好, en: Strong}}
"""
    repo.write("questions/bank.yaml", repo.read("questions/bank.yaml") + extra
               + extra.replace("rp-generic", "rp-level").replace("    minutes", "    levels: [junior]\n    minutes")
               + extra.replace("rp-generic", "rp-role").replace("    minutes", "    roles: [agent]\n    minutes"))
    playbook = playbook_of(repo)
    plan = plan_interview(playbook, playbook.roles["agent"])
    # rp-angry (first in the bank, untagged) lost its place to the one written for the role
    assert [q.id for _, q in plan.stages[1].picks] == ["rp-role"]
    repo.edit("questions/bank.yaml", "    roles: [agent]\n", "")
    plan = plan_interview(playbook_of(repo), playbook.roles["agent"])
    assert [q.id for _, q in plan.stages[1].picks] == ["rp-level"]


# -- sittings and the closing's promise ------------------------------------------------------------

SITTINGS = """interview:
  - {id: cv, type: resume-screen, minutes: 10}
  - id: phone
    type: phone-screen
    minutes: 10
    questions:
      - {type: knock-out, count: 2}
"""


def test_the_agenda_shows_each_sitting_with_its_own_clock_and_one_greeting(repo: RepoCopy) -> None:
    bank = (MINIMAL.parent / "interview" / "eligibility.yaml").read_text(encoding="utf-8")
    repo.write("questions/eligibility.yaml", bank + MORE)
    repo.edit("role.yaml", "interview:\n", SITTINGS)
    repo.write("role.yaml", repo.read("role.yaml").replace(
        "kpi_targets:", "  - {id: refs, type: reference-check, minutes: 15,\n"
        "     notes: {zh: 经候选人书面同意后核实, en: With written consent}}\nanswer_within_days: 1\nkpi_targets:"))
    assert repo.lint() == []
    playbook = playbook_of(repo)
    view = kits.kit(playbook, "agent")
    kit = render(playbook, "interview-kit", "md", "en", kit=view, header=view.header, stamp=view.stamp,
                 opening_key=kits.opening_key)
    agenda = kit.split("## Agenda")[1].split("\n## ")[0]
    rows = [line for line in agenda.splitlines() if line.startswith("| ") and "---" not in line][1:]
    # structured 30 + role-play 15 on site; each sitting's clock starts at 0
    assert rows == [
        "| **Résumé screen** · 10 min | Résumé screen | 0' | 10 |  |",
        "| **Phone screen** · 10 min | Phone screen | 0' | 10 |  |",
        "| **On-site interview** · 45 min | Structured interview | 0' | 30 | Listening; Composure |",
        "|  | Role-play | 30' | 15 | Composure |",
        "| **Reference check** · 15 min | Reference check | 0' | 15 |  |",
    ]
    assert kit.count("**Opening**") == 2  # the phone call and the on-site sitting, not per stage
    assert "This phone interview takes about 10 minutes" in kit
    assert "Today's interview takes about 45 minutes" in kit
    assert kit.count("**Instructions**<br>Next is a role-play of about 15 minutes") == 1
    assert kit.count("by the end of the next working day at the latest") == 2  # phone and on-site closings
    repo.edit("role.yaml", "answer_within_days: 1", "answer_within_days: 3")
    view = kits.kit(playbook_of(repo), "agent")
    zh = render(playbook_of(repo), "interview-kit", "md", "zh", kit=view, header=view.header, stamp=view.stamp,
                opening_key=kits.opening_key)
    assert zh.count("我们会在 3 个工作日内通知您结果") == 2


# -- the bundled bank ------------------------------------------------------------------------------

def test_bundled_kits_draw_for_the_role_and_lose_no_coverage() -> None:
    from cs_team.loader import load_repository
    from cs_team.playbook import Playbook
    from cs_team.repo import bundled_root
    from cs_team.trace import trace

    playbook = Playbook(load_repository(bundled_root(), cwd=bundled_root()))
    kits_by_role = {role.id: [q.id for stage in plan_interview(playbook, role).stages for _, q in stage.picks]
                    for role in playbook.roles.values()}
    role_plays = [q for q in kits_by_role["complaints-specialist"] if q.startswith("rp-")]
    assert role_plays == ["rp-12315-transfer", "rp-vip-weibo-complaint"]
    assert kits_by_role["agent-1"][:3] == ["knockout-putonghua", "knockout-shift-work", "knockout-start-date"]
    # the knock-out on tool experience is not put to the new graduates agent I welcomes
    assert not any("tools-used" in q for role in ("agent-1", "call-centre-agent") for q in kits_by_role[role])
    # near-duplicates kept apart: no kit asks two of one family
    families = [{"team-disputed-qa-score", "team-unwelcome-assessment", "sit-learn-same-qa-point"},
                {"beh-coached-colleague", "beh-lead-lift-a-performer", "beh-lead-grew-someone"},
                {"case-complaint-late-refunds", "case-repeat-contacts"}]
    for role, asked in kits_by_role.items():
        for family in families:
            assert len(family & set(asked)) <= 1, (role, family & set(asked))
    for role in playbook.roles.values():
        gaps = [g.kind for g in trace(playbook, role).gaps]
        assert not {"not-interviewed", "stage-not-asked", "stage-not-scored"} & set(gaps), (role.id, gaps)
