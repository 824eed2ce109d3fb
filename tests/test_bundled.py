"""The bundled department is complete, bilingual and lints clean."""

from __future__ import annotations

from collections import Counter

import pytest

from cs_team.interview import plan_interview
from cs_team.lint.runner import run
from cs_team.loader import load_repository
from cs_team.model.role import QuestionType
from cs_team.playbook import Playbook
from cs_team.repo import bundled_root


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    return Playbook(load_repository(bundled_root(), bundled=True))


def test_bundled_lints_without_a_single_finding(playbook: Playbook) -> None:
    assert run(playbook.repo) == []


def test_bundled_requires_both_languages(playbook: Playbook) -> None:
    assert playbook.config.languages == ["zh", "en"]
    assert playbook.default_language == "zh"


def test_bundled_sizes(playbook: Playbook) -> None:
    assert len(playbook.roles) >= 4
    grades_per_family = Counter(role.family for role in playbook.roles.values())
    assert grades_per_family["frontline"] >= 2
    assert len({r.grade for r in playbook.roles.values() if r.family == "frontline"}) >= 2
    assert len(playbook.competencies) >= 6
    assert len(playbook.questions) >= 30
    types = Counter(q.type for q in playbook.questions.values())
    assert set(types) == set(QuestionType.__args__)
    assert types["role-play"] >= 4
    assert len(playbook.curriculum_modules("frontline-core")) >= 8
    assert playbook.onboarding and playbook.evaluation and playbook.hiring


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
