"""CS265-CS267: who each sourcing channel can fill, before the plan relies on it.

Campus hiring brings graduates (应届生) with no experience; a role that asks for three years or
more cannot be filled from a campus, and a source limited to some roles must name roles that
exist, and leave no role that answers a channel without any source at all.
"""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.model.hiring import HiringInputs
from cs_team.playbook import Playbook
from cs_team.wording import did_you_mean, namespace_name, phrase

CAMPUS_MAX_YEARS = 3  # a graduate has none; three years is where a role stops being entry level


def _hired_roles(inputs: HiringInputs) -> list[str]:
    """Roles the plan may hire for: those that answer a channel, in order of first mention."""
    return list(dict.fromkeys(r for c in inputs.channels for r in c.roles))


def check_campus(playbook: Playbook) -> Iterator[Report]:
    """CS265: a campus source fills a role that needs three years' experience or more."""
    for inputs in playbook.hiring.values():
        for s, source in enumerate(inputs.sourcing):
            if not source.campus:
                continue
            site = playbook.site(inputs).at("sourcing", s)
            listed = [(site.at("roles", i), role) for i, role in enumerate(source.roles)]
            for where, role in listed or [(site.at("campus"), r) for r in _hired_roles(inputs)]:
                known = playbook.roles.get(role)
                years = known.requirements.experience_years if known else None
                if years is not None and years >= CAMPUS_MAX_YEARS:
                    yield Report(where, phrase("plan.campus_experienced", source=source.id, role=role,
                                               years=f"{years:g}"))


def check_roles(playbook: Playbook) -> Iterator[Report]:
    """CS266: a source's roles name a role that does not exist."""
    for inputs in playbook.hiring.values():
        for s, source in enumerate(inputs.sourcing):
            for i, role in enumerate(source.roles):
                if not playbook.exists("role", role):
                    hint = did_you_mean(role, playbook.declared.get("role", {}))
                    yield Report(playbook.site(inputs).at("sourcing", s, "roles", i), phrase(
                        "rules.unknown_reference", namespace=namespace_name("role"), key=role, hint=hint))


def check_unsourced(playbook: Playbook) -> Iterator[Report]:
    """CS267: a role answers a channel, but no sourcing channel fills it."""
    for inputs in playbook.hiring.values():
        told: set[str] = set()
        for c, channel in enumerate(inputs.channels):
            for r, role in enumerate(channel.roles):
                if role not in told and not any(source.fills(role) for source in inputs.sourcing):
                    told.add(role)
                    yield Report(playbook.site(inputs).at("channels", c, "roles", r),
                                 phrase("plan.role_unsourced", role=role))
