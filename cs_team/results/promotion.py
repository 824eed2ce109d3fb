"""The internal promotion competition: who is eligible, and the ranked final scores.

Records (``kind: promotion-records``, ``promotion: ID``, ``candidates:``; or a CSV with one row a
candidate) give each candidate's ``name``, ``grade``, ``tenure_months``, ``performance`` (recent
reviews, most recent first: a list in YAML, ``|``-separated in CSV),
``months_since_major_incident`` (empty when there has never been one),
``complaint_rate_percent``, ``special_track`` (the qualification that opens it, if any) and a
score out of 100 for each component of the final model, by the component's id.

Eligibility follows the competition's rules: grade at or above the minimum; tenure (the special
track's, for a qualified candidate); the last ``consecutive_reviews`` ratings at or above the
minimum; no major incident within the window; complaint rate within the limit. The final score
is the sum of component score x weight / 100; eligible candidates are ranked by it (then name),
and those at or above ``pass_score`` go forward.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cs_team.apportion import Share, largest_remainder
from cs_team.model.common import Text
from cs_team.model.evaluation import Promotion
from cs_team.playbook import Playbook
from cs_team.results.weighting import total, weighted


@dataclass
class Candidate:
    name: str
    grade: str
    tenure_months: float
    performance: list[str]
    months_since_major_incident: float | None
    complaint_rate_percent: float | None
    special_track: str | None
    scores: dict[str, float]
    where: str
    line: str | None = None
    """The service line (the line's id) of a competition whose places are split by line."""


@dataclass(frozen=True)
class Reason:
    """Why a candidate is not eligible: a key of ``ineligible`` in the message catalogue and the
    values it is worded with (names as playbook texts, so each document words them in its language)."""

    code: str
    values: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, **{k: v.best("en", "en") if isinstance(v, Text) else v
                                      for k, v in self.values.items()}}


@dataclass
class Standing:
    candidate: Candidate
    reasons: list[Reason] = field(default_factory=list)
    """Why the candidate is not eligible; empty when eligible."""
    components: list[tuple[str, float, float, float]] = field(default_factory=list)
    """(component id, score, weight, weighted)."""
    final: float | None = None
    rank: int | None = None
    passes: bool | None = None
    selected: bool | None = None
    """Whether a passing candidate wins one of their line's places (competitions split by line)."""

    @property
    def eligible(self) -> bool:
        return not self.reasons


@dataclass
class Ranking:
    promotion: Promotion
    ratings: list[str]
    standings: list[Standing]
    shares: list[Share] = field(default_factory=list)
    """The places each line gets, in proportion to its head-count (empty: not split by line)."""

    def line_name(self, line_id: str) -> Text:
        return next(line.name for line in self.promotion.lines if line.id == line_id)


def rank(playbook: Playbook, promotion: Promotion, ratings: list[str],
         candidates: list[Candidate]) -> Ranking:
    rules = promotion.eligibility
    floor = playbook.grade_rank(rules.min_grade)
    acceptable = playbook.acceptable_ratings(promotion)
    standings = []
    for candidate in sorted(candidates, key=lambda c: c.name):
        standing = Standing(candidate)
        grade_rank = playbook.grade_rank(candidate.grade)
        if floor is not None and (grade_rank is None or grade_rank < floor):
            standing.reasons.append(Reason("grade", {"grade": _grade_name(playbook, candidate.grade),
                                                     "minimum": _grade_name(playbook, rules.min_grade)}))
        tenure_needed = rules.min_tenure_months
        if candidate.special_track and promotion.special_track is not None:
            tenure_needed = promotion.special_track.min_tenure_months
        if candidate.tenure_months < tenure_needed:
            standing.reasons.append(Reason("tenure", {"months": f"{candidate.tenure_months:g}",
                                                      "needed": f"{tenure_needed:g}"}))
        recent = candidate.performance[: rules.consecutive_reviews]
        if len(recent) < rules.consecutive_reviews or any(r not in acceptable for r in recent):
            standing.reasons.append(Reason("performance" if recent else "no_reviews", {
                "reviews": rules.consecutive_reviews, "minimum": rules.min_performance,
                "ratings": Text((("zh", "、".join(recent)), ("en", ", ".join(recent))))}))
        if (rules.no_major_incident_months and candidate.months_since_major_incident is not None
                and candidate.months_since_major_incident < rules.no_major_incident_months):
            standing.reasons.append(Reason("incident", {
                "months": f"{candidate.months_since_major_incident:g}",
                "window": rules.no_major_incident_months}))
        if (rules.max_complaint_rate_percent is not None and candidate.complaint_rate_percent is not None
                and candidate.complaint_rate_percent > rules.max_complaint_rate_percent):
            standing.reasons.append(Reason("complaints", {
                "rate": f"{candidate.complaint_rate_percent:g}",
                "maximum": f"{rules.max_complaint_rate_percent:g}"}))
        if standing.eligible:
            missing = [c for c in promotion.final_model if c.id not in candidate.scores]
            if missing:
                standing.reasons.extend(Reason("no_score", {"component": c.title}) for c in missing)
            else:
                scores = candidate.scores
                standing.components = [(c.id, scores[c.id], c.weight, weighted(scores[c.id], c.weight))
                                       for c in promotion.final_model]
                standing.final = total(part[3] for part in standing.components)
                standing.passes = promotion.pass_score is None or standing.final >= promotion.pass_score
        standings.append(standing)
    ranked = sorted((s for s in standings if s.final is not None), key=lambda s: (-s.final, s.candidate.name))
    for n, standing in enumerate(ranked, 1):
        standing.rank = n
    others = [s for s in standings if s.final is None]
    shares = _split_by_line(promotion, ranked)
    return Ranking(promotion, ratings, ranked + others, shares)


def _split_by_line(promotion: Promotion, ranked: list[Standing]) -> list[Share]:
    """Each line's places (largest remainder over head-count) go to its best passing candidates."""
    if not promotion.lines or promotion.places is None:
        return []
    shares = largest_remainder(promotion.places, [(line.id, line.headcount) for line in promotion.lines])
    for share in shares:
        passing = [s for s in ranked if s.candidate.line == share.line and s.passes]
        for n, standing in enumerate(passing):  # ranked is best first already
            standing.selected = n < share.places
    return shares


def _grade_name(playbook: Playbook, grade: str) -> Text | str:
    """A grade by its name where the framework knows it (the id otherwise: it was mistyped)."""
    known = playbook.grades.get(grade)
    return known.name if known is not None else grade


def as_dict(ranking: Ranking) -> dict:
    split = bool(ranking.shares)  # the line, places and selection only where places are split by line
    data: dict[str, Any] = {"promotion": ranking.promotion.id, "pass_score": ranking.promotion.pass_score}
    if split:
        data["places"] = [{"line": share.line, "headcount": share.headcount, "quota": round(share.quota, 4),
                           "places": share.places} for share in ranking.shares]
    data["candidates"] = [{
        "rank": s.rank, "name": s.candidate.name, **({"line": s.candidate.line} if split else {}),
        "eligible": s.final is not None,
        "reasons": [reason.as_dict() for reason in s.reasons],
        "special_track": s.candidate.special_track,
        "components": [{"component": c, "score": score, "weight": weight, "weighted": round(weighted, 4)}
                       for c, score, weight, weighted in s.components],
        "final": None if s.final is None else round(s.final, 4), "passes": s.passes,
        **({"selected": s.selected} if split else {}),
    } for s in ranking.standings]
    return data
