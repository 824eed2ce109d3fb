"""The career page of the built site: tracks side by side, how to move up, who may grant what.

Laid out from the career framework only; the template words it. Grades on different tracks with
the same band sit on one row (专家 beside 主管), lowest band first.
"""

from __future__ import annotations

from dataclasses import dataclass

from cs_team.model.framework import CareerFramework, Grade, Progression, Remedy, Track
from cs_team.playbook import Playbook


@dataclass(frozen=True)
class Band:
    rank: int | None
    """The band (None: the framework gives no bands and each grade is its own row)."""
    cells: list[list[Grade]]
    """One cell per track (in the framework's order), then the grades on no track."""


@dataclass(frozen=True)
class Move:
    grade: Grade
    source: Grade | None
    rule: Progression


@dataclass(frozen=True)
class Limits:
    remedy: Remedy
    cells: list[float | None]
    """The most each grade column may grant (None: not on the list)."""


@dataclass(frozen=True)
class Career:
    framework: CareerFramework
    tracks: list[Track]
    off_track: bool
    """Whether some grades are on no track (they get a column of their own)."""
    bands: list[Band]
    moves: list[Move]
    authority_grades: list[Grade]
    authority: list[Limits]


def career(playbook: Playbook, framework: CareerFramework) -> Career:
    grades = list(framework.grades)
    tracks = list(framework.tracks)
    known = [t.id for t in tracks]
    off_track = any(g.track not in known for g in grades)
    columns: list[str | None] = [*known, *([None] if off_track else [])]
    banded = all(g.band is not None for g in grades)
    rows: dict[int, list[list[Grade]]] = {}
    for i, grade in enumerate(grades):
        key = grade.band if banded and grade.band is not None else i
        cells = rows.setdefault(key, [[] for _ in columns])
        cells[columns.index(grade.track if grade.track in known else None)].append(grade)
    bands = [Band(key if banded else None, rows[key]) for key in sorted(rows)]
    by_id = {g.id: g for g in grades}
    moves = [Move(g, by_id.get(g.progression.from_grade), g.progression) for g in grades if g.progression]
    named = {limit.grade for remedy in framework.authority for limit in remedy.limits}
    ranked = sorted((g for g in grades if g.id in named),
                    key=lambda g: (playbook.grade_rank(g.id) or 0, grades.index(g)))
    authority = [Limits(remedy, [next((limit.up_to for limit in remedy.limits if limit.grade == g.id), None)
                                 for g in ranked]) for remedy in framework.authority]
    return Career(framework, tracks, off_track, bands, moves, ranked, authority)
