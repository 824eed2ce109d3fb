"""The interview kit's candidates, sorted once per kind of slot and shared between roles, are
exactly those a sort for each slot of each role gives (the bundled bank has questions written
for some roles by name and some for some levels, and every role of it is planned)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

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


def _reference_plan(playbook: Playbook, role) -> tuple[list, list]:
    """The kit's picks and shortfalls as they were chosen before lists were shared: each slot's
    own sort, a plain augmenting-path matching and each pick's place read from its whole list."""
    level = playbook.level_of(role)
    slots = interview._slots(role)
    knock_outs = [q for q in playbook.questions.values() if q.type == "knock-out"]
    options = [interview._candidates(slot, role.interview[slot.stage_index], role, level,
                                     playbook.question_pool, knock_outs) for slot in slots]
    owner: dict[str, int] = {}

    def place(index: int, visited: set[str]) -> bool:
        for question in options[index]:
            if question.id not in visited:
                visited.add(question.id)
                if question.id not in owner or place(owner[question.id], visited):
                    owner[question.id] = index
                    return True
        return False

    for index in range(len(slots)):
        place(index, set())
    chosen = {index: playbook.questions[qid] for qid, index in owner.items()}
    first = {slot: slots.index(slot) for slot in dict.fromkeys(slots)}

    def rank(index: int) -> int:
        return {q.id: r for r, q in enumerate(options[index])}[chosen[index].id]

    picks = [(slots[i], chosen[i].id) for i in sorted(chosen, key=lambda i: (first[slots[i]], rank(i)))]
    gaps = [(g.stage_index, g.request_index, g.type, g.competency, g.missing, g.suitable)
            for g in interview._shortfalls(slots, options, chosen)]
    return sorted(picks, key=lambda pick: pick[0].stage_index), gaps


def _bank(seed: int, roles: list[str]) -> str:
    """Questions of every type and mix of competencies, some limited to roles or levels, some
    listing a competency twice, some too few for a stage: the cases shared lists must get right."""
    rng = random.Random(seed)
    competencies = ["communication", "problem-solving", "emotion-management", "service-mindset", "teamwork",
                    "product-knowledge"]
    lines = ["kind: question-bank", "format: 1", f"id: generated-{seed}", "questions:"]
    for n in range(160):
        kind = rng.choice(["behavioural", "situational", "situational", "teamwork", "closed", "knock-out"])
        lines += [f"  - id: g{seed}-{n}", f"    type: {kind}", f"    text: {{zh: 问题{n}, en: Question {n}}}",
                  "    minutes: 3"]
        if kind == "knock-out":
            lines.append(f"    passes: {{zh: 可以{n}, en: Yes {n}}}")
        else:
            chosen = rng.sample(competencies, rng.choice([1, 1, 2, 3]))
            if rng.random() < 0.3:
                chosen.append(chosen[0])
            lines += [f"    competencies: [{', '.join(chosen)}]",
                      f"    rubric: {{poor: {{zh: 差{n}, en: Poor {n}}}, fair: {{zh: 中{n}, en: Fair {n}}}, "
                      f"strong: {{zh: 好{n}, en: Strong {n}}}}}"]
        limit = rng.random()
        if limit < 0.2:
            lines.append(f"    roles: [{', '.join(rng.sample(roles, rng.choice([1, 2])))}]")
        elif limit < 0.35:
            lines.append(f"    levels: [{', '.join(rng.sample(['junior', 'intermediate', 'senior', 'lead'], 2))}]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shared_lists_pick_what_each_roles_own_sort_and_matching_pick(tmp_path: Path, seed: int) -> None:
    root = tmp_path / "repo"
    shutil.copytree(bundled_root(), root)
    roles = sorted(path.stem for path in (root / "roles").glob("*.yaml"))
    (root / "questions" / "generated.yaml").write_text(_bank(seed, roles), encoding="utf-8")
    # Roles asking for many questions of one kind, so picks move along augmenting paths, several
    # come from one request (their order is the list's), and one kind runs short.
    asks = "      - {type: behavioural, per_competency: 1}\n      - {type: situational, per_competency: 1}\n"
    for path in (root / "roles").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        heavy = ("      - {type: behavioural, per_competency: 3}\n      - {type: situational, count: 9}\n"
                 "      - {type: closed, count: 30}\n      - {type: teamwork, per_competency: 2}\n")
        path.write_text(text.replace(asks, heavy), encoding="utf-8")
    playbook = Playbook(load_repository(root, cwd=root))
    assert len(playbook.questions) > 200
    repeated = short = several = 0
    for role in playbook.roles.values():
        plan = interview.plan_interview(playbook, role)
        picks, gaps = _reference_plan(playbook, role)
        short += bool(gaps)
        several += len(picks) > len({slot for slot, _ in picks})
        assert [(slot, q.id) for stage in plan.stages for slot, q in stage.picks] == picks
        assert [(g.stage_index, g.request_index, g.type, g.competency, g.missing, g.suitable)
                for g in plan.shortfalls] == gaps
        level = playbook.level_of(role)
        for slot in interview._slots(role):
            stage = role.interview[slot.stage_index]
            offered = playbook.index(interview.CandidateOrder).of(slot, stage, role, level)
            assert offered == interview._candidates(slot, stage, role, level, playbook.question_pool,
                                                    playbook.index(interview.CandidateOrder).knock_outs)
            repeated += len({id(q) for q in offered}) < len(offered)
    assert repeated  # a question listing a competency twice was offered twice somewhere
    assert short and several
