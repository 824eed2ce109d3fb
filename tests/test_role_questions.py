"""Each specialist kit draws questions written for its role, and their figures add up.

The WFM and analyst questions state figures (calls, handle times, Erlangs, agents, satisfaction
shares); the rubric says what a strong candidate works out. The sums are redone here from the
question's own numbers, Erlang C with its textbook formula (not cs-team's solver), so a change
to a figure in the question that the rubric does not follow fails.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import pytest

from cs_team.interview import plan_interview
from cs_team.loader import load_repository
from cs_team.playbook import Playbook
from cs_team.repo import bundled_root

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@cache
def bundled() -> Playbook:
    return Playbook(load_repository(bundled_root(), cwd=bundled_root()))


def kit(playbook: Playbook, role: str) -> list[str]:
    plan = plan_interview(playbook, playbook.roles[role])
    return [q.id for stage in plan.stages for _, q in stage.picks]


def service_level(agents: int, erlangs: float, aht: float, within: float) -> float:
    """Erlang C: the share answered within ``within`` seconds."""
    top = erlangs ** agents / math.factorial(agents) * agents / (agents - erlangs)
    wait = top / (sum(erlangs ** k / math.factorial(k) for k in range(agents)) + top)
    return 1 - wait * math.exp(-(agents - erlangs) * within / aht)


def fewest(erlangs: float, aht: float, target: float, within: float = 20) -> int:
    agents = math.floor(erlangs) + 1
    while service_level(agents, erlangs, aht, within) < target:
        agents += 1
    return agents


def texts(question_id: str) -> tuple[str, str, str, str]:
    """The question's zh and en text, and its strong anchor in zh and en."""
    question = bundled().questions[question_id]
    strong = question.rubric.strong
    return question.text.get("zh", ""), question.text.get("en", ""), strong.get("zh", ""), strong.get("en", "")


def test_wfm_and_analyst_kits_ask_only_questions_written_for_them() -> None:
    assert kit(bundled(), "wfm-specialist") == [
        "beh-wfm-forecast-missed", "beh-wfm-roster-complaints", "beh-wfm-convince-on-numbers",
        "sit-wfm-intraday-surge", "skill-wfm-service-level-sums", "case-wfm-peak-evening-roster"]
    assert kit(bundled(), "data-analyst") == [
        "beh-analyst-data-was-wrong", "beh-analyst-report-people-used", "skill-analyst-fcr-definition",
        "skill-analyst-clean-survey-export", "case-analyst-csat-drop", "beh-analyst-unwelcome-finding"]
    for role in ("wfm-specialist", "data-analyst"):
        for question_id in kit(bundled(), role):
            question = bundled().questions[question_id]
            assert question.roles == [role] and question.levels == ["senior"], question_id


@pytest.mark.parametrize(("role", "own"), [
    ("qa-specialist", {"skill-qa-score-recording", "case-qa-calibration-drift"}),
    ("vip-agent", {"sit-vip-skip-verification", "rp-vip-weibo-complaint"}),
    ("crm-specialist", {"sit-crm-dormant-member-blast", "case-crm-nps-drop", "rp-cancel-membership"}),
    ("head-of-department", {"sit-head-csat-gaming", "case-head-first-90-days"}),
])
def test_specialist_kits_draw_their_own_scenarios(role: str, own: set[str]) -> None:
    asked = kit(bundled(), role)
    assert own <= set(asked)
    # none of the front line's skills tests or team-level cases stand in for them
    assert not {"skill-ticket-summary", "case-repeat-contacts", "case-team-fcr-drop",
                "sit-tech-thin-escalations"} & set(asked)


def test_the_staffing_sums_rubric_states_what_erlang_c_gives() -> None:
    zh, en, strong_zh, strong_en = texts("skill-wfm-service-level-sums")
    for text in (zh, en):
        assert "120" in text and "300" in text and "80/20" in text and "90/20" in text
    erlangs = 120 * 300 / 1800
    assert erlangs == 20
    at_80, at_90, half = fewest(20, 300, 0.80), fewest(20, 300, 0.90), fewest(10, 300, 0.80)
    assert (at_80, at_90, half) == (25, 26, 14)
    assert round(service_level(24, 20, 300, 20) * 100) == 77
    for strong in (strong_zh, strong_en):
        for figure in ("20", "25", "26", "14", "28", "77%"):
            assert figure in strong, (figure, strong)
    assert "120 × 300 ÷ 1,800 = 20" in strong_en and "120 × 300 ÷ 1800 = 20" in strong_zh


