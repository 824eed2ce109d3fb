"""CS273: Chinese text quotes with the Chinese quotation marks “ ”, not the ASCII ".

GB/T 15834 (标点符号用法) sets “ ” for quotations in Chinese; a straight " in the middle of a
Chinese sentence is a typing slip (an English keyboard, a copy from a web form) that every
printed kit and sheet then carries. Only the Chinese version of a text is checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.lint.texts import DocumentTexts
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
    plain_is_chinese = playbook.default_language == "zh"
    walked = playbook.index(DocumentTexts)
    for document in playbook.repo.documents:
        for i, text in enumerate(walked.texts(document)):
            for lang, value in text.translations:
                # Only the Chinese version: a plain text when the team writes Chinese, else zh's.
                if '"' not in value or not (plain_is_chinese if text.plain else lang == "zh"):
                    continue
                sample = straight_quotes(value)
                if sample is not None:
                    path = walked.paths(document)[i]
                    where = path if text.plain else (*path, "zh")
                    yield Report(Site(document, where), phrase("rules.straight_quotes", sample=sample))
