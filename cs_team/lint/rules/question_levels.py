"""CS253: a senior role's kit is not filled only from questions a junior agent would get.

A question with no tags suits every role and level, and one tagged ``junior`` is written for
a first job: a kit for a senior agent, a specialist, a lead or a manager made only of those
asks a seasoned candidate what any new graduate could answer, and tells them apart from nobody.
At least one of its rated questions should be written for the role (``roles``) or for levels
above junior (``levels`` without ``junior``).
"""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.interview import plan_interview
from cs_team.lint.registry import Report
from cs_team.model.questions import Question
from cs_team.playbook import Playbook
from cs_team.wording import phrase

SENIOR = {"senior", "lead", "manager", "executive"}


def for_seniors(question: Question, role_id: str) -> bool:
    return role_id in question.roles or (bool(question.levels) and "junior" not in question.levels)


def check(playbook: Playbook) -> Iterator[Report]:
    for role in playbook.roles.values():
        level = playbook.level_of(role)
        if level not in SENIOR:
            continue
        plan = plan_interview(playbook, role)
        rated = [q for stage in plan.stages for _, q in stage.picks if q.type != "knock-out"]
        if rated and not any(for_seniors(q, role.id) for q in rated):
            yield Report(playbook.site(role).at("interview"), phrase(
                "content.kit_only_junior", role=role.id, level=level, count=len(rated)), key=True)