def test_the_peak_evening_case_rubric_follows_its_figures() -> None:
    zh, en, strong_zh, strong_en = texts("case-wfm-peak-evening-roster")
    for figure in ("90", "1.8", "330", "15%", "80/20", "32%", "11%", "6%", "7%", "5%", "3%", "38"):
        assert figure in zh and figure in en, figure
    calls = 90 * 1.8
    aht = 330 * 1.15  # 379.5 s, "about 380"
    erlangs = calls * aht / 1800
    on_phones = fewest(erlangs, aht, 0.80)
    usual_aht = fewest(calls * 330 / 1800, 330, 0.80)
    kept = 0.06 + 0.07  # sickness and breaks stay when leave is frozen and training paused
    scheduled = math.ceil(on_phones / (1 - kept))
    whole = math.ceil(on_phones / (1 - 0.32))
    assert (round(calls), round(aht, -1), round(erlangs), on_phones) == (162, 380, 34, 40)
    assert (usual_aht, scheduled, whole, scheduled - 38) == (35, 46, 59, 8)
    fair_zh, fair_en = (bundled().questions["case-wfm-peak-evening-roster"].rubric.fair.get(lang, "")
                        for lang in ("zh", "en"))
    for strong, fair in ((strong_zh, fair_zh), (strong_en, fair_en)):
        for figure in ("162", "380", "34", "40", "13%", "46", "8"):
            assert figure in strong, (figure, strong)
        for figure in ("162", "330", "35", "32%", "59"):
            assert figure in fair, (figure, fair)


def test_the_satisfaction_case_splits_into_mix_and_within_type() -> None:
    zh, en, strong_zh, strong_en = texts("case-analyst-csat-drop")
    share_before, share_after = 0.18, 0.31
    logistics, others = (80, 79), (95, 91)
    before = share_before * logistics[0] + (1 - share_before) * others[0]
    after = share_after * logistics[1] + (1 - share_after) * others[1]
    mix_only = share_after * logistics[0] + (1 - share_after) * others[0]
    assert (round(before), round(after), round(mix_only)) == (92, 87, 90)
    assert (round(before - mix_only), round(mix_only - after)) == (2, 3)
    for text in (zh, en):
        for figure in ("92%", "87%", "18%", "31%", "80%", "79%", "95%", "91%", "8%", "27%"):
            assert figure in text, figure
    assert "约带走 2 个百分点" in strong_zh and "其余约 3 个百分点" in strong_zh and "约 90%" in strong_zh
    assert "about 2 points" in strong_en and "remaining 3 or so" in strong_en and "about 90%" in strong_en


@pytest.mark.parametrize("example", ["bank-card-centre", "ecommerce-shop"])
def test_examples_ask_eligibility_as_knock_outs(example: str) -> None:
    root = EXAMPLES / example
    playbook = Playbook(load_repository(root, cwd=root))
    assert not any(q.type == "closed" for q in playbook.questions.values())
    asked = {role: [playbook.questions[q] for q in kit(playbook, role)] for role in playbook.roles}
    knock_outs = {role: [q.id for q in questions if q.type == "knock-out"] for role, questions in asked.items()}
    if example == "bank-card-centre":
        assert knock_outs["card-agent"] == ["knockout-putonghua-hotline", "knockout-night-shifts",
                                            "knockout-call-recording", "knockout-induction-start"]
    else:
        # new graduates are welcome on presale: the tools knock-out is put to after-sale only
        assert knock_outs == {"presale-agent": ["knockout-promo-shifts", "knockout-start-date"],
                              "aftersale-agent": ["knockout-platform-tools", "knockout-promo-shifts",
                                                  "knockout-start-date"]}
