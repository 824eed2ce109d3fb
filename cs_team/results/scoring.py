"""Scorecards weighted, candidates compared, and the interviewers calibrated.

A competency's panel rating is the mean of its interviewers' ratings; its weighted score is
that mean times the role's weight / 100, so the total lies on the rating scale (out of 5 on a
five-point scale). A candidate whose panel rating on a competency is below the role's minimum
is flagged whatever the total. A knock-out any interviewer recorded as failed makes the candidate
not eligible, whatever the total: the eligible are ranked first.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cs_team.playbook import Playbook
from cs_team.results import knock_outs, weighting
from cs_team.results.scorecards import FilledScorecard

DISAGREEMENT = 2
"""Two interviewers this many points apart on one competency of one candidate: talk it through."""


@dataclass
class CompetencyScore:
    competency: str
    weight: float
    minimum: int | None
    ratings: dict[str, int]
    """Interviewer -> rating."""
    mean: float
    weighted: float
    below_minimum: bool
    strongest: bool = False
    weakest: bool = False
    """Across the role's candidates: the best / worst panel rating on this competency."""


@dataclass
class CandidateScore:
    candidate: str
    interviewers: list[str]
    competencies: list[CompetencyScore]
    total: float
    top: int
    recommendations: Counter
    rank: int = 0
    knock_outs: dict[str, dict[str, bool]] = field(default_factory=dict)
    """Knock-out question id -> interviewer -> passed, as the panel recorded them."""

    @property
    def failed(self) -> list[tuple[str, list[str]]]:
        """(knock-out, the interviewers who recorded it failed), in the kit's order."""
        return [(q, [who for who, ok in by.items() if not ok]) for q, by in self.knock_outs.items()
                if not all(by.values())]

    @property
    def eligible(self) -> bool:
        """A failed knock-out rules the candidate out, whatever the weighted score."""
        return not self.failed

    @property
    def percent(self) -> float:
        return 100 * self.total / self.top if self.top else 0.0

    @property
    def flags(self) -> list[CompetencyScore]:
        return [c for c in self.competencies if c.below_minimum]


@dataclass
class Disagreement:
    candidate: str
    competency: str
    first: tuple[str, float]
    second: tuple[str, float]

    @property
    def gap(self) -> float:
        return abs(self.first[1] - self.second[1])


@dataclass
class InterviewerCalibration:
    interviewer: str
    ratings: int
    leniency: float | None
    """Mean of (their rating - the mean of the other interviewers' ratings) where others rated too:
    above 0 lenient, below 0 harsh. None when they never shared a candidate."""
    compared: int


@dataclass
class RoleScores:
    role: str
    candidates: list[CandidateScore]
    competencies: list[str]
    interviewers: list[InterviewerCalibration]
    spread: dict[str, float | None]
    """Competency -> mean (max - min) of the ratings a candidate got from several interviewers."""
    disagreements: list[Disagreement] = field(default_factory=list)


def score(playbook: Playbook, cards: list[FilledScorecard]) -> list[RoleScores]:
    """Per role (in id order): candidates ranked by weighted total (then name), comparison marks,
    and the interviewers' calibration. Independent of the order the cards come in."""
    by_role: dict[str, list[FilledScorecard]] = {}
    for card in cards:
        by_role.setdefault(card.role, []).append(card)
    return [_role_scores(playbook, role_id, by_role[role_id]) for role_id in sorted(by_role)]


