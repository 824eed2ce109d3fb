"""CS258: a first-contact-resolution target says its window.

"首次解决率 75%" is a different number over 24 hours, 48 hours or 7 days: a customer who calls
back on the third day is a repeat contact in one and a new one in another. Chinese centres
state the window (commonly 48 hours), and the probation sheet, which prints the FCR target to
the new hire, must too. When a level or a role of the repository targets ``fcr_percent`` and
the probation has reviews (the sheet's account of what to expect when), the reviews and the
decisions are read for FCR with a number of hours or days near it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook, Site
from cs_team.wording import phrase

_SPAN = r"\d+\s*(个)?(小时|天|日|h\b|hours?\b|days?\b)"
WINDOW = re.compile(
    rf"(首次解决|一次解决|FCR|first[- ]contact resolution)[^。；.;]{{0,40}}{_SPAN}"
    rf"|{_SPAN}[^。；.;]{{0,20}}(再次联系|重复来电|repeat contact)",
    re.IGNORECASE)


def _first_target(playbook: Playbook) -> Site | None:
    for rules in playbook.evaluation:
        if not rules.probation.reviews:
            continue
        for level, targets in rules.probation.targets.items():
            if targets.fcr_percent is not None:
                return playbook.site(rules).at("probation", "targets", level, "fcr_percent")
    for role in playbook.roles.values():
        if role.kpi_targets is not None and role.kpi_targets.fcr_percent is not None:
            return playbook.site(role).at("kpi_targets", "fcr_percent")
    return None


def _texts(playbook: Playbook) -> Iterator[str]:
    for rules in playbook.evaluation:
        for review in rules.probation.reviews:
            yield from review.focus.all_strings()
        for decision in rules.probation.decisions:
            yield from decision.when.all_strings()


def check(playbook: Playbook) -> Iterator[Report]:
    if not any(rules.probation.reviews for rules in playbook.evaluation):
        return
    site = _first_target(playbook)
    if site is None or any(WINDOW.search(text) for text in _texts(playbook)):
        return
    yield Report(site, phrase("content.fcr_no_window"))
