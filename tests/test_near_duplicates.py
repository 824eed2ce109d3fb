"""CS209's similarity join finds exactly the pairs a comparison of every pair finds, on banks in
the bundled department's house style (mutated copies of its questions, where copies share their
rarest tokens and a plain prefix filter degrades to comparing every pair)."""

from __future__ import annotations

import itertools

import pytest

from benchmarks.house_style import bundled_questions, house_texts
from cs_team.lint.rules.near_duplicates import THRESHOLD, similar_pairs, tokens


def _every_pair(sets: list[frozenset[str]], threshold: float) -> list[tuple[int, int, float]]:
    found = []
    for i, j in itertools.combinations(range(len(sets)), 2):
        union = len(sets[i] | sets[j])
        if union and len(sets[i] & sets[j]) / union >= threshold:
            found.append((i, j, len(sets[i] & sets[j]) / union))
    return sorted(found, key=lambda pair: (pair[1], pair[0]))


@pytest.mark.parametrize(("count", "strength", "language"),
                         [(600, 0.1, 1), (600, 0.3, 1), (600, 0.5, 1), (500, 0.15, 2)])
def test_the_join_equals_every_pair_on_house_style_banks(count: int, strength: float, language: int) -> None:
    sets = [tokens(text[language]) for text in house_texts(count, seed=count, strength=strength)]
    expected = _every_pair(sets, THRESHOLD)
    assert len(expected) >= 10  # copies close enough to be found: the join has real work
    assert similar_pairs(sets) == expected


def test_the_bundled_department_is_joined_as_every_pair_would_be() -> None:
    """The bundled bank in both languages, and with each question once more, lightly edited."""
    for language in (2, 3):
        texts = [question[language] for question in bundled_questions()]
        sets = [tokens(text) for text in texts]
        assert similar_pairs(sets) == _every_pair(sets, THRESHOLD)
        doubled = sets + [tokens(text.replace("你", "您", 1) + "。") for text in texts]
        expected = _every_pair(doubled, THRESHOLD)
        assert len(expected) >= len(texts) // 2
        assert similar_pairs(doubled) == expected
