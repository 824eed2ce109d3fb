"""Checks on a file's text before it is parsed: structure no playbook needs and no parser survives.

libyaml's composer recurses in C and crashes the process somewhere past 20,000 levels of nesting,
and a file of a million tiny collections (``[[],[],...]``) costs seconds and hundreds of MB to
build. Both are found here in one pass over the text, before libyaml sees it.
"""

from __future__ import annotations

import re

from cs_team.wording import Phrase, phrase

MAX_DEPTH = 1000
"""Deepest nesting read."""

MAX_FLOW_COLLECTIONS = 100_000
"""Most `[` and `{` in one file. The bundled department's largest file has a few hundred."""

_BRACKETS = re.compile(r"[\[\]{}]")
_INLINE_TOKEN = re.compile(r"[-?][ \t]+")
_INLINE_RUN = MAX_DEPTH // 10
_INLINE_MIN_CHARS = 2 * _INLINE_RUN


def excess_structure(text: str) -> tuple[int, Phrase] | None:
    """(offset, message) of the first place the text goes past the limits above, or None."""
    opened = text.count("[") + text.count("{")
    if opened > MAX_FLOW_COLLECTIONS:
        first = min(i for i in (text.find("["), text.find("{")) if i >= 0)
        return first, phrase("file.too_many_collections", count=f"{opened:,}",
                             limit=f"{MAX_FLOW_COLLECTIONS:,}")
    deep = _bracket_nesting(text) if opened > MAX_DEPTH else None
    if deep is None and max(map(len, text.split("\n"))) >= _INLINE_MIN_CHARS:
        # Deeper nesting than the brackets allow needs `- - - ...` on one line (on several lines
        # the indentation grows with depth, so 5 MiB cannot hold a crashing depth): a long line.
        deep = _inline_nesting(text)
    if deep is None:
        return None
    return deep, phrase("file.too_deep", depth=MAX_DEPTH)


def _bracket_nesting(text: str) -> int | None:
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            return match.start()
    return None


def _inline_nesting(text: str) -> int | None:
    """Where a line opens _INLINE_RUN block collections in a row (`- - - ...`), or None.

    Each `- ` (or `? `) token is matched once and the run counted by whether a token starts where
    the previous one ended: linear in the text. (A repeated group such as `(?:[-?][ \\t]+){100,}`
    backtracks for seconds over 99 tokens followed by a long run of spaces.)
    """
    run, end, start = 0, -1, 0
    for token in _INLINE_TOKEN.finditer(text):
        if token.start() == end:
            run += 1
        else:
            run, start = 1, token.start()
        end = token.end()
        if run >= _INLINE_RUN:
            return start
    return None
