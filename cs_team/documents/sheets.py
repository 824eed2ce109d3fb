"""The training assessment, probation review and promotion-competition sheets of a role."""

from __future__ import annotations

import math
from dataclasses import dataclass

from cs_team.apportion import Share, largest_remainder
from cs_team.errors import InputError
from cs_team.model.common import Text
from cs_team.model.curriculum import Module
from cs_team.model.evaluation import Decision, EvaluationRules, ProbationReview, Promotion
from cs_team.model.framework import Grade
from cs_team.model.kpi import KPI_FIELDS
from cs_team.model.role import Role
from cs_team.playbook import Playbook
from cs_team.wording import phrase


def _rules(playbook: Playbook) -> EvaluationRules:
    if not playbook.evaluation:
        raise InputError(phrase("document.no_rules"))
    return playbook.evaluation[0]


# -- training assessment --------------------------------------------------------------------
def training(playbook: Playbook, role: Role) -> list[Module]:
    """The modules of the role's curriculum, in order."""
    if not role.curriculum or role.curriculum not in playbook.curricula:
        raise InputError(phrase("document.no_curriculum", role=role.id))
    return playbook.curriculum_modules(role.curriculum)


# -- probation review -----------------------------------------------------------------------
@dataclass
class KpiLine:
    name: str
    unit: str
    higher_is_better: bool
    target: float
    expected: list[int]
    """What a new hire should reach by each review month."""


@dataclass
class ProbationSheet:
    level: str | None
    months: int
    contract_months: int | str | None
    """The labour contract's term in months, "open-ended", or None when the rules do not say."""
    cap: int | None
    """The longest probation art. 19 allows for that term (0: none), None without a term."""
    reviews: list[ProbationReview]
    kpis: list[KpiLine]
    decisions: list[Decision]


def expected(target: float, percent: float, higher_is_better: bool) -> float:
    """The figure that is ``percent`` of the way to ``target``: for handle time, more time allowed."""
    return target * percent / 100 if higher_is_better else target * 100 / percent


def whole(value: float) -> int:
    """Rounded half up to a whole number: a sheet asks for 86 %, not 85.5 % or 85.499 %."""
    return math.floor(value + 0.5 + 1e-9)


def probation(playbook: Playbook, role: Role) -> ProbationSheet:
    rules = _rules(playbook)
    level = playbook.level_of(role)
    targets = playbook.probation_targets(role)
    if not targets:
        raise InputError(phrase("document.no_kpi_targets", role=role.id, level=level))
    lines = []
    for name in KPI_FIELDS:
        if name in targets:
            unit, higher = KPI_FIELDS[name]
            lines.append(KpiLine(name, unit, higher, targets[name], [
                whole(expected(targets[name], review.percent_for(name), higher))
                for review in rules.probation.reviews]))
    from cs_team.lint.rules.probation import legal_cap  # the law's one statement of the cap

    term = rules.probation.contract_months
    return ProbationSheet(level, rules.probation.months, term, None if term is None else legal_cap(term),
                          list(rules.probation.reviews), lines, list(rules.probation.decisions))


# -- promotion competition ------------------------------------------------------------------
@dataclass
class PromotionSheet:
    promotion: Promotion
    min_grade: Grade | None
    ratings: list[str]
    """Performance ratings, best first."""
    acceptable: list[str]
    """The ratings at or above the minimum."""
    shares: list[Share]
    """The places each service line gets (empty when the places are not split by line)."""

    def line_name(self, line_id: str) -> Text:
        return next(line.name for line in self.promotion.lines if line.id == line_id)


def promotions(playbook: Playbook, role: Role) -> list[PromotionSheet]:
    """The competitions leading to ``role``."""
    rules = _rules(playbook)
    sheets = []
    for promotion in rules.promotions:
        if role.id not in promotion.target_roles:
            continue
        lines = [(line.id, line.headcount) for line in promotion.lines]
        shares = largest_remainder(promotion.places, lines) if lines and promotion.places is not None else []
        sheets.append(PromotionSheet(promotion, playbook.grades.get(promotion.eligibility.min_grade),
                                     list(rules.performance_ratings), playbook.acceptable_ratings(promotion),
                                     shares))
    if not sheets:
        leading = sorted({r for p in rules.promotions for r in p.target_roles})
        raise InputError(phrase("document.no_promotion", role=role.id, leading=phrase(
            "document.promotions_lead", roles=", ".join(leading)) if leading else ""))
    return sheets
