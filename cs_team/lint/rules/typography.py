"""CS273: Chinese text quotes with the Chinese quotation marks “ ”, not the ASCII ".

GB/T 15834 (标点符号用法) sets “ ” for quotations in Chinese; a straight " in the middle of a
Chinese sentence is a typing slip (an English keyboard, a copy from a web form) that every
printed kit and sheet then carries. Only the Chinese version of a text is checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.lint.rules.languages import document_texts
from cs_team.playbook import Playbook, Site
from cs_team.wording import phrase

_CHINESE = re.compile(r"[\u3400-\u9fff]")
_QUOTED = re.compile(r'"[^"\n]{0,20}"?')


def straight_quotes(text: str) -> str | None:
    """The first straight-quoted stretch of a Chinese ``text`` (for the message), or None."""
    if '"' not in text or not _CHINESE.search(text):
        return None
    return _QUOTED.search(text).group(0)


def check(playbook: Playbook) -> Iterator[Report]:
    default = playbook.default_language
    for document in playbook.repo.documents:
        for path, text in document_texts(playbook, document):
            chinese = text.get("zh", default)
            sample = straight_quotes(chinese) if chinese else None
            if sample is not None:
                where = path if text.plain else (*path, "zh")
                yield Report(Site(document, where), phrase("rules.straight_quotes", sample=sample))
