"""Escaping for Markdown: playbook text must come out as text, never as markup.

HTML escaping is wrong here (GitHub shows ``&quot;`` in code and tables the same as text, but
``&lt;`` does not stop ``[a](b)`` or ``# heading``), so every character that could start
Markdown or HTML is escaped with a backslash, which CommonMark defines for all ASCII
punctuation. Bare URLs are broken up too, since GitHub turns ``https://x.y`` and ``www.x.y``
into links on its own.
"""

from __future__ import annotations

import re

from markupsafe import Markup

_INLINE = re.compile(r"([\\`*_{}\[\]<>#|~!&$])")
_URLISH = re.compile(r"(?<=[A-Za-z0-9])([.:@])(?=[A-Za-z/])")  # example.com, https:// (not 72.5)
_LIST_START = re.compile(r"^([-+=])|^(\d+)([.)])(?=\s|$)")  # "1. x" opens a list, "0.5" does not


def escape(value: object) -> Markup:
    """``value`` as literal Markdown text on one line (tables cannot hold line breaks)."""
    if isinstance(value, Markup):
        return value
    text = " ".join(str(value).split())
    text = _INLINE.sub(r"\\\1", text)
    text = _URLISH.sub(r"\\\1", text)
    # only the start of the text can open a list or a setext heading: the text is one line
    text = _LIST_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", text)
    return Markup(text)
