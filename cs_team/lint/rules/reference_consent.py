"""CS274: a reference or background check says it asks the candidate's written consent first.

Calling a former employer or checking records is handling the candidate's personal
information: 《个人信息保护法》 art. 13 and 14 need the person's informed consent (or another
lawful basis) before it starts. The kit is what the interviewer follows on the day, so the
stage's notes must say it; several bundled roles said it and others did not.
"""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import phrase

CHECKS = ("reference-check", "background-check")
CONSENT_WORDS = ("同意", "授权", "consent", "authoris", "authoriz")


def says_consent(stage) -> bool:
    if stage.notes is None:
        return False
    return any(word in text.lower() for text in stage.notes.all_strings() for word in CONSENT_WORDS)


def check(playbook: Playbook) -> Iterator[Report]:
    for role in playbook.roles.values():
        for s, stage in enumerate(role.interview):
            if stage.type in CHECKS and not says_consent(stage):
                place = ("interview", s, "notes") if stage.notes is not None else ("interview", s, "type")
                yield Report(playbook.site(role).at(*place), phrase("content.check_without_consent",
                                                                   stage=stage.id))
