"""CS263-CS264: the materials the content refers to hold together.

CS263: the approval-authority list (授权表) names known grades, each once per remedy, and a
higher grade never may grant less than a lower one (a supervisor capped below an agent sends
every case the wrong way up). CS264: a theory test's item bank can be marked: every answer is
one of its options, item ids are unique in the module, and items sit on a theory test.
"""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import did_you_mean, phrase


def check_authority(playbook: Playbook) -> Iterator[Report]:
    for framework in playbook.frameworks:
        site = playbook.site(framework)
        for r, remedy in enumerate(framework.authority):
            seen: dict[str, int] = {}
            ranked: list[tuple[int, float, str]] = []
            for i, limit in enumerate(remedy.limits):
                where = site.at("authority", r, "limits", i, "grade")
                if limit.grade not in playbook.grades:
                    hint = did_you_mean(limit.grade, playbook.grades)
                    yield Report(where, phrase("materials.unknown_grade", grade=limit.grade, hint=hint))
                    continue
                if limit.grade in seen:
                    yield Report(where, phrase("materials.grade_twice", grade=limit.grade,
                                               remedy=remedy.id, first=seen[limit.grade] + 1))
                    continue
                seen[limit.grade] = i
                rank = playbook.grade_rank(limit.grade)
                for other_rank, other_limit, other in ranked:
                    # whichever of the two ranks higher must not grant less; said at the later entry
                    pair = ((limit.grade, limit.up_to, other, other_limit) if other_rank < rank else
                            (other, other_limit, limit.grade, limit.up_to) if other_rank > rank else None)
                    if pair is not None and pair[1] < pair[3]:
                        yield Report(site.at("authority", r, "limits", i, "up_to"), phrase(
                            "materials.limit_order", grade=pair[0], up_to=f"{pair[1]:g}",
                            other=pair[2], other_up_to=f"{pair[3]:g}", remedy=remedy.id))
                        break
                ranked.append((rank, limit.up_to, limit.grade))  # type: ignore[arg-type]


def check_items(playbook: Playbook) -> Iterator[Report]:
    for curriculum in playbook.curricula.values():
        site = playbook.site(curriculum)
        for m, module in enumerate(curriculum.modules):
            assessment = module.assessment
            if assessment is None or not assessment.items:
                continue
            here = site.at("modules", m, "assessment", "items")
            if "theory" not in assessment.methods:
                yield Report(here, phrase("materials.items_not_theory", module=module.id), key=True)
            seen: dict[str, int] = {}
            for i, item in enumerate(assessment.items):
                if item.id in seen:
                    yield Report(here.at(i, "id"), phrase("materials.item_twice", item=item.id,
                                                          module=module.id, first=seen[item.id] + 1))
                seen.setdefault(item.id, i)
                if item.answer > len(item.options):
                    yield Report(here.at(i, "answer"), phrase(
                        "materials.answer_off", item=item.id, answer=item.answer, options=len(item.options)))
