"""CS203: weights that split one total (hiring criteria, promotion model, sourcing mix) sum to 100."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook, Site
from cs_team.wording import phrase

TOLERANCE = 1e-6


def _figure(value: float) -> str:
    return f"{value:g}"


def _sum_check(site: Site, what: str, parts: list[tuple[str, float]]) -> Iterator[Report]:
    total = sum(weight for _, weight in parts)
    if parts and abs(total - 100) > TOLERANCE:
        listed = ", ".join(f"{name} {_figure(weight)}" for name, weight in parts)
        change = phrase("rules.lower" if total > 100 else "rules.raise")
        yield Report(site, phrase("rules.weights_sum", what=phrase(f"rules.weights_{what}"),
                                  total=_figure(total), listed=listed, change=change,
                                  difference=_figure(abs(total - 100))), key=True)


def check(playbook: Playbook) -> Iterator[Report]:
    for role in playbook.roles.values():
        parts = [(c.competency, c.weight) for c in role.hiring_criteria]
        yield from _sum_check(playbook.site(role).at("hiring_criteria"), "hiring",
                              parts)
    for rules in playbook.evaluation:
        for p, promotion in enumerate(rules.promotions):
            parts = [(c.id, c.weight) for c in promotion.final_model]
            yield from _sum_check(playbook.site(rules).at("promotions", p, "final_model"),
                                  "final_model", parts)
    for inputs in playbook.hiring.values():
        parts = [(s.id, s.share_percent) for s in inputs.sourcing]
        yield from _sum_check(playbook.site(inputs).at("sourcing"), "sourcing", parts)
