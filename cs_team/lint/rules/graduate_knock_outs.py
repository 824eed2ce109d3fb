"""CS259: a role that welcomes new graduates does not knock them out for lacking experience.

A role with ``experience_years: 0`` says anyone may apply straight from school. A knock-out in
its kit asking which tools the candidate has used or what work they have done rejects every
such applicant before the interview begins: the post's own requirements and its screening
disagree, and the new graduates it advertises for never get through. The knock-outs the kit
asks are read for a question about past work or tools; tag such a question for the levels or
roles that require experience instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cs_team.interview import asked_knock_outs
from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import phrase

EXPERIENCE = re.compile(
    r"用过(哪些|什么)|做过(哪些|什么)|从事过|(工作|相关|行业|客服)经验|工作经历"
    r"|\bhave you (used|worked|done|handled)\b|\b(work|previous|prior|relevant) experience\b"
    r"|\bexperience (of|in|with)\b",
    re.IGNORECASE)


def _asks_experience(question) -> str | None:
    for value in question.text.all_strings():
        match = EXPERIENCE.search(value)
        if match:
            return match.group()
    return None


def check(playbook: Playbook) -> Iterator[Report]:
    for role in playbook.roles.values():
        if role.requirements.experience_years != 0:
            continue
        for question in asked_knock_outs(playbook, role):
            words = _asks_experience(question)
            if words is not None:
                yield Report(playbook.site(role).at("requirements", "experience_years"), phrase(
                    "content.knock_out_graduates", role=role.id, id=question.id, words=words))
