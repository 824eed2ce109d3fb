"""CS209: no two questions say nearly the same thing.

Comparing every pair is quadratic (5,000 questions make 12.5 million pairs), so
this is a similarity join with prefix filtering: two sets with Jaccard
similarity >= t must share one of the first |s| - ceil(t*|s|) + 1 tokens of
each set when tokens are ordered by rarity. Only such candidates are compared.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import phrase

THRESHOLD = 0.8
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[^\W_\u3400-\u9fff\uf900-\ufaff]+")


def tokens(text: str) -> frozenset[str]:
    """Character bigrams of CJK runs (Chinese has no spaces) and lower-cased words."""
    text = unicodedata.normalize("NFKC", text).lower()
    found: set[str] = set()
    for run in _CJK.findall(text):
        found.update(run[i:i + 2] for i in range(max(1, len(run) - 1)))
    found.update(_WORD.findall(text))
    return frozenset(found)


def similar_pairs(sets: list[frozenset[str]], threshold: float = THRESHOLD
                  ) -> Iterator[tuple[int, int, float]]:
    """(i, j, similarity) with i < j for every pair at or above ``threshold``."""
    frequency = Counter(token for s in sets for token in s)
    index: dict[str, list[int]] = defaultdict(list)
    for j, tokens_j in enumerate(sets):
        if not tokens_j:
            continue
        # One total order for every set (rarest first, then by token), as prefix filtering requires:
        # sort by token, then stably by frequency (two C-keyed sorts beat one keyed by a lambda).
        ordered = sorted(sorted(tokens_j), key=frequency.__getitem__)
        prefix = ordered[: len(ordered) - math.ceil(threshold * len(ordered)) + 1]
        candidates: set[int] = set()
        for token in prefix:
            candidates.update(index[token])
            index[token].append(j)
        for i in sorted(candidates):
            tokens_i = sets[i]
            shared = len(tokens_i & tokens_j)
            similarity = shared / (len(tokens_i) + len(tokens_j) - shared)
            if similarity >= threshold:
                yield i, j, similarity


def check(playbook: Playbook) -> Iterator[Report]:
    default = playbook.default_language
    questions = list(playbook.questions.values())
    sets = [tokens(q.text.best(default, default)) for q in questions]
    for i, j, similarity in similar_pairs(sets):
        first, second = questions[i], questions[j]
        yield Report(playbook.site(second).at("text"), phrase(
            "rules.near_duplicate", second=second.id, similarity=f"{similarity * 100:.0f}",
            first=first.id, where=playbook.site(first).where()))
