"""CS227-CS229: an onboarding template's rooms can hold its classes.

A trainer's session is held where ``schedule.resources.room_of`` puts it (the module's room, else
the first of the template's rooms that holds its format), so lint and the cohort planner agree.
A class is as large as the hiring plan's largest (``class_size.max``).
"""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Check, Report
from cs_team.model.onboarding import OnboardingTemplate
from cs_team.playbook import Playbook
from cs_team.schedule.resources import name_of, names_of, room_of, seats_of
from cs_team.schedule.sessions import leader
from cs_team.wording import phrase


def _classes(playbook: Playbook, template: OnboardingTemplate) -> Iterator[tuple[int, int, object]]:
    """Each trainer-led module the template's stages place: stage index, place in it, module."""
    modules = {m.id: m for m in playbook.curriculum_modules(template.curriculum)}
    for s, stage in enumerate(template.stages):
        for n, key in enumerate(stage.modules):
            module = modules.get(key)
            if module is not None and (leader("module", module) == "trainer" or module.assessment):
                yield s, n, module


def check_seats(playbook: Playbook) -> Iterator[Report]:
    """CS227: the room of a class seats the largest class the hiring plan opens."""
    sizes = [(inputs.class_size.max, inputs.id) for inputs in playbook.hiring.values()]
    if not sizes:
        return
    size, plan = max(sizes, key=lambda pair: pair[0])
    for template in playbook.onboarding.values():
        if not template.rooms:
            continue
        for s, n, module in _classes(playbook, template):
            room = room_of(template, module)
            seats = seats_of(template, room, {}) if room is not None else None
            if seats is not None and seats < size:
                yield Report(playbook.site(template).at("stages", s, "modules", n), phrase(
                    "rules.room_seats", module=module.id, room=name_of(room), seats=seats, size=size,
                    plan=plan))


def check_listed(playbook: Playbook) -> Iterator[Report]:
    """CS228: when a template lists its rooms, every class is held in one of them."""
    for template in playbook.onboarding.values():
        if not template.rooms:
            continue
        for s, n, module in _classes(playbook, template):
            room = room_of(template, module)
            site = playbook.site(template).at("stages", s, "modules", n)
            if room is None:
                yield Report(site, phrase("rules.room_none", module=module.id, format=module.format))
            elif "://" not in name_of(room) and seats_of(template, room, {}) is None:
                yield Report(site, phrase("rules.room_unlisted", module=module.id, room=name_of(room)))


def check_names(playbook: Playbook) -> Iterator[Report]:
    """CS229: no two rooms of a template share a name, in any language."""
    for template in playbook.onboarding.values():
        seen: dict[str, int] = {}
        site = playbook.site(template)
        for r, room in enumerate(template.rooms):
            clash = next((seen[name] for name in sorted(names_of(room.name)) if name in seen), None)
            if clash is not None:
                first = site.at("rooms", clash, "name").where()
                yield Report(site.at("rooms", r, "name"),
                             phrase("rules.room_twice", room=name_of(room.name), where=first))
            for name in names_of(room.name):
                seen.setdefault(name, r)


def checks() -> dict[str, Check]:
    return {"CS227": check_seats, "CS228": check_listed, "CS229": check_names}
