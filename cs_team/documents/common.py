"""Parts every document shares: the footer stamp, and a competency's anchored scale."""

from __future__ import annotations

from dataclasses import dataclass

from cs_team import __version__
from cs_team.fingerprint import files_digest
from cs_team.model.common import Text
from cs_team.model.competency import Competency
from cs_team.playbook import Playbook
from cs_team.repo import CONFIG_NAME


@dataclass(frozen=True)
class Stamp:
    """Where a printed document came from; changes only when the playbook files do."""

    repository: Text
    fingerprint: str
    version: str


def stamp(playbook: Playbook) -> Stamp:
    return playbook.index(_stamp)


def _stamp(playbook: Playbook) -> Stamp:
    """Made once per playbook: the digest reads every file."""
    root = playbook.repo.root
    files = [d.parsed.path for d in playbook.repo.documents] + [root / CONFIG_NAME]
    return Stamp(playbook.config.name, files_digest(root, files)[:12], __version__)


@dataclass(frozen=True)
class Point:
    value: int
    label: Text | None
    anchor: Text | None


def scale(playbook: Playbook, competency: Competency) -> list[Point]:
    """The competency's points, each with its general label and its behavioural anchor."""
    anchors = competency.anchors or {}
    return [Point(p.value, p.label, anchors.get(p.value, p.anchor))
            for p in playbook.scale_points(competency)]
