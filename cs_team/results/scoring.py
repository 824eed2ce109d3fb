"""Filled interview scorecards: validated, weighted, compared, and the interviewers calibrated.

A scorecard is one interviewer's ratings of one candidate for one role: a YAML mapping
(``kind: scorecard``, ``role``, ``candidate``, ``interviewer``, ``date``, ``ratings`` as a list of
``{competency, rating, evidence}``, ``recommendation``) or a CSV with one row per competency
(``role, candidate, interviewer, date, competency, rating, evidence, recommendation``; the
``competency_name``, ``weight`` and ``minimum`` columns of the blank form are ignored).

Scores: a competency's panel rating is the mean of its interviewers' ratings; its weighted
score is that mean times the role's weight / 100, so the total lies on the rating scale
(out of 5 on a five-point scale). A candidate whose panel rating on a competency is below the
role's minimum is flagged whatever the total.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cs_team.playbook import Playbook
from cs_team.results.records import (
    Problems,
    Record,
    display_name,
    files_in,
    read_csv,
    read_results_yaml,
    text,
    unknown_fields,
)

RECOMMENDATIONS = ("strong-no", "no", "yes", "strong-yes")
CSV_COLUMNS = {"role", "candidate", "interviewer", "date", "competency", "rating", "evidence",
               "recommendation", "competency_name", "weight", "minimum"}
YAML_FIELDS = {"kind", "role", "candidate", "interviewer", "date", "stage", "ratings", "recommendation"}
RATING_FIELDS = {"competency", "rating", "evidence"}
RATING = "{competency, rating, evidence}"
BLANK_FORM = " (make a blank one with `cs-team eval-sheet scorecard --role ROLE --format yaml`)"
DISAGREEMENT = 2
"""Two interviewers this many points apart on one competency of one candidate: talk it through."""


@dataclass(frozen=True)
class Rating:
    competency: str
    value: int
    evidence: str | None
    where: str


@dataclass
class Scorecard:
    where: str
    role: str
    candidate: str
    interviewer: str
    date: str | None
    ratings: dict[str, Rating]
    recommendation: str | None


# -- reading -----------------------------------------------------------------------------------

def read_scorecards(playbook: Playbook, paths: list[Path], cwd: Path) -> list[Scorecard]:
    """Every scorecard in ``paths`` (files, or folders of *.yaml / *.yml / *.csv), or
    ResultsError listing every problem of every file."""
    problems = Problems()
    cards: list[Scorecard] = []
    for path in files_in(paths):
        display = display_name(path, cwd)
        if path.suffix.lower() == ".csv":
            card = _from_csv(playbook, read_csv(path, display, problems), display, problems)
        else:
            card = _from_yaml(playbook, path, display, problems)
        if card is not None:
            cards.append(card)
    seen: dict[tuple[str, str, str], str] = {}
    for card in cards:
        key = (card.role, card.candidate, card.interviewer)
        if key in seen:
            problems.add(card.where, f"{card.interviewer} has already scored {card.candidate} for "
                                     f"'{card.role}' in {seen[key]}; keep one scorecard per interviewer")
        else:
            seen[key] = card.where
    if not cards and not problems.lines:
        given = ", ".join(display_name(p, cwd) for p in paths)
        problems.add(given, "no scorecards found (*.yaml, *.yml or *.csv)")
    problems.raise_any()
    return cards


def _from_yaml(playbook: Playbook, path: Path, display: str, problems: Problems) -> Scorecard | None:
    found = read_results_yaml(path, display, problems, "scorecard", "ratings", RATING, BLANK_FORM)
    if found is None:
        return None
    unknown_fields(found.head, YAML_FIELDS, problems)
    return _card(playbook, found.head, found.items, found.head.where, problems, RATING_FIELDS)


def _from_csv(playbook: Playbook, rows: list[Record], display: str, problems: Problems) -> Scorecard | None:
    if not rows:
        return None
    for row in rows:
        unknown_fields(row, CSV_COLUMNS, problems)
    head = rows[0]
    for name in ("role", "candidate", "interviewer", "date", "recommendation"):
        values = {row.get(name) for row in rows if row.get(name) is not None}
        if len(values) > 1:
            listed = ", ".join(sorted(map(str, values)))
            problems.add(display, f"the {name} column holds different values ({listed}); a scorecard is "
                                  "one interviewer's ratings of one candidate")
    for row in rows:  # the card-wide columns may be written once
        for name in ("role", "candidate", "interviewer", "date", "recommendation"):
            if head.get(name) is None and row.get(name) is not None:
                head.fields[name] = row.fields[name]
    return _card(playbook, head, rows, display, problems, None)


def _card(playbook: Playbook, head: Record, rows: list[Record], where: str, problems: Problems,
          allowed: set[str] | None) -> Scorecard | None:
    from cs_team.validation import suggest

    role_id = text(head, "role", problems)
    candidate = text(head, "candidate", problems)
    interviewer = text(head, "interviewer", problems)
    if role_id is None or candidate is None or interviewer is None:
        return None
    role = playbook.roles.get(role_id)
    if role is None:
        hint = suggest(role_id, playbook.roles) or f"; the roles are {', '.join(playbook.roles)}"
        problems.add(head.at("role"), f"no role '{role_id}'{hint}")
        return None
    criteria = {c.competency: c for c in role.hiring_criteria}
    ratings: dict[str, Rating] = {}
    for row in rows:
        if allowed is not None:
            unknown_fields(row, allowed, problems)
        competency = text(row, "competency", problems)
        if competency is None:
            continue
        if competency not in criteria:
            hint = suggest(competency, criteria) or f"; '{role_id}' is scored on {', '.join(criteria)}"
            problems.add(row.at("competency"), f"'{competency}' is not a competency of '{role_id}'{hint}")
            continue
        if competency in ratings:
            first = ratings[competency].where
            problems.add(row.at("competency"), f"'{competency}' is rated twice (first at {first})")
            continue
        points = [p.value for p in playbook.scale_points(playbook.competencies[competency])]
        value = row.get("rating")
        if value is None or value == "":
            problems.add(row.at("rating") if "rating" in row.fields else row.where,
                         f"no rating for '{competency}'; rate it {min(points)}-{max(points)}")
            continue
        rating = _whole(value)
        if rating is None or rating not in points:
            problems.add(row.at("rating"), f"rating {value!r} for '{competency}' is not on its scale "
                                           f"({', '.join(map(str, points))})")
            continue
        evidence = text(row, "evidence", problems, required=False)
        if rating in (min(points), max(points)) and not evidence:
            problems.add(row.at("rating"), f"a rating of {rating} for '{competency}' is at the end of the "
                                           "scale: write the evidence that justifies it")
            continue
        ratings[competency] = Rating(competency, rating, evidence, row.at("rating"))
    missing = [c for c in criteria if c not in ratings and not any(r.get("competency") == c for r in rows)]
    for competency in missing:
        problems.add(where, f"no rating for '{competency}' ({candidate}, by {interviewer})")
    recommendation = head.get("recommendation")
    if isinstance(recommendation, bool):  # YAML 1.1 reads a bare yes / no as a boolean
        recommendation = "yes" if recommendation else "no"
    if recommendation is not None:
        recommendation = str(recommendation).strip().replace("_", "-").lower() or None
    if recommendation is not None and recommendation not in RECOMMENDATIONS:
        problems.add(head.at("recommendation"), f"recommendation '{recommendation}': use one of "
                                                f"{', '.join(RECOMMENDATIONS)}")
        recommendation = None
    return Scorecard(where, role_id, candidate, interviewer, text(head, "date", problems, required=False),
                     ratings, recommendation)


def _whole(value: object) -> int | None:
    """A rating as a whole number (4, 4.0, "4"), or None for anything else (4.5, inf, "four")."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return int(number) if math.isfinite(number) and number == int(number) else None


