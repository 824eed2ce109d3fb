"""Choose the questions of a role's interview kit: the same ones for every candidate.

Each stage asks, per competency or in all, a number of questions of given
types. A question fills one slot of the whole kit at most, so picking is a
bipartite matching between slots and questions (augmenting paths, in a fixed
order, so the kit is deterministic); a greedy pick could fail where a
matching exists. Among the questions that suit a slot (and, for a stage's count, cover as many of
its competencies), those written for the role by name come first, then those tagged
for its level, then the generic ones: the complaints specialist gets the complaint
scenarios before the all-purpose one.
Knock-outs assess no competency: a knock-out slot takes any that suits the role.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cs_team.model.questions import Question
from cs_team.model.role import InterviewStage, Role
from cs_team.playbook import Playbook, QuestionPool
from cs_team.wording import Phrase, phrase


@dataclass(frozen=True)
class Slot:
    stage_index: int
    request_index: int
    type: str
    competency: str | None
    """The competency this slot asks about; None for a ``count`` request."""


@dataclass
class Shortfall:
    """Slots of one request that the bank could not fill."""

    stage_index: int
    request_index: int
    type: str
    competency: str | None
    missing: int
    suitable: int
    """Questions that would suit the slot, before other slots take theirs."""


@dataclass
class StagePlan:
    stage: InterviewStage
    picks: list[tuple[Slot, Question]] = field(default_factory=list)

    @property
    def minutes(self) -> float:
        return sum(question.minutes for _, question in self.picks)


@dataclass
class InterviewPlan:
    role: Role
    stages: list[StagePlan]
    shortfalls: list[Shortfall]


def suits(question: Question, role: Role, level: str | None) -> bool:
    if question.roles and role.id not in question.roles:
        return False
    return not question.levels or level in question.levels


def fit(question: Question, role: Role) -> int:
    """0: written for the role by name; 1: tagged for its level (or roles not including it);
    2: for anyone. Only meaningful for a question that suits the role."""
    if role.id in question.roles:
        return 0
    return 1 if question.levels or question.roles else 2


def _slots(role: Role) -> list[Slot]:
    slots = []
    for s, stage in enumerate(role.interview):
        for r, request in enumerate(stage.questions):
            if request.per_competency:
                for competency in stage.competencies:
                    slots += [Slot(s, r, request.type, competency)] * request.per_competency
            else:
                slots += [Slot(s, r, request.type, None)] * (request.count or 0)
    return slots


def _candidates(slot: Slot, stage: InterviewStage, role: Role, level: str | None,
                bank: QuestionPool, knock_outs: list[Question]) -> list[Question]:
    pool, order = bank.by_slot, bank.order
    if slot.type == "knock-out":
        return sorted((q for q in knock_outs if suits(q, role, level)), key=lambda q: fit(q, role))
    if slot.competency is not None:
        fitting = [q for q in pool.get((slot.type, slot.competency), ()) if suits(q, role, level)]
        # Written for the role first; then a question mainly about this competency: it probes it best.
        return sorted(fitting, key=lambda q: (fit(q, role), q.competencies[0] != slot.competency))
    wanted = set(stage.competencies)
    keys = [key for key in pool if key[0] == slot.type and (not wanted or key[1] in wanted)]
    fitting = {q.id: q for key in keys for q in pool[key] if suits(q, role, level)}.values()
    # Covering more of the stage's competencies first (a stage must ask what it claims), then fit.
    return sorted(fitting, key=lambda q: (-len(wanted & set(q.competencies)), fit(q, role), order[q.id]))


class CandidateOrder:
    """The candidates of each kind of slot, sorted once for every role that gets the same list.

    Fifty roles ask for the same few kinds of slot, and sorting the bank for each slot of each
    role was most of the interview lint. ``_candidates`` depends on the role only through which
    of the questions limited to some roles or levels suit it: every other question suits every
    role, and a question's fit is the same for every role it suits (named: 0; for levels: 1;
    for anyone: 2). So its answer is kept per kind of slot and set of suiting limited questions,
    and shared. Callers read the lists and never change them.
    """

    def __init__(self, playbook: Playbook) -> None:
        self.pool = playbook.question_pool
        self.knock_outs = [q for q in playbook.questions.values() if q.type == "knock-out"]
        self.limited: dict[tuple, list[Question]] = {}
        self.sorted: dict[tuple, list[Question]] = {}
        self.ranks: dict[int, dict[str, int]] = {}

    def of(self, slot: Slot, stage: InterviewStage, role: Role, level: str | None) -> list[Question]:
        """``_candidates`` of the slot for ``role``, computed once per kind and suiting questions."""
        if slot.type == "knock-out":  # any knock-out, whatever the slot's competency or stage
            kind: tuple = ("knock-out",)
        elif slot.competency is not None:
            kind = (slot.type, slot.competency)
        else:
            kind = (slot.type, None, frozenset(stage.competencies))
        if kind not in self.limited:
            self.limited[kind] = [q for q in self._universe(slot, stage) if q.roles or q.levels]
        suiting = tuple(q.id for q in self.limited[kind] if suits(q, role, level))
        if (kind, suiting) not in self.sorted:
            self.sorted[kind, suiting] = _candidates(slot, stage, role, level, self.pool, self.knock_outs)
        return self.sorted[kind, suiting]

    def rank(self, candidates: list[Question]) -> dict[str, int]:
        """Question id -> its place in ``candidates``, a list ``of`` gave (kept, so its id is its own)."""
        if id(candidates) not in self.ranks:
            self.ranks[id(candidates)] = {q.id: rank for rank, q in enumerate(candidates)}
        return self.ranks[id(candidates)]

    def _universe(self, slot: Slot, stage: InterviewStage) -> list[Question]:
        """Every question ``_candidates`` may offer the slot, whichever the role."""
        if slot.type == "knock-out":
            return self.knock_outs
        if slot.competency is not None:
            return self.pool.by_slot.get((slot.type, slot.competency), [])
        wanted = set(stage.competencies)
        return list({q.id: q for key, questions in self.pool.by_slot.items()
                     if key[0] == slot.type and (not wanted or key[1] in wanted)
                     for q in questions}.values())


class InterviewPlans:
    """Every role's plan, each made once per playbook (lint rules, kits and trace share them).

    It keeps no reference to the playbook that holds it: a cycle would outlive the lint.
    """

    def __init__(self, playbook: Playbook) -> None:
        self.by_role: dict[str, InterviewPlan] = {}

    def of(self, playbook: Playbook, role: Role) -> InterviewPlan:
        if role.id not in self.by_role:
            self.by_role[role.id] = _plan(playbook, role)
        return self.by_role[role.id]


def plan_interview(playbook: Playbook, role: Role) -> InterviewPlan:
    """The kit's questions for ``role``; computed once per playbook."""
    return playbook.index(InterviewPlans).of(playbook, role)


