"""CS260-CS261: a career ladder that reads the same to everyone.

Two tracks side by side (专员 I→II→III → 专家; 组长 → 主管 → 经理) share bands, so
专家 ranks with 主管 rather than below 初级主管. CS260 holds the ladder together: every
grade's track is declared, bands are all given or none, and on a track they rise in list
order. CS261 holds each progression rule (晋级条件) to a move one step up its own track.
"""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.model.framework import CareerFramework
from cs_team.playbook import Playbook
from cs_team.wording import did_you_mean, phrase


def check_ladder(playbook: Playbook) -> Iterator[Report]:
    for framework in playbook.frameworks:
        site = playbook.site(framework)
        tracks = [t.id for t in framework.tracks]
        banded = [g for g in framework.grades if g.band is not None]
        if banded and len(banded) < len(framework.grades):
            missing = next(i for i, g in enumerate(framework.grades) if g.band is None)
            yield Report(site.at("grades", missing), phrase(
                "ladder.band_missing", grade=framework.grades[missing].id, count=len(banded)))
        last: dict[str | None, tuple[str, int]] = {}
        for i, grade in enumerate(framework.grades):
            if grade.track is not None and grade.track not in tracks:
                hint = did_you_mean(grade.track, tracks) or phrase(
                    "ladder.declare_track", track=grade.track)
                yield Report(site.at("grades", i, "track"), phrase(
                    "ladder.unknown_track", track=grade.track, hint=hint))
            if grade.band is None:
                continue
            below = last.get(grade.track)
            if below is not None and grade.band <= below[1]:
                yield Report(site.at("grades", i, "band"), phrase(
                    "ladder.band_order", grade=grade.id, band=grade.band, below=below[0],
                    below_band=below[1]))
            last[grade.track] = (grade.id, grade.band)


def _rank(framework: CareerFramework, grade_id: str) -> int | None:
    grades = framework.grades
    if all(g.band is not None for g in grades):
        return next((g.band for g in grades if g.id == grade_id), None)
    return next((i for i, g in enumerate(grades) if g.id == grade_id), None)


def check_progression(playbook: Playbook) -> Iterator[Report]:
    for framework in playbook.frameworks:
        site = playbook.site(framework)
        by_id = {g.id: g for g in framework.grades}
        for i, grade in enumerate(framework.grades):
            rule = grade.progression
            if rule is None:
                continue
            where = site.at("grades", i, "progression", "from_grade")
            source = by_id.get(rule.from_grade)
            if source is None:
                hint = did_you_mean(rule.from_grade, list(by_id)) or ""
                yield Report(where, phrase("ladder.unknown_from", grade=rule.from_grade, hint=hint))
            elif source.track != grade.track:
                yield Report(where, phrase(
                    "ladder.other_track", grade=grade.id, source=source.id,
                    track=grade.track or "-", source_track=source.track or "-"))
            elif (_rank(framework, source.id) or 0) >= (_rank(framework, grade.id) or 0):
                yield Report(where, phrase("ladder.not_below", grade=grade.id, source=source.id))
            rules = playbook.evaluation[0].performance_ratings if playbook.evaluation else []
            if rule.min_performance is not None and rules and rule.min_performance not in rules:
                hint = did_you_mean(rule.min_performance, list(rules)) or ""
                yield Report(site.at("grades", i, "progression", "min_performance"), phrase(
                    "ladder.rating", rating=rule.min_performance, ratings=", ".join(rules), hint=hint))
