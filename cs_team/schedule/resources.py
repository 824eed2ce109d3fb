"""Who and what a cohort's sessions take: the trainer, a room, the mentors; and when each is
already taken by another group."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from cs_team.model.common import Text
from cs_team.model.curriculum import Module
from cs_team.model.onboarding import OnboardingTemplate
from cs_team.schedule.sessions import Session, leader


def needs(template: OnboardingTemplate, mentors: frozenset[str], kind: str,
          module: Module | None) -> frozenset[str]:
    """The resources a session takes: a trainer-led one its trainer (named, else one per
    template) and its room; a one-to-one or a review the group's mentors, alone; shadowing a
    mentor their desk (hires of several groups may listen in at one desk together, but not while
    the mentor is away in a meeting); self-study and the go-live nothing that others share."""
    who = leader(kind, module)
    if who == "trainer":
        room = room_of(template, module)
        trainer = name_of(template.trainer) or template.id
        return frozenset({f"trainer:{trainer}", *([f"room:{name_of(room)}"] if room else [])})
    if who == "mentor" and kind == "module":
        return frozenset(f"desk:{m}" for m in mentors)
    if who in ("mentor", "panel"):
        return frozenset(f"mentor:{m}" for m in mentors)
    return frozenset()


def room_of(template: OnboardingTemplate, module: Module | None) -> Text | None:
    """Where a trainer's session is held: the module's own room, else the first of the template's
    rooms that holds the module's format, else the template's location."""
    if module is not None and module.location:
        return module.location
    if module is None:
        return template.location
    fits = (r.name for r in template.rooms if not r.formats or module.format in r.formats)
    return next(fits, None) or template.location


def seats_of(template: OnboardingTemplate, room: Text, override: dict[str, int]) -> int | None:
    """How many hires ``room`` seats: --rooms by any of its names, else the template's rooms."""
    names = names_of(room)
    given = [seats for name, seats in sorted(override.items()) if name in names]
    if given:
        return min(given)
    return next((r.seats for r in template.rooms if names & names_of(r.name)), None)


def clashes(resource: str) -> tuple[str, ...]:
    """What a resource may not share its time with: itself, except a mentor's desk, which only
    the mentor's meetings keep busy; and a mentor's meeting also not their desk's listeners."""
    kind, name = resource.split(":", 1)
    if kind == "desk":
        return (f"mentor:{name}",)
    return (resource, f"desk:{name}") if kind == "mentor" else (resource,)


def name_of(text: Text | None) -> str | None:
    """One name for a person or room however many languages it is written in (the first)."""
    return text.translations[0][1] if text is not None else None


def names_of(text: Text) -> set[str]:
    """Every way a room may be named on the command line: each language, and all of them."""
    names = {t for _, t in text.translations}
    return names | {" / ".join(t for _, t in text.translations)}


class Bookings:
    """The times each resource is taken, day by day, and by which group."""

    def __init__(self) -> None:
        self.taken: dict[tuple[str, dt.date], list[tuple[int, int, int]]] = defaultdict(list)

    def book(self, resources: frozenset[str], day: dt.date, start: int, end: int, group: int) -> None:
        for resource in resources:
            self.taken[resource, day].append((start, end, group))

    def blocked(self, resources: frozenset[str], day: dt.date, group: int) -> list[tuple[int, int]]:
        """When another group holds any of ``resources`` on ``day``."""
        return sorted((a, b) for r in resources for c in clashes(r)
                      for a, b, g in self.taken.get((c, day), ()) if g != group)

    def minutes(self, resource: str, days: list[dt.date], group: int) -> int:
        """How long other groups hold ``resource`` over ``days``."""
        return sum(b - a for day in days for a, b, g in self.taken.get((resource, day), ()) if g != group)


def session_needs(template: OnboardingTemplate, modules: dict[str, Module], mentors: frozenset[str],
                  session: Session) -> frozenset[str]:
    return needs(template, mentors, session.kind, modules.get(session.module) if session.module else None)
