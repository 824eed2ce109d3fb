"""Filled interview scorecards, read and checked: every problem of every file is reported.

A scorecard is one interviewer's ratings of one candidate for one role: a YAML mapping
(``kind: scorecard``, ``role``, ``candidate``, ``interviewer``, ``date``, ``ratings`` as a list of
``{competency, rating, evidence}``, ``knock_outs`` as a list of ``{question, result, evidence}``,
``recommendation``) or a CSV with one row per competency
(``role, candidate, interviewer, date, competency, rating, evidence, recommendation``) and one per
knock-out (``knock_out`` and ``result`` instead of ``competency`` and ``rating``); the
``competency_name``, ``weight``, ``minimum`` and ``passes`` columns of the blank form are ignored.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cs_team.inputs import labels
from cs_team.inputs.problems import language_of
from cs_team.model.results import (
    KnockOutEntry,
    KnockOutRow,
    RatingEntry,
    ScorecardHead,
    ScorecardRow,
    as_text,
)
from cs_team.playbook import Playbook
from cs_team.repo import display_path
from cs_team.results import knock_outs
from cs_team.results.knock_outs import KnockOutResult
from cs_team.results.records import (
    Problems,
    Record,
    files_in,
    is_table,
    read_results_table,
    read_results_yaml,
    validated,
)
from cs_team.wording import Phrase, did_you_mean, enumerated, phrase, quoted

RECOMMENDATIONS = ("strong-no", "no", "yes", "strong-yes")
CARD_WIDE = ("role", "candidate", "interviewer", "date", "recommendation")
"""The columns of a CSV scorecard that are the same on every row."""
RATING = Phrase("listed.rating")
BLANK_FORM = Phrase("listed.blank_scorecard")


@dataclass(frozen=True)
class Rating:
    competency: str
    value: int
    evidence: str | None
    where: str


@dataclass
class FilledScorecard:
    where: str
    role: str
    candidate: str
    interviewer: str
    date: str | None
    ratings: dict[str, Rating]
    recommendation: str | None
    knock_outs: dict[str, KnockOutResult] = field(default_factory=dict)
    """Question id -> passed or failed, for the knock-outs this interviewer recorded."""


# -- reading -----------------------------------------------------------------------------------

def read_scorecards(playbook: Playbook, paths: list[Path], cwd: Path,
                    lang: str | None = None, notes: list[str] | None = None) -> list[FilledScorecard]:
    """Every scorecard in ``paths`` (files, or folders of *.yaml / *.yml / *.csv), or
    ResultsError listing every problem of every file."""
    problems = Problems(language_of(lang, playbook.default_language), notes=[] if notes is None else notes)
    cards: list[FilledScorecard] = []
    for path in files_in(paths):
        display = display_path(path, cwd)
        if is_table(path):
            rows = read_results_table(path, display, problems, "scorecard")
            card = _from_csv(playbook, rows, display, problems)
        else:
            card = _from_yaml(playbook, path, display, problems)
        if card is not None:
            cards.append(card)
    seen: dict[tuple[str, str, str], str] = {}
    for card in cards:
        key = (card.role, card.candidate, card.interviewer)
        if key in seen:
            problems.add(card.where, phrase("results.scored_twice", interviewer=card.interviewer,
                                            candidate=card.candidate, role=card.role, first=seen[key]))
        else:
            seen[key] = card.where
    if not cards and not problems.lines:
        given = ", ".join(display_path(p, cwd) for p in paths)
        problems.add(given, phrase("results.no_scorecards"))
    problems.raise_any()
    return cards


def _from_yaml(playbook: Playbook, path: Path, display: str, problems: Problems) -> FilledScorecard | None:
    found = read_results_yaml(path, display, problems, "scorecard", "ratings", RATING, BLANK_FORM)
    if found is None:
        return None
    head = validated(found.head, ScorecardHead, problems)
    entries = [(item, entry) for item in found.items
               if (entry := validated(item, RatingEntry, problems)) is not None]
    checks = [knock_outs.Check(record, entry.question, entry.result, entry.evidence, "question")
              for record in knock_outs.from_yaml(found, problems)
              if (entry := validated(record, KnockOutEntry, problems)) is not None]
    return None if head is None else _card(playbook, head, found.head, entries, checks, found.head.where,
                                           problems)


def _from_csv(playbook: Playbook, rows: list[Record], display: str,
              problems: Problems) -> FilledScorecard | None:
    if not rows:
        return None
    entries, checks = [], []
    for row in rows:
        if knock_outs.is_knock_out(row):
            if (knock := validated(row, KnockOutRow, problems)) is not None:
                checks.append(knock_outs.Check(row, knock.knock_out, knock.result, knock.evidence,
                                               "knock_out"))
        elif (entry := validated(row, ScorecardRow, problems)) is not None:
            entries.append((row, entry))
    head = Record(rows[0].where)
    for name in CARD_WIDE:
        values = {row.get(name) for row in rows if row.get(name) is not None}
        if len(values) > 1:
            listed = ", ".join(sorted(map(str, values)))
            problems.add(display, phrase("results.column_differs", name=name, listed=listed))
        # the card-wide columns may be written once, on any row
        given = next((row.fields[name] for row in rows if row.get(name) is not None), None)
        if given is not None:
            head.fields[name] = given
    card = validated(head, ScorecardHead, problems)
    return None if card is None else _card(playbook, card, head, entries, checks, display, problems)


def _card(playbook: Playbook, card: ScorecardHead, head: Record, entries: list[tuple[Record, Any]],
          checks: list[knock_outs.Check], where: str, problems: Problems) -> FilledScorecard | None:
    role_id, candidate, interviewer = card.role, card.candidate, card.interviewer
    role = playbook.roles.get(role_id)
    if role is None:
        hint = (did_you_mean(role_id, playbook.roles)
                or phrase("document.roles_are", roles=enumerated(playbook.roles)))
        problems.add(head.at("role"), phrase("results.no_role", role=role_id, hint=hint))
        return None
    criteria = {c.competency: c for c in role.hiring_criteria}
    ratings: dict[str, Rating] = {}
    for row, entry in entries:
        competency = entry.competency
        if competency not in criteria:
            hint = did_you_mean(competency, criteria) or phrase("results.scored_on", role=role_id,
                                                                 criteria=", ".join(criteria))
            problems.add(row.at("competency"), phrase("results.not_a_criterion", competency=competency,
                                                      role=role_id, hint=hint))
            continue
        if competency in ratings:
            first = ratings[competency].where
            problems.add(row.at("competency"), phrase("results.rated_twice", competency=competency,
                                                      first=first))
            continue
        if competency not in playbook.competencies:  # its playbook file failed to load
            problems.say(row.at("competency"), (
                f"岗位“{role_id}”的能力项“{competency}”无法使用：其剧本文件有错误"
                "（`cs-team lint` 会指出），请先修正"), (
                f"competency '{competency}' of '{role_id}' is not usable: its playbook file has errors "
                "(`cs-team lint` names them); fix them first"))
            continue
        points = [p.value for p in playbook.scale_points(playbook.competencies[competency])]
        value = entry.rating
        if value is None or value == "":
            problems.add(row.at("rating") if "rating" in row.fields else row.where,
                         phrase("results.no_rating_scale", competency=competency, low=min(points),
                                high=max(points)))
            continue
        rating = _whole(value)
        if rating is None or rating not in points:
            problems.add(row.at("rating"), phrase("results.off_scale", value=quoted(value),
                                                  competency=competency, points=", ".join(map(str, points))))
            continue
        if rating in (min(points), max(points)) and not entry.evidence:
            problems.add(row.at("rating"), phrase("results.end_needs_evidence", rating=rating,
                                                  competency=competency))
            continue
        ratings[competency] = Rating(competency, rating, entry.evidence, row.at("rating"))
    missing = [c for c in criteria if c not in ratings and not any(e.competency == c for _, e in entries)]
    for competency in missing:
        problems.add(where, phrase("results.no_rating", competency=competency, candidate=candidate,
                                   interviewer=interviewer))
    given = card.recommendation
    # the id, a printed label in either language (录用, Strong yes), or YAML 1.1's yes / no boolean
    recommendation = None if given is None else labels.recommendation(given)
    if given is not None and recommendation is None:
        shown = str(given).strip().replace("_", "-").lower()
        problems.add(head.at("recommendation"), phrase("results.recommendation", value=shown,
                                                        choices=", ".join(RECOMMENDATIONS)))
    day = labels.date(card.date)  # 2026/9/28 and a date cell read as 2026-09-28
    date = day.isoformat() if day is not None else as_text(card.date)
    results = knock_outs.read(playbook, role, checks, problems)
    return FilledScorecard(where, role_id, candidate, interviewer, date, ratings, recommendation, results)


def _whole(value: object) -> int | None:
    """A rating as a whole number (4, 4.0, "4"), or None for anything else (4.5, inf, "four")."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return int(number) if math.isfinite(number) and number == int(number) else None
