"""What a plan is made of: dated sessions, and who runs each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cs_team.model.curriculum import Module

MENTOR_FORMATS = frozenset({"shadowing", "mentoring"})
SELF_STUDY_FORMATS = frozenset({"e-learning", "micro-lesson"})
LED_BY = {"quiz": "self", "one-to-one": "mentor", "review": "panel", "go-live": "supervisor",
          "micro-lesson": "self"}


@dataclass(frozen=True)
class Session:
    day: dt.date
    start: int
    """Minutes after midnight, local time."""
    end: int
    kind: str
    """module, micro-lesson, quiz, assessment, retake, one-to-one, review or go-live."""
    stage: str | None
    key: str
    """Stable identity within a plan (module/part, review/stage ...): the base of calendar UIDs."""
    module: str | None = None
    part: int = 1
    parts: int = 1

    @property
    def minutes(self) -> int:
        return self.end - self.start


def leader(kind: str, module: Module | None) -> str:
    """Who runs a session of this kind: trainer, mentor, self (study alone), panel (mentor and
    supervisor) or supervisor; a module's own sessions by its format."""
    if kind == "module" and module is not None:
        if module.format in MENTOR_FORMATS:
            return "mentor"
        return "self" if module.format in SELF_STUDY_FORMATS else "trainer"
    return LED_BY.get(kind, "trainer")


def led_by(session: Session, module: Module | None) -> str:
    return leader(session.kind, module)
