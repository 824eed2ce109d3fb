"""CS205: rating scales are complete, ordered and anchored; minimum ratings lie on them."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.model.scale import ScalePoint
from cs_team.playbook import Playbook, Site
from cs_team.wording import phrase


def _points(site: Site, points: list[ScalePoint], need_anchor: bool) -> Iterator[Report]:
    values = [p.value for p in points]
    expected = list(range(values[0], values[0] + len(values))) if values else []
    if values != expected:
        yield Report(site, phrase("rules.scale_points", expected=str(expected), values=str(values)),
                     key=True)
    for i, point in enumerate(points):
        if need_anchor and point.anchor is None:
            yield Report(site.at(i), phrase("rules.point_no_anchor", point=point.value))
        elif point.anchor is None and point.label is None:
            yield Report(site.at(i), phrase("rules.point_no_label", point=point.value))


def check(playbook: Playbook) -> Iterator[Report]:
    for scale in playbook.scales.values():
        yield from _points(playbook.site(scale).at("points"), scale.points, need_anchor=False)
    for competency in playbook.competencies.values():
        site = playbook.site(competency)
        if isinstance(competency.scale, list):
            yield from _points(site.at("scale"), competency.scale, need_anchor=True)
            if competency.anchors:
                yield Report(site.at("anchors"), phrase("rules.anchors_with_inline_scale"), key=True)
            continue
        shared = playbook.scales.get(competency.scale)
        if shared is None:
            continue  # an unresolved reference: CS202 says so
        values = [p.value for p in shared.points]
        anchors = competency.anchors or {}
        missing = [v for v in values if v not in anchors]
        if missing:
            where = site.at("anchors") if competency.anchors else site.at("scale")
            yield Report(where, phrase("rules.anchors_missing", scale=shared.id, values=str(values),
                                       missing=str(missing)), key=True)
        for value in anchors:
            if value not in values:
                yield Report(site.at("anchors", value), phrase(
                    "rules.anchor_off_scale", value=value, scale=shared.id, low=values[0], high=values[-1]),
                    key=True)
    for role in playbook.roles.values():
        for i, criterion in enumerate(role.hiring_criteria):
            competency = playbook.competencies.get(criterion.competency)
            if criterion.minimum is None or competency is None:
                continue
            values = [p.value for p in playbook.scale_points(competency)]
            if values and criterion.minimum not in values:
                yield Report(playbook.site(role).at("hiring_criteria", i, "minimum"), phrase(
                    "rules.minimum_off_scale", minimum=criterion.minimum, competency=competency.id,
                    low=values[0], high=values[-1]))
