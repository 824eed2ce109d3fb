"""CS250, CS251: a knock-out says what passes, and screens only on what the job needs.

A knock-out (淘汰项) rejects a candidate whatever the weighted score, so an interviewer must
know what answer passes (CS250), and it must never screen on a ground Chinese employment law
forbids: the fair-hiring rules' topics (CS301-CS312) are read in its text and its condition,
negated or not, since "不是乙肝携带者才符合" rejects carriers all the same (CS251).
"""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.lint.rules.fair_hiring import screened_topics
from cs_team.playbook import Playbook, Site
from cs_team.rulebook import RULES
from cs_team.wording import Texts, phrase, quoted_words


def _knock_outs(playbook: Playbook) -> Iterator[tuple[Site, object]]:
    for bank in playbook.banks:
        for i, question in enumerate(bank.questions):
            if question.type == "knock-out":
                yield playbook.site(bank).at("questions", i), question


def check_passes(playbook: Playbook) -> Iterator[Report]:
    for site, question in _knock_outs(playbook):
        if question.passes is None or not any(v.strip() for v in question.passes.all_strings()):
            yield Report(site.at("passes") if question.passes is not None else site.at("id"),
                         phrase("content.knock_out_no_pass", id=question.id))


def check_grounds(playbook: Playbook) -> Iterator[Report]:
    for site, question in _knock_outs(playbook):
        for field in ("passes", "text"):
            text = getattr(question, field)
            if text is None:
                continue
            for lang, value in text.translations:
                found: dict[str, list[str]] = {}
                for code, words in screened_topics(value):
                    found.setdefault(code, []).append(words)
                for code, words in found.items():
                    rule = RULES[code]
                    quoted = quoted_words(dict.fromkeys(words))
                    place = site.at(field) if text.plain else site.at(field, lang)
                    yield Report(place, phrase(
                        "content.knock_out_ground", id=question.id, quoted=quoted,
                        summary=Texts(tuple(rule.summaries.items())), code=code))
