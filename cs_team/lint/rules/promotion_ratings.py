"""CS218: a promotion's ``min_performance`` is one of the listed performance ratings."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.validation import suggest


def check(playbook: Playbook) -> Iterator[Report]:
    for rules in playbook.evaluation:
        ratings = list(rules.performance_ratings)
        for p, promotion in enumerate(rules.promotions):
            minimum = promotion.eligibility.min_performance
            if minimum in ratings:
                continue
            hint = suggest(minimum, ratings) or f"; use one of {', '.join(ratings)}"
            yield Report(playbook.site(rules).at("promotions", p, "eligibility", "min_performance"), (
                f"min_performance '{minimum}' is not one of the performance ratings "
                f"({', '.join(ratings)}), so no candidate's reviews can be compared with it{hint}"))
