"""CS285-CS286: a theory test's pass mark means what it says.

The house scores a theory test out of 100 with its items equally weighted (training results
record the score; the module score is the mean of its methods' scores, passing at the pass
mark). With n items the only scores are 0, 100/n, 200/n ... 100, so a pass really takes the
smallest of them at or above the pass mark: 3 items at 80 take all 3 (100).

CS285 (one finding per module, on its item bank or its pass mark):
- a bank of fewer than ``MIN_ITEMS`` items: one item moves the score by more than 10 points,
  the step pass marks are written in, so a slip or a lucky guess decides the result;
- a theory-only test whose pass mark, read as a number of items, rounds to fewer than a pass
  really takes (more than half an item's worth short of the real requirement): 12 items at 85
  look like 10 right and take 11.
A module with other methods as well passes on the mean, so only the bank's size is judged there.

CS286: a pass mark below 50, which reads as a fraction (0.8), a count of items (8 of 10) or a
mark out of 10, not a percent: as written it passes someone who got most of the test wrong.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from cs_team.lint.registry import Report
from cs_team.model.curriculum import Assessment
from cs_team.playbook import Playbook
from cs_team.wording import phrase

MIN_ITEMS = 10
"""At least 10 items, so no item is worth more than 10 of the 100 points."""
LOWEST_PERCENT = 50
"""A pass mark under this passes someone who got most of the test wrong: not meant as a percent."""


@dataclass(frozen=True)
class Requirement:
    """What a theory-only test of ``items`` equal items really takes at ``pass_mark``."""

    items: int
    pass_mark: float
    right: int
    """Items a pass takes: the fewest whose score reaches the pass mark."""

    @property
    def score(self) -> float:
        """The smallest score at or above the pass mark."""
        return 100 * self.right / self.items

    @property
    def step(self) -> float:
        """The points one item is worth."""
        return 100 / self.items

    @property
    def rounds_short(self) -> bool:
        """The pass mark, read as items, is nearer a count below what a pass takes."""
        return 2 * (100 * self.right - Fraction(repr(self.pass_mark)) * self.items) > 100  # exact at a half


def requirement(items: int, pass_mark: float) -> Requirement:
    # exact arithmetic: 85 x 20 / 100 is 17 items, never 17.000000000000004
    return Requirement(items, pass_mark, math.ceil(Fraction(repr(pass_mark)) * items / 100))


def check(playbook: Playbook) -> Iterator[Report]:
    for curriculum in playbook.curricula.values():
        site = playbook.site(curriculum)
        for m, module in enumerate(curriculum.modules):
            assessment = module.assessment
            if assessment is None or not assessment.items or "theory" not in assessment.methods:
                continue  # no bank to judge (CS264 reports a bank on a test without theory)
            if assessment.pass_mark < LOWEST_PERCENT:
                continue  # CS286 says what the pass mark was meant to be
            here = site.at("modules", m, "assessment")
            need = requirement(len(assessment.items), assessment.pass_mark)
            only_theory = assessment.methods == ["theory"]
            if need.items < MIN_ITEMS:
                if only_theory:
                    yield Report(here.at("items"), phrase(
                        "theory_tests.few_items", module=module.id, items=need.items,
                        pass_mark=assessment.pass_mark, really=_really(need), step=_points(need.step),
                        least=MIN_ITEMS, more=MIN_ITEMS - need.items), key=True)
                else:
                    yield Report(here.at("items"), phrase(
                        "theory_tests.few_items_mixed", module=module.id, items=need.items,
                        step=_points(need.step), least=MIN_ITEMS, more=MIN_ITEMS - need.items), key=True)
            elif only_theory and need.rounds_short:
                yield Report(here.at("pass_mark"), phrase(
                    "theory_tests.pass_mark_rounds", module=module.id, items=need.items,
                    pass_mark=assessment.pass_mark, about=need.right - 1, right=need.right,
                    score=_points(need.score), upper=_floor(need.score),
                    lower=_floor(100 * (need.right - 1) / need.items)))


def check_scale(playbook: Playbook) -> Iterator[Report]:
    for curriculum in playbook.curricula.values():
        site = playbook.site(curriculum)
        for m, module in enumerate(curriculum.modules):
            assessment = module.assessment
            if assessment is None or assessment.pass_mark >= LOWEST_PERCENT:
                continue
            yield Report(site.at("modules", m, "assessment", "pass_mark"),
                         _misread(module.id, assessment))


def _misread(module: str, assessment: Assessment) -> object:
    mark = assessment.pass_mark
    items = len(assessment.items) if "theory" in assessment.methods else 0
    if mark <= 1:
        return phrase("theory_tests.fraction", module=module, pass_mark=mark, percent=_points(100 * mark))
    if mark == int(mark) and items and items / 2 <= mark <= items:
        return phrase("theory_tests.count", module=module, pass_mark=mark, items=items,
                      percent=_floor(100 * mark / items))
    if mark <= 10:
        return phrase("theory_tests.out_of_ten", module=module, pass_mark=mark, percent=_points(10 * mark))
    return phrase("theory_tests.too_low", module=module, pass_mark=mark)


def _really(need: Requirement) -> object:
    if need.right == need.items:
        return phrase("theory_tests.all_right", items=need.items)
    return phrase("theory_tests.some_right", right=need.right, items=need.items, score=_points(need.score))


def _points(value: float) -> str:
    """A score as a trainer writes it: 100, 91.7, 33.3."""
    return f"{round(value, 1):g}"


def _floor(value: float) -> str:
    """A pass mark to one decimal that still takes the same items: 91.66 is 91.6, not 91.7 (which
    would take one more item)."""
    return f"{math.floor(round(value * 10, 6)) / 10:g}"
