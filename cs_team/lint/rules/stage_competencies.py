"""CS225, CS226: what an interview stage says it assesses is asked there and scored.

A stage that lists a competency none of its kit's questions assesses claims evidence it never
collects (agent I's role-play listed problem solving while its one role-play probed calm and
courtesy), and a stage that assesses a competency with no row on the role's scorecard collects
evidence nobody can record (agent I's skills test and product knowledge).
"""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.trace import unasked, unscored
from cs_team.wording import phrase


def check_asked(playbook: Playbook) -> Iterator[Report]:
    for role in playbook.roles.values():
        for s, c, competency in unasked(playbook, role):
            yield Report(playbook.site(role).at("interview", s, "competencies", c), phrase(
                "content.stage_unasked", stage=role.interview[s].id, competency=competency))


def check_scored(playbook: Playbook) -> Iterator[Report]:
    for role in playbook.roles.values():
        if any(c.competency not in playbook.competencies for c in role.hiring_criteria):
            continue  # a misspelt row (CS202) is not a missing one
        for s, c, competency in unscored(role):
            yield Report(playbook.site(role).at("interview", s, "competencies", c), phrase(
                "content.stage_unscored", stage=role.interview[s].id, competency=competency,
                role=role.id))
