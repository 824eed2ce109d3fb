"""Which texts say nearly the same thing (CS209's comparison), in plain Python with no import of
the models: a lint's worker process runs it from the texts alone (see ``cs_team.forking``).

Comparing every pair is quadratic, and a bank grown by copying and editing questions in one
house style makes even a plain prefix filter quadratic within each family of copies (they
share their rarest tokens). So this is a similarity join with a length filter and an
l-prefix filter (Wang, Li and Feng, "Can we beat the prefix filtering?", SIGMOD 2012): with
tokens ordered by rarity, two sets of Jaccard similarity >= t with overlap >= a share at least
l tokens among the first |s| - a + l of each, for any l <= a. Sets are taken shortest first, so
every earlier set is no longer, and one no shorter than t times the current one is a partner
that the length filter allows. Only pairs sharing l prefix tokens are compared in full, so the
pairs found are exactly those a comparison of every pair finds (a test checks it).
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from itertools import chain, compress

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


SHARED_PREFIX_TOKENS = 6
"""l: larger prunes more pairs but reads longer prefixes; 6 was fastest on house-style banks."""


def similar_pairs(sets: list[frozenset[str]], threshold: float = THRESHOLD
                  ) -> list[tuple[int, int, float]]:
    """(i, j, similarity) with i < j for every pair at or above ``threshold``, ordered by j, then i."""
    frequency = Counter(chain.from_iterable(sets))
    rank = {token: r for r, token in enumerate(sorted(frequency, key=lambda t: (frequency[t], t)))}
    overlap = threshold / (1 + threshold)  # Jaccard >= t  <=>  |x & y| >= t / (1 + t) * (|x| + |y|)
    order = sorted((i for i, s in enumerate(sets) if s), key=lambda i: (len(sets[i]), i))
    length = [len(s) for s in sets]
    # token -> sets whose prefix holds it, shortest first (sets are indexed in that order), and
    # where the sets long enough for the current one start: lengths only grow, so a set too
    # short for this one is too short for every later one and is never counted again.
    index: dict[int, list[int]] = {}
    live: dict[int, int] = {}
    shared_needed: dict[int, int] = {}  # set -> its l as the shorter of a pair
    found = []
    for x in order:
        tokens_x = sets[x]
        ordered = sorted(map(rank.__getitem__, tokens_x))
        size = len(ordered)
        # As the longer of a pair: the overlap is at least t|x| (a partner has >= t|x| tokens).
        # The small slack keeps a rounding error from shortening a prefix (that could lose a pair).
        least = math.ceil(threshold * size - 1e-9)
        probe_shared = min(SHARED_PREFIX_TOKENS, least)
        postings = []
        for token in ordered[: size - least + probe_shared]:
            listed = index.get(token)
            if listed is None:
                continue
            start, end = live[token], len(listed)
            if start < end and length[listed[start]] < least:
                start = live[token] = bisect_left(listed, least, start, end, key=length.__getitem__)
            if start < end:
                postings.append(listed[start:] if start else listed)
        if postings:
            counts = Counter(chain.from_iterable(postings))
            # every partner needs at least this many shared tokens: skip the rest without a loop
            fewest = min(probe_shared, math.ceil(2 * overlap * least - 1e-9))
            for y in compress(counts, map(fewest.__le__, counts.values())):
                shared = counts[y]
                if shared >= probe_shared or shared >= shared_needed[y]:
                    tokens_y = sets[y]
                    common = len(tokens_x & tokens_y)
                    similarity = common / (size + len(tokens_y) - common)
                    if similarity >= threshold:
                        found.append((min(x, y), max(x, y), similarity))
        # As the shorter of a pair: the overlap is at least 2t/(1+t)|x|.
        least = math.ceil(2 * overlap * size - 1e-9)
        shared_needed[x] = min(SHARED_PREFIX_TOKENS, least)
        for token in ordered[: size - least + shared_needed[x]]:
            listed = index.get(token)
            if listed is None:
                index[token], live[token] = [x], 0
            else:
                listed.append(x)
    return sorted(found, key=lambda pair: (pair[1], pair[0]))


def similar_texts(texts: list[str], threshold: float = THRESHOLD) -> list[tuple[int, int, float]]:
    """``similar_pairs`` of the texts' tokens."""
    known = _KNOWN_TOKENS
    return similar_pairs([known.get(text) or tokens(text) for text in texts], threshold)


_KNOWN_TOKENS: dict[str, frozenset[str]] = {}
"""Texts tokenised ahead of being asked (a lint's worker does it while it would wait)."""


def tokenise_ahead(texts: list[str]) -> None:
    """Remember the tokens of ``texts``: ``similar_texts`` then only looks them up."""
    _KNOWN_TOKENS.update((text, tokens(text)) for text in texts if text not in _KNOWN_TOKENS)
