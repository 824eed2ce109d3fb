"""The interview kit's candidates, sorted once per kind of slot and shared between roles, are
exactly those a sort for each slot of each role gives (the bundled bank has questions written
for some roles by name and some for some levels, and every role of it is planned)."""

from __future__ import annotations

from pathlib import Path

from cs_team import interview
from cs_team.loader import load_repository
from cs_team.playbook import Playbook
from cs_team.repo import bundled_root


def test_every_slot_of_every_bundled_role_is_offered_what_its_own_sort_offers() -> None:
    playbook = Playbook(load_repository(Path(bundled_root()), bundled=True))
    order = playbook.index(interview.CandidateOrder)
    pool, knock_outs = playbook.question_pool, order.knock_outs
    slots = named = 0
    for role in playbook.roles.values():
        level = playbook.level_of(role)
        for slot in interview._slots(role):
            stage = role.interview[slot.stage_index]
            offered = order.of(slot, stage, role, level)
            assert offered == interview._candidates(slot, stage, role, level, pool, knock_outs)
            slots += 1
            named += any(interview.fit(q, role) == 0 for q in offered)
    # questions written for a role by name were offered first somewhere, and lists were shared
    assert slots >= 30 and named >= 3 and len(order.sorted) < slots
