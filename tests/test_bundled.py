"""The bundled department is complete, bilingual and lints clean."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from cs_team.interview import plan_interview
from cs_team.lint.runner import run
from cs_team.loader import load_repository
from cs_team.model.common import Text
from cs_team.model.role import QuestionType
from cs_team.playbook import Playbook
from cs_team.repo import bundled_root
from cs_team.similarity import similar_pairs, tokens


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    return Playbook(load_repository(bundled_root(), bundled=True))


def test_bundled_lints_without_a_single_finding(playbook: Playbook) -> None:
    assert run(playbook.repo) == []


def test_bundled_requires_both_languages(playbook: Playbook) -> None:
    assert playbook.config.languages == ["zh", "en"]
    assert playbook.default_language == "zh"


def test_bundled_sizes(playbook: Playbook) -> None:
    """The sizes the content issue asks for: a department a new user can adopt as it is."""
    assert len(playbook.roles) >= 8
    families = {role.family for role in playbook.roles.values()}
    assert families >= {"frontline", "technical-support", "sales-service", "customer-relations",
                        "quality-training", "leadership"}
    assert {r.grade for r in playbook.roles.values()} >= {"cs-1", "cs-2", "cs-3", "lead-1", "manager"}
    assert set(playbook.competencies) >= {
        "communication", "problem-solving", "teamwork", "emotion-management", "stress-tolerance",
        "service-mindset", "integrity", "product-knowledge", "learning-agility", "leadership"}
    assert len(playbook.questions) >= 80
    types = Counter(q.type for q in playbook.questions.values())
    assert set(types) == set(QuestionType.__args__)
    role_plays = {q.id for q in playbook.questions.values() if q.type == "role-play"}
    assert len(role_plays) >= 6
    # angry customer, refund dispute, technical fault, privacy, escalation, VIP on social media
    assert role_plays >= {"rp-late-birthday-gift", "rp-refund-dispute", "rp-device-wifi-fault",
                          "rp-erase-my-data", "rp-demands-supervisor", "rp-vip-weibo-complaint"}
    for question in playbook.questions.values():
        assert question.probes, question.id
    modules = playbook.modules
    assert len(modules) >= 12
    assert {m.area for m in modules.values()} >= {
        "culture", "product", "industry", "process", "communication", "complaints", "emotion",
        "tools", "compliance", "teamwork"}
    assert any(m.assessment for m in modules.values())
    templates = playbook.onboarding
    frontline = sum(stage.days for stage in templates["frontline-3w"].stages if stage.nesting is None)
    assert frontline == 15
    # a week of nesting, as the hiring inputs assume: real contacts at half load beside a mentor
    nesting = [stage for stage in templates["frontline-3w"].stages if stage.nesting is not None]
    assert [(s.days, s.nesting.load_percent) for s in nesting] == [(5, 50)]
    assert playbook.hiring["service-centre-2027"].nesting_weeks == 1
    assert sum(stage.days for stage in templates["tech-support-5w"].stages) > frontline
    assert playbook.evaluation and playbook.hiring


def test_probation_targets_cover_every_level_in_use(playbook: Playbook) -> None:
    levels = {playbook.level_of(role) for role in playbook.roles.values()}
    targets = {level for rules in playbook.evaluation for level in rules.probation.targets}
    assert levels <= targets


def test_promotions_have_eligibility_special_track_stages_and_a_model(playbook: Playbook) -> None:
    promotions = [p for rules in playbook.evaluation for p in rules.promotions]
    assert {r for p in promotions for r in p.target_roles} >= {"team-lead", "trainer-qa"}
    for promotion in promotions:
        assert promotion.eligibility.min_grade and promotion.special_track and promotion.stages
        assert sum(part.weight for part in promotion.final_model) == 100


def _texts(value: object) -> Iterator[Text]:
    """Every playbook text inside a model, however deep."""
    if isinstance(value, Text):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)


def test_every_text_is_written_in_chinese_and_english(playbook: Playbook) -> None:
    count = 0
    for document in playbook.repo.documents:
        for text in _texts(document.model):
            count += 1
            assert text.written >= {"zh", "en"}, (document.display, text)
            zh, en = text.get("zh", "zh"), text.get("en", "zh")
            assert any("\u4e00" <= c <= "\u9fff" for c in zh), (document.display, zh)
            assert not any("\u4e00" <= c <= "\u9fff" for c in en), (document.display, en)
    assert count >= 1000


def test_no_two_questions_are_near_duplicates(playbook: Playbook) -> None:
    """Stricter than lint's CS209 (80 % of the same words), and in both languages."""
    questions = list(playbook.questions.values())
    # English behavioural questions share "Tell me about a time you...": a looser bar there
    for lang, threshold in (("zh", 0.5), ("en", 0.55)):
        sets = [tokens(q.text.get(lang, "zh")) for q in questions]
        close = [(questions[i].id, questions[j].id, round(s, 2))
                 for i, j, s in similar_pairs(sets, threshold)]
        assert close == [], lang


def test_no_filler_text(playbook: Playbook) -> None:
    filler = re.compile(r"lorem|ipsum|TODO|TBD|FIXME|待补充|待定|XXX", re.IGNORECASE)
    for document in playbook.repo.documents:
        for text in _texts(document.model):
            for value in text.all_strings():
                assert not filler.search(value), (document.display, value)


def test_every_competency_anchors_every_point(playbook: Playbook) -> None:
    for competency in playbook.competencies.values():
        points = [p.value for p in playbook.scale_points(competency)]
        assert points == [1, 2, 3, 4, 5]
        assert sorted(competency.anchors or {}) == points


def test_every_kit_fills(playbook: Playbook) -> None:
    for role in playbook.roles.values():
        plan = plan_interview(playbook, role)
        assert plan.shortfalls == [], role.id
        chosen = [q.id for stage in plan.stages for _, q in stage.picks]
        assert len(chosen) == len(set(chosen)), f"{role.id} asks a question twice"
