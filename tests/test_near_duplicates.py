"""CS209's similarity join finds exactly the pairs a comparison of every pair finds, on banks in
the bundled department's house style (mutated copies of its questions, where copies share their
rarest tokens and a plain prefix filter degrades to comparing every pair)."""

from __future__ import annotations

import itertools

import pytest

from benchmarks.house_style import bundled_questions, house_texts
from cs_team.similarity import THRESHOLD, similar_pairs, tokens


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


@pytest.mark.parametrize("folder", ["playbooks", "examples/bank-card-centre", "examples/ecommerce-shop"])
def test_cs209_on_the_bundled_department_and_the_examples_is_every_pair_compared(folder: str) -> None:
    """The rule's own token sets (each question in the default language), joined and compared pair
    by pair, in the languages each repository writes."""
    from pathlib import Path

    from cs_team.loader import load_repository
    from cs_team.playbook import Playbook

    root = Path(__file__).resolve().parent.parent / folder
    playbook = Playbook(load_repository(root, cwd=root))
    for language in playbook.config.languages:
        sets = [tokens(q.text.best(language, language)) for q in playbook.questions.values()]
        assert len(sets) >= 10
        assert similar_pairs(sets) == _every_pair(sets, THRESHOLD)
        # and with each question again, lightly edited: the join then has pairs to find
        edited = sets + [s - {min(s)} | {"edited"} for s in sets]
        expected = _every_pair(edited, THRESHOLD)
        assert len(expected) >= len(sets) // 3
        assert similar_pairs(edited) == expected


def test_pairs_at_the_threshold_exactly_are_found() -> None:
    """Sets that keep ceil(0.8 n) of n tokens (Jaccard 0.8 or just above), among sets of every
    length sharing a common vocabulary, so that the index drops sets too short as lengths grow."""
    import math
    import random

    rng = random.Random(209)
    vocabulary = [f"w{n}" for n in range(60)]
    sets = []
    for n in range(3, 45):
        for _ in range(3):
            whole = rng.sample(vocabulary, n)
            sets += [frozenset(whole), frozenset(whole[: math.ceil(THRESHOLD * n)])]
            sets.append(frozenset(rng.sample(vocabulary, max(1, n - 2))))
    rng.shuffle(sets)
    expected = _every_pair(sets, THRESHOLD)
    assert sum(1 for _, _, similarity in expected if similarity == THRESHOLD) >= 20
    assert similar_pairs(sets) == expected


def test_texts_tokenised_ahead_are_looked_up_and_give_the_same_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    from cs_team import similarity

    texts = [zh for _, zh, _, _ in house_texts(300)]
    expected = similarity.similar_texts(texts)
    assert expected  # house-style copies: there are pairs to find
    monkeypatch.setattr(similarity, "_KNOWN_TOKENS", {})
    similarity.tokenise_ahead(texts[:200])
    computed: list[str] = []
    real = similarity.tokens
    monkeypatch.setattr(similarity, "tokens", lambda text: computed.append(text) or real(text))
    assert similarity.similar_texts(texts) == expected
    assert computed == [t for t in texts[200:] if t not in texts[:200]]  # only the ones not known