def _role_scores(playbook: Playbook, role_id: str, cards: list[FilledScorecard]) -> RoleScores:
    role = playbook.roles[role_id]
    criteria = role.hiring_criteria
    top = max((max(p.value for p in playbook.scale_points(playbook.competencies[c.competency]))
               for c in criteria), default=0)
    candidates: list[CandidateScore] = []
    by_candidate: dict[str, list[FilledScorecard]] = {}
    for card in cards:
        by_candidate.setdefault(card.candidate, []).append(card)
    for name in sorted(by_candidate):
        panel = sorted(by_candidate[name], key=lambda c: c.interviewer)
        rows = []
        for criterion in criteria:
            given = {c.interviewer: c.ratings[criterion.competency].value
                     for c in panel if criterion.competency in c.ratings}
            mean = statistics.fmean(given.values()) if given else 0.0
            below = criterion.minimum is not None and mean < criterion.minimum
            rows.append(CompetencyScore(criterion.competency, criterion.weight, criterion.minimum, given,
                                        mean, weighting.weighted(mean, criterion.weight), below))
        total = weighting.total(r.weighted for r in rows)
        votes = Counter(c.recommendation for c in panel if c.recommendation)
        checks: dict[str, dict[str, bool]] = {}
        for question in knock_outs.asked(playbook, role):
            recorded = {c.interviewer: c.knock_outs[question].passed
                        for c in panel if question in c.knock_outs}
            if recorded:
                checks[question] = recorded
        candidates.append(CandidateScore(name, [c.interviewer for c in panel], rows, total, top, votes,
                                         knock_outs=checks))
    for i in range(len(criteria)):
        means = [c.competencies[i].mean for c in candidates]
        if len(candidates) > 1 and max(means) > min(means):
            for c in candidates:
                c.competencies[i].strongest = c.competencies[i].mean == max(means)
                c.competencies[i].weakest = c.competencies[i].mean == min(means)
    ranked = sorted(candidates, key=lambda c: (not c.eligible, -c.total, c.candidate))
    for rank, candidate in enumerate(ranked, 1):
        candidate.rank = rank
    return RoleScores(role_id, ranked, [c.competency for c in criteria], *_calibrate(cards, criteria))


def _calibrate(cards: list[FilledScorecard], criteria: list) -> tuple[list, dict, list]:
    # (candidate, competency) -> interviewer -> rating
    grid: dict[tuple[str, str], dict[str, float]] = {}
    for card in cards:
        for competency, rating in card.ratings.items():
            grid.setdefault((card.candidate, competency), {})[card.interviewer] = rating.value
    spread: dict[str, float | None] = {}
    for criterion in criteria:
        ranges = [max(g.values()) - min(g.values()) for (_, comp), g in grid.items()
                  if comp == criterion.competency and len(g) > 1]
        spread[criterion.competency] = statistics.fmean(ranges) if ranges else None
    order = {c.competency: i for i, c in enumerate(criteria)}
    return leniency(grid), spread, disagreements(grid, DISAGREEMENT, lambda key: (key[0], order[key[1]]))


def leniency(grid: dict[tuple[str, str], dict[str, float]]) -> list[InterviewerCalibration]:
    """Per rater (sorted), from ``(subject, aspect) -> rater -> value``: how many values they gave,
    and their mean distance from the others' mean where others rated the same subject and aspect.
    Interview scoring and QA calibration (``results.qa_results``) both measure raters with it."""
    calibration = []
    for rater in sorted({r for given in grid.values() for r in given}):
        gaps, count = [], 0
        for given in grid.values():
            if rater not in given:
                continue
            count += 1
            others = [v for k, v in given.items() if k != rater]
            if others:
                gaps.append(given[rater] - statistics.fmean(others))
        calibration.append(InterviewerCalibration(rater, count, statistics.fmean(gaps) if gaps else None,
                                                  len(gaps)))
    return calibration


def disagreements(grid: dict[tuple[str, str], dict[str, float]], threshold: float,
                  order: Callable[[tuple[str, str]], Any] = lambda key: key) -> list[Disagreement]:
    """Every pair of raters at least ``threshold`` apart on one subject and aspect, in ``order``."""
    found = []
    for (subject, aspect), given in sorted(grid.items(), key=lambda kv: order(kv[0])):
        for (a, ra), (b, rb) in itertools.combinations(sorted(given.items()), 2):
            if abs(ra - rb) >= threshold:
                found.append(Disagreement(subject, aspect, (a, ra), (b, rb)))
    return found
