"""What a cross-file rule's check returns, and the shape of a check.

The rules' codes, names, severities and texts are in ``cs_team.rulebook`` (below every
layer, so that parsing and loading can report without knowing lint); which function checks
which code is the explicit table ``cs_team.lint.rules.CHECKS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cs_team.forking import Child
    from cs_team.playbook import Playbook, Site


@dataclass(frozen=True)
class Report:
    """What a rule's check says: where, and what is wrong there (and how to fix it)."""

    site: Site
    message: str
    key: bool = False
    """Point at the key rather than its value (e.g. at ``hiring_criteria:``)."""


Check = Callable[["Playbook"], Iterable[Report]]

Offload = Callable[["Playbook", "Child"], None]
"""Hands a check's pure work to a worker process (its check then reads the worker's answer)."""
