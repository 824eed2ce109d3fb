"""CS201: ids are unique within their kind across the repository."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import namespace_name, phrase


def check(playbook: Playbook) -> Iterator[Report]:
    for namespace, ids in playbook.declared.items():
        for key, sites in ids.items():
            if len(sites) < 2:
                continue
            where = sites[0].where()
            for site in sites[1:]:
                yield Report(site, phrase("rules.duplicate_id", namespace=namespace_name(namespace),
                                          key=key, where=where))
