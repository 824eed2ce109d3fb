"""CS218: a promotion's ``min_performance`` is one of the listed performance ratings."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import did_you_mean, phrase


def check(playbook: Playbook) -> Iterator[Report]:
    for rules in playbook.evaluation:
        ratings = list(rules.performance_ratings)
        for p, promotion in enumerate(rules.promotions):
            minimum = promotion.eligibility.min_performance
            if minimum in ratings:
                continue
            hint = did_you_mean(minimum, ratings) or phrase("hint.use_one_of", choices=", ".join(ratings))
            yield Report(playbook.site(rules).at("promotions", p, "eligibility", "min_performance"), phrase(
                "law.min_performance", minimum=minimum, ratings=", ".join(ratings), hint=hint))