def _plan(playbook: Playbook, role: Role) -> InterviewPlan:
    level = playbook.level_of(role)
    slots = _slots(role)
    order = playbook.index(CandidateOrder)
    options = [order.of(slot, role.interview[slot.stage_index], role, level) for slot in slots]
    owner: dict[str, int] = {}  # question id -> slot index holding it
    for index in range(len(slots)):
        _place(index, options, owner, set())

    chosen = {index: playbook.questions[qid] for qid, index in owner.items()}
    plans = [StagePlan(stage) for stage in role.interview]
    # Augmenting paths shuffle equal slots: ask each request's picks in the order it prefers them.
    first = {slot: slots.index(slot) for slot in dict.fromkeys(slots)}
    for index in sorted(chosen, key=lambda i: (first[slots[i]], order.rank(options[i])[chosen[i].id])):
        plans[slots[index].stage_index].picks.append((slots[index], chosen[index]))
    return InterviewPlan(role, plans, _shortfalls(slots, options, chosen))


def asked_knock_outs(playbook: Playbook, role: Role) -> list[Question]:
    """The knock-outs the role's kit asks, in the order it asks them."""
    plan = plan_interview(playbook, role)
    return [q for stage in plan.stages for _, q in stage.picks if q.type == "knock-out"]


def _place(index: int, options: list[list[Question]], owner: dict[str, int], visited: set[str]) -> bool:
    """Give slot ``index`` a question, moving others along an augmenting path (bipartite matching).

    A module function, not a closure: a closure calling itself is a reference cycle, and it kept
    every candidate question of every role alive until the cyclic collector ran.
    """
    for question in options[index]:
        if question.id in visited:
            continue
        visited.add(question.id)
        holder = owner.get(question.id)
        if holder is None or _place(holder, options, owner, visited):
            owner[question.id] = index
            return True
    return False


def _shortfalls(slots: list[Slot], options: list[list[Question]], chosen: dict) -> list[Shortfall]:
    found: dict[Slot, Shortfall] = {}
    for index, slot in enumerate(slots):
        if index in chosen:
            continue
        if slot in found:
            found[slot].missing += 1
        else:
            found[slot] = Shortfall(slot.stage_index, slot.request_index, slot.type,
                                    slot.competency, 1, len(options[index]))
    return list(found.values())


def _could_fill(item: object, gap: Shortfall, stage: InterviewStage) -> bool:
    """Whether a question left out for its errors is of the kind the gap lacks (read from raw data)."""
    if not isinstance(item, dict) or item.get("type") != gap.type:
        return False
    if gap.type == "knock-out":
        return True
    written = item.get("competencies")
    competencies = {c for c in written if isinstance(c, str)} if isinstance(written, list) else set()
    if gap.competency is not None:
        return gap.competency in competencies
    return not stage.competencies or bool(competencies & set(stage.competencies))


def describe_shortfall(playbook: Playbook, role: Role, gap: Shortfall) -> Phrase:
    """What the bank lacks for one request of a stage, and how to add it (lint and kits say this)."""
    stage = role.interview[gap.stage_index]
    level = playbook.level_of(role) or phrase("shortfall.any_level")
    subject = (phrase("shortfall.competency", competency=gap.competency) if gap.competency
               else phrase("shortfall.its_competencies"))
    if gap.suitable == 0:
        have: Phrase = phrase("shortfall.none_suit")
    else:
        have = phrase("shortfall.used_one" if gap.suitable == 1 else "shortfall.used_many",
                      suitable=gap.suitable)
    broken = [site.where() for site, item in playbook.left_out("question-bank", "questions")
              if _could_fill(item, gap, stage)]
    if broken:
        places: Phrase | str = ", ".join(broken[:3])
        if len(broken) > 3:
            places = phrase("shortfall.more_places", places=places, more=len(broken) - 3, count=len(broken))
        have = phrase("shortfall.broken_one" if len(broken) == 1 else "shortfall.broken_many",
                      have=have, places=places)
    fix = (phrase("shortfall.fix_type_competency", type=gap.type, competency=gap.competency)
           if gap.competency else phrase("shortfall.fix_type", type=gap.type))
    return phrase("shortfall.questions", stage=stage.id, missing=gap.missing, type=gap.type,
                  subject=subject, level=level, have=have, fix=fix)
