"""Characters that change how text is shown rather than what it says.

Playbook text reaches terminals, CI logs and documents. Control characters (ESC starts a
terminal escape sequence, a line feed forges a new finding line) and the Unicode bidirectional
controls (U+202E turns ``txt.exe`` into ``exe.txt`` on screen: "Trojan Source") must never pass
through raw: terminal output shows them escaped, documents leave the bidi ones out, and lint
flags them in playbooks.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Arabic letter mark, LRM/RLM, the embeddings and overrides, and the isolates."""

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")
_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` on one line with every control and bidi character written as ``\\xNN``/``\\uNNNN``."""
    return _UNPRINTABLE.sub(_escaped, text)


def strip_bidi(text: str) -> str:
    """``text`` without bidirectional controls (for documents, where they would reorder words)."""
    return _BIDI.sub("", text)


def has_bidi(text: str) -> bool:
    return _BIDI.search(text) is not None


def bidi_offsets(text: str) -> list[int]:
    """Where ``text`` holds a bidirectional control."""
    return [match.start() for match in _BIDI.finditer(text)]
