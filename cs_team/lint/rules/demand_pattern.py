"""CS216: every day of a demand pattern gives one volume per interval."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.model.demand import incomplete_days
from cs_team.playbook import Playbook, Site
from cs_team.wording import phrase


def check(playbook: Playbook) -> Iterator[Report]:
    for document, pattern in playbook.repo.models("demand-pattern"):
        for channel, key, needed, given in incomplete_days(pattern):
            yield Report(Site(document, ("channels", channel, key)), phrase(
                "rules.pattern_length", channel=channel, key=key, needed=needed,
                minutes=pattern.interval_minutes, given=given))