# -- scoring -----------------------------------------------------------------------------------

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
    first: tuple[str, int]
    second: tuple[str, int]

    @property
    def gap(self) -> int:
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


def score(playbook: Playbook, cards: list[Scorecard]) -> list[RoleScores]:
    """Per role (in id order): candidates ranked by weighted total (then name), comparison marks,
    and the interviewers' calibration. Independent of the order the cards come in."""
    by_role: dict[str, list[Scorecard]] = {}
    for card in cards:
        by_role.setdefault(card.role, []).append(card)
    return [_role_scores(playbook, role_id, by_role[role_id]) for role_id in sorted(by_role)]


def _role_scores(playbook: Playbook, role_id: str, cards: list[Scorecard]) -> RoleScores:
    role = playbook.roles[role_id]
    criteria = role.hiring_criteria
    top = max((max(p.value for p in playbook.scale_points(playbook.competencies[c.competency]))
               for c in criteria), default=0)
    candidates: list[CandidateScore] = []
    by_candidate: dict[str, list[Scorecard]] = {}
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
                                        mean, mean * criterion.weight / 100, below))
        total = round(sum(r.weighted for r in rows), 9)  # 1.8, not 1.7999999999999998: ties stay ties
        votes = Counter(c.recommendation for c in panel if c.recommendation)
        candidates.append(CandidateScore(name, [c.interviewer for c in panel], rows, total, top, votes))
    for i in range(len(criteria)):
        means = [c.competencies[i].mean for c in candidates]
        if len(candidates) > 1 and max(means) > min(means):
            for c in candidates:
                c.competencies[i].strongest = c.competencies[i].mean == max(means)
                c.competencies[i].weakest = c.competencies[i].mean == min(means)
    ranked = sorted(candidates, key=lambda c: (-c.total, c.candidate))
    for rank, candidate in enumerate(ranked, 1):
        candidate.rank = rank
    return RoleScores(role_id, ranked, [c.competency for c in criteria], *_calibrate(cards, criteria))


