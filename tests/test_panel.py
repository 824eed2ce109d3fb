"""Scoring a panel: the mean of three interviewers (not their median), and totals that are equal by
hand stay equal (a tie ranks by name) although binary floating point adds them differently."""

from __future__ import annotations

import json

from tests.conftest import RepoCopy
from tests.test_cli import invoke
from tests.test_score import card_yaml


def _candidates(repo: RepoCopy) -> list[dict]:
    code, out, err = invoke(repo, "score", "cards", "--format", "json")
    assert code == 0, err
    (role,) = json.loads(out)["roles"]
    return role["candidates"]


def test_three_interviewers_are_averaged(repo: RepoCopy) -> None:
    """王芳: listening 3, 3, 1: mean 7/3 (the median would be 3); calm 1, 1, 3: mean 5/3 (median 1).
    Total 7/3 x 0.6 + 5/3 x 0.4 = 1.4 + 2/3 = 31/15 = 2.0667 (the medians would give 2.2)."""
    for interviewer, listening, calm in (("李雷", 3, 1), ("赵敏", 3, 1), ("韩梅", 1, 3)):
        repo.write(f"cards/{interviewer}.yaml", card_yaml("王芳", interviewer, listening, calm))
    (wang,) = _candidates(repo)
    assert [(s["competency"], s["ratings"], round(s["mean"], 4)) for s in wang["competencies"]] == [
        ("listening", {"李雷": 3, "赵敏": 3, "韩梅": 1}, 2.3333), ("calm", {"李雷": 1, "赵敏": 1, "韩梅": 3}, 1.6667)]
    assert round(wang["total"], 4) == 2.0667


def test_totals_equal_by_hand_tie_whatever_the_float_sum(repo: RepoCopy) -> None:
    """Weights 20 and 80. 乙: listening 3, 3 and calm 1, 2: 3 x 0.2 + 1.5 x 0.8 = 0.6 + 1.2, which
    binary adds to 1.7999999999999998. 甲: listening 1, 1 and calm 3, 1: 0.2 + 1.6 = 1.8 exactly.
    Both 1.8 by hand: a tie, ranked by name (乙 U+4E59 before 甲 U+7532)."""
    assert 3 * 20 / 100 + 1.5 * 80 / 100 != 1 * 20 / 100 + 2 * 80 / 100
    repo.edit("role.yaml", "{competency: listening, weight: 60, minimum: 2}", "{competency: listening, weight: 20}")
    repo.edit("role.yaml", "{competency: calm, weight: 40}", "{competency: calm, weight: 80}")
    for name, first, second in (("乙", (3, 1), (3, 2)), ("甲", (1, 3), (1, 1))):
        repo.write(f"cards/{name}-1.yaml", card_yaml(name, "李雷", *first))
        repo.write(f"cards/{name}-2.yaml", card_yaml(name, "赵敏", *second))
    assert [(c["rank"], c["candidate"], c["total"]) for c in _candidates(repo)] == [(1, "乙", 1.8), (2, "甲", 1.8)]
