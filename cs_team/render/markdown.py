"""Escaping for Markdown: playbook text must come out as text, never as markup.

HTML escaping is wrong here (GitHub shows ``&quot;`` in code and tables the same as text, but
``&lt;`` does not stop ``[a](b)`` or ``# heading``), so every character that could start
Markdown or HTML is escaped with a backslash, which CommonMark defines for all ASCII
punctuation. Bare URLs are broken up too, since GitHub turns ``https://x.y`` and ``www.x.y``
into links on its own. cmark-gfm finds e-mail addresses (and ``mailto:``, ``xmpp:``) after
backslash escapes are read, so escaping ``@`` alone still links: a zero-width space after
every ``@`` breaks the address for the parser and is invisible to the reader. Bidirectional controls are
left out: they would show a question's words in another order than the one written.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from cs_team.controls import strip_bidi

_INLINE = re.compile(r"([\\`*_{}\[\]<>#|~!&$])")
# example.com, https://, www.1evil.1com, www.例子.com; not 72.5
_URLISH = re.compile(r"(?<=[A-Za-z])([.:])(?=[A-Za-z0-9/\u0080-\uffff])|(?<=[0-9])([.:])(?=[A-Za-z/])")
_LIST_START = re.compile(r"^([-+=])|^(\d+)([.)])(?=\s|$)")  # "1. x" opens a list, "0.5" does not


def escape(value: object) -> Markup:
    """``value`` as literal Markdown text on one line (tables cannot hold line breaks)."""
    if isinstance(value, Markup):
        return value
    text = " ".join(strip_bidi(str(value)).split())
    text = _INLINE.sub(r"\\\1", text)
    text = _URLISH.sub(lambda m: "\\" + (m.group(1) or m.group(2)), text)
    text = text.replace("@", "\\@\u200b")
    # only the start of the text can open a list or a setext heading: the text is one line
    text = _LIST_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", text)
    return Markup(text)