def _calibrate(cards: list[Scorecard], criteria: list) -> tuple[list, dict, list]:
    # (candidate, competency) -> interviewer -> rating
    grid: dict[tuple[str, str], dict[str, int]] = {}
    for card in cards:
        for competency, rating in card.ratings.items():
            grid.setdefault((card.candidate, competency), {})[card.interviewer] = rating.value
    interviewers = sorted({card.interviewer for card in cards})
    calibration = []
    for interviewer in interviewers:
        gaps, count = [], 0
        for given in grid.values():
            if interviewer not in given:
                continue
            count += 1
            others = [v for k, v in given.items() if k != interviewer]
            if others:
                gaps.append(given[interviewer] - statistics.fmean(others))
        leniency = statistics.fmean(gaps) if gaps else None
        calibration.append(InterviewerCalibration(interviewer, count, leniency, len(gaps)))
    spread: dict[str, float | None] = {}
    for criterion in criteria:
        ranges = [max(g.values()) - min(g.values()) for (_, comp), g in grid.items()
                  if comp == criterion.competency and len(g) > 1]
        spread[criterion.competency] = statistics.fmean(ranges) if ranges else None
    disagreements = []
    order = {c.competency: i for i, c in enumerate(criteria)}
    for (candidate, competency), given in sorted(grid.items(), key=lambda kv: (kv[0][0], order[kv[0][1]])):
        for (a, ra), (b, rb) in itertools.combinations(sorted(given.items()), 2):
            if abs(ra - rb) >= DISAGREEMENT:
                disagreements.append(Disagreement(candidate, competency, (a, ra), (b, rb)))
    return calibration, spread, disagreements


def as_dict(results: list[RoleScores]) -> dict:
    """Every figure, for other tools (rounded to 4 places: byte-identical across runs)."""
    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 4)

    return {"roles": [{
        "role": rs.role,
        "candidates": [{
            "rank": c.rank, "candidate": c.candidate, "interviewers": c.interviewers,
            "total": r(c.total), "out_of": c.top, "percent": r(c.percent),
            "below_minimum": [f.competency for f in c.flags],
            "recommendations": {k: c.recommendations[k] for k in RECOMMENDATIONS if c.recommendations[k]},
            "competencies": [{"competency": s.competency, "weight": s.weight, "minimum": s.minimum,
                              "ratings": dict(sorted(s.ratings.items())), "mean": r(s.mean),
                              "weighted": r(s.weighted), "below_minimum": s.below_minimum,
                              "strongest": s.strongest, "weakest": s.weakest} for s in c.competencies],
        } for c in rs.candidates],
        "calibration": {
            "interviewers": [{"interviewer": i.interviewer, "ratings": i.ratings, "compared": i.compared,
                              "leniency": r(i.leniency)} for i in rs.interviewers],
            "spread": {k: r(v) for k, v in rs.spread.items()},
            "disagreements": [{"candidate": d.candidate, "competency": d.competency,
                               "ratings": {d.first[0]: d.first[1], d.second[0]: d.second[1]}}
                              for d in rs.disagreements],
        },
    } for rs in results]}
