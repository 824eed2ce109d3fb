"""What each document of a role is rendered from: the one place the commands, the site and the
tests ask for it."""

from __future__ import annotations

from cs_team.documents import kit as kits
from cs_team.documents import sheets
from cs_team.documents.common import stamp
from cs_team.model.role import Role
from cs_team.playbook import Playbook

DOCUMENTS = ("interview-kit", "scorecard", "training", "probation", "promotion")
"""Every document a role can have; the template of each has the same name."""


def available(playbook: Playbook, role: Role) -> list[str]:
    """The documents ``role`` has: a kit and a scorecard always, the sheets its playbooks support."""
    found = ["interview-kit", "scorecard"]
    if role.curriculum and role.curriculum in playbook.curricula:
        found.append("training")
    if playbook.evaluation:
        found.append("probation")
        if any(role.id in p.target_roles for e in playbook.evaluation for p in e.promotions):
            found.append("promotion")
    return found


def context(playbook: Playbook, role: Role, document: str, header: kits.Header | None = None,
            stage: str | None = None) -> dict:
    """The template variables of ``document`` for ``role`` (InputError when it cannot be made)."""
    header = header or kits.Header()
    common = {"role": role, "header": header, "stamp": stamp(playbook)}
    if document == "interview-kit":
        view = kits.kit(playbook, role.id, stage, header)
        return {**common, "kit": view, "opening_key": kits.opening_key}
    if document == "scorecard":
        return {**common, "scorecard": kits.scorecard(playbook, role)}
    if document == "training":
        return {**common, "modules": sheets.training(playbook, role)}
    if document == "probation":
        return {**common, "sheet": sheets.probation(playbook, role)}
    if document == "promotion":
        return {**common, "sheets": sheets.promotions(playbook, role)}
    raise ValueError(f"no document {document!r}")
