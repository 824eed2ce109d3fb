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
