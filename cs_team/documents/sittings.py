"""A role's interview stages grouped into the sittings they happen in.

The résumé screen, the phone screen, the on-site interview and the reference check happen on
different days, by different people: a kit shows each as its own sitting with its own clock,
greets the candidate once per sitting (not once per stage) and closes it once. A stage's
``sitting`` names its sitting; without one, screens and checks sit alone and every other stage
joins the on-site sitting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cs_team.model.role import InterviewStage

ALONE = ("resume-screen", "phone-screen", "reference-check", "background-check")
"""Stage types that are a sitting of their own unless a stage says otherwise."""
WITHOUT_CANDIDATE = {"resume-screen", "reference-check", "background-check"}
"""Done without the candidate: no greeting or closing to say."""
INSTRUCTIONS = {"role-play": "opening_role_play", "skills-test": "opening_skills_test"}
"""A role-play or a test inside a sitting is introduced, not opened: the candidate is already there."""


def sitting_of(stage: InterviewStage) -> str:
    if stage.sitting is not None:
        return stage.sitting
    return stage.type if stage.type in ALONE else "on-site"


@dataclass
class Sitting:
    key: str
    stages: list[InterviewStage] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(stage.minutes for stage in self.stages)

    @property
    def with_candidate(self) -> bool:
        return any(stage.type not in WITHOUT_CANDIDATE for stage in self.stages)

    @property
    def greeting(self) -> str | None:
        """The opening script's label key, or None when the candidate is not there."""
        if not self.with_candidate:
            return None
        return "opening_phone" if self.key == "phone-screen" else "opening_text"


def sittings(stages: list[InterviewStage]) -> list[Sitting]:
    """The sittings in the order their first stage comes; each keeps its stages' order."""
    found: dict[str, Sitting] = {}
    for stage in stages:
        found.setdefault(sitting_of(stage), Sitting(sitting_of(stage))).stages.append(stage)
    return list(found.values())
