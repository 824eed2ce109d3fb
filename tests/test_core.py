"""Pure functions: kit matching, similarity join, cycles, onboarding capacity."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from cs_team.interview import plan_interview
from cs_team.lint.rules.prerequisites import find_cycles
from cs_team.loader import load_repository
from cs_team.model.onboarding import OnboardingTemplate
from cs_team.playbook import Playbook
from cs_team.repo import bundled_root
from cs_team.schedule.daybook import DayBook
from cs_team.similarity import similar_pairs, tokens
from tests.conftest import RepoCopy

# -- interview kits ------------------------------------------------------------


def test_matching_fills_a_kit_that_greedy_picking_would_not(repo: RepoCopy) -> None:
    """q-both covers listening and calm and comes first in the bank; greedy would give it to the
    listening slot and leave calm empty. Matching gives calm q-both and listening q-listen."""
    bank = repo.read("questions/bank.yaml")
    bank = bank.replace("  - id: q-calm\n", "  - id: q-calm-old\n")
    bank = bank.replace("    competencies: [calm]\n", "    competencies: [calm]\n    levels: [senior]\n")
    extra = """  - id: q-both
    type: behavioural
    text: {zh: 讲一次你在对方生气时仍然听清了诉求的经历, en: Tell me about hearing someone out while they were angry}
    competencies: [listening, calm]
    minutes: 5
    rubric: {poor: {zh: 差, en: Poor}, fair: {zh: 中, en: Fair}, strong: {zh: 好, en: Strong}}
"""
    bank = bank.replace("questions:\n", "questions:\n" + extra, 1)
    repo.write("questions/bank.yaml", bank)
    playbook = Playbook(load_repository(repo.root, cwd=repo.root))
    plan = plan_interview(playbook, playbook.roles["agent"])
    picks = {(slot.competency, q.id) for _, stage in enumerate(plan.stages) for slot, q in stage.picks}
    assert plan.shortfalls == []
    assert ("calm", "q-both") in picks and ("listening", "q-listen") in picks


def test_kit_is_the_same_every_time(repo: RepoCopy) -> None:
    first = Playbook(load_repository(repo.root, cwd=repo.root))
    second = Playbook(load_repository(repo.root, cwd=repo.root))
    ids = [[[q.id for _, q in s.picks] for s in plan_interview(p, p.roles["agent"]).stages]
           for p in (first, second)]
    assert ids[0] == ids[1] == [["q-listen", "q-calm"], ["rp-angry"]]


# -- near-duplicate questions --------------------------------------------------


def test_tokens_mix_chinese_bigrams_and_english_words() -> None:
    assert tokens("客服 Agent，耐心!") == frozenset({"客服", "agent", "耐心"})
    assert tokens("请讲一次") == frozenset({"请讲", "讲一", "一次"})


def _brute_force(sets: list[frozenset[str]], threshold: float) -> set[tuple[int, int]]:
    found = set()
    for i, j in itertools.combinations(range(len(sets)), 2):
        union = len(sets[i] | sets[j])
        if union and len(sets[i] & sets[j]) / union >= threshold:
            found.add((i, j))
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.frozensets(st.sampled_from("abcdefghij"), min_size=1, max_size=8), max_size=25),
       st.sampled_from([0.5, 0.8, 0.9, 1.0]))
def test_similarity_join_finds_exactly_the_brute_force_pairs(sets: list[frozenset[str]], threshold: float) -> None:
    found = {(i, j) for i, j, _ in similar_pairs(sets, threshold)}
    assert found == _brute_force(sets, threshold)


# -- cycles ----------------------------------------------------------------------


def test_cycles_are_named_once_from_their_smallest_member() -> None:
    graph = {"c": ["a"], "a": ["b"], "b": ["c"], "d": ["d"], "e": ["a"]}
    assert find_cycles(graph) == [["a", "b", "c"], ["d"]]


def test_no_cycle_in_a_diamond() -> None:
    assert find_cycles({"top": ["left", "right"], "left": ["bottom"], "right": ["bottom"]}) == []


# -- onboarding capacity -------------------------------------------------------


def _template(**changes: object) -> OnboardingTemplate:
    data = {
        "kind": "onboarding-template", "format": 1, "id": "t", "title": "t", "curriculum": "c",
        "day_start": "09:00", "day_end": "18:00", "lunch": {"start": "12:00", "end": "13:30"},
        "max_training_hours_per_day": 6,
        "blocked": [{"start": "10:00", "end": "11:00"},
                    {"start": "09:00", "end": "10:00", "days": ["mon"]}],
        "stages": [{"id": "s", "title": "s", "goal": "g", "days": 5}],
    }
    return OnboardingTemplate.model_validate({**data, **changes})


def _capacity(template: OnboardingTemplate, day: str) -> int:
    return DayBook(template, dt.date.fromisoformat(day)).capacity


def test_training_minutes_by_hand() -> None:
    template = _template()
    # 9 h open, minus 1.5 h lunch and 1 h peak = 6.5 h, capped at 6 h (2026-11-24 is a Tuesday)
    assert _capacity(template, "2026-11-24") == 360
    # Monday also loses 09:00-10:00: 5.5 h, under the cap
    assert _capacity(template, "2026-11-23") == 330
    # a worked Saturday (调休) keeps the windows of every weekday (lunch, peak), not Monday's
    assert _capacity(template, "2026-10-10") == 360


def test_overlapping_windows_are_not_subtracted_twice() -> None:
    template = _template(max_training_hours_per_day=24, blocked=[
        {"start": "10:00", "end": "12:30"}, {"start": "11:00", "end": "14:00"}])
    # 09:00-18:00 minus the union 10:00-14:00 (lunch lies inside it) = 5 h
    assert _capacity(template, "2026-11-25") == 300


def test_a_lint_leaves_no_reference_cycles_behind() -> None:
    """Whatever a lint builds is freed by reference counting the moment it is done with.

    The collector is paused while a repository is linted; anything left in a reference cycle
    (a closure that calls itself, say) would hold a share of the repository until the next
    collection, which then walked all of it: a tenth of a 2,000-file lint.
    """
    import gc

    from cs_team.workspace import lint_paths

    lint_paths([], None, set(), cwd=bundled_root(), use_cache=False)  # first-use caches settle
    gc.collect()
    gc.disable()
    try:
        lint_paths([], None, set(), cwd=bundled_root(), use_cache=False)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_a_plan_is_made_once_per_playbook_and_not_shared_between_playbooks() -> None:
    """The typed indexes replace the old ad-hoc dict: one per playbook, built on first use."""
    from cs_team.documents.common import stamp

    first, second = (Playbook(load_repository(bundled_root(), cwd=bundled_root())) for _ in range(2))
    role = first.roles["agent-1"]
    assert plan_interview(first, role) is plan_interview(first, role)
    assert plan_interview(second, second.roles["agent-1"]) is not plan_interview(first, role)
    assert stamp(first) is stamp(first) and stamp(first) == stamp(second)
    pool = first.question_pool
    assert pool is first.question_pool
    assert sum(map(len, pool.by_slot.values())) == sum(len(q.competencies) for q in first.questions.values())
    assert list(pool.order) == list(first.questions)
