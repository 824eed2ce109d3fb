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

import itertools
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

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
    for anyone: 2). So the unlimited questions of each kind of slot are put in order once
    (``_Kind``), each role sorts only the limited ones that suit it, and the list for a kind and
    set of suiting limited questions is kept and shared. Callers read the lists and never change
    them.
    """

    def __init__(self, playbook: Playbook) -> None:
        self.kinds: dict[tuple, _Kind] = {}
        self.sorted: dict[tuple, list[Question]] = {}
        self.knock_outs: list[Question] = []
        self.order: dict[str, int] = {}
        """Question id -> its place in the bank, which every tie falls back on."""
        self.by_slot: dict[tuple[str, str], tuple[list[Question], list[Question], list[Question]]] = {}
        """(type, competency) -> the questions assessing it: limited to some roles or levels; not
        limited, mainly about it (their first competency); not limited, about it besides."""
        self.by_type: dict[str, dict[frozenset[str], _Combination]] = {}
        """Type -> its questions assessing competencies, grouped by the set they assess."""
        # One pass over the bank: touching five thousand questions once cost more than the sorting.
        for place, q in enumerate(playbook.questions.values()):
            self.order[q.id] = place
            if q.type == "knock-out":
                self.knock_outs.append(q)
            if not q.competencies:
                continue
            limited = bool(q.roles or q.levels)
            for competency in q.competencies:  # twice for a question that lists it twice, as pools do
                lists = self.by_slot.get((q.type, competency))
                if lists is None:
                    lists = self.by_slot[q.type, competency] = ([], [], [])
                lists[0 if limited else 1 if competency == q.competencies[0] else 2].append(q)
            groups = self.by_type.setdefault(q.type, {})
            competencies = frozenset(q.competencies)
            if competencies not in groups:
                groups[competencies] = _Combination([], [])
            if limited:
                groups[competencies].limited.append(q)
            else:
                groups[competencies].unlimited.append((place, q))

    def of(self, slot: Slot, stage: InterviewStage, role: Role, level: str | None) -> list[Question]:
        """``_candidates`` of the slot for ``role``, computed once per kind and suiting questions."""
        if slot.type == "knock-out":  # any knock-out, whatever the slot's competency or stage
            kind: tuple = ("knock-out",)
        elif slot.competency is not None:
            kind = (slot.type, slot.competency)
        else:
            kind = (slot.type, None, frozenset(stage.competencies))
        if kind not in self.kinds:
            self.kinds[kind] = self._kind(kind)
        known = self.kinds[kind]
        suiting = [q for q in known.limited if suits(q, role, level)]
        key = (kind, tuple(q.id for q in suiting))
        if key not in self.sorted:
            self.sorted[key] = known.candidates(suiting, role)
        return self.sorted[key]

    def _kind(self, kind: tuple) -> _Kind:
        if kind[0] == "knock-out":
            limited = [q for q in self.knock_outs if q.roles or q.levels]
            return _Kind(limited, {0: [q for q in self.knock_outs if not (q.roles or q.levels)]},
                         lambda q, role: fit(q, role))
        if len(kind) == 2:
            type_, competency = kind
            limited, main, besides = self.by_slot.get((type_, competency), ([], [], []))
            # A question mainly about this competency first: it probes it best.
            return _Kind(limited, {0: main + besides},
                         lambda q, role: (fit(q, role), q.competencies[0] != competency))
        type_, _, wanted = kind
        # Covering more of the stage's competencies first (a stage must ask what it claims), then
        # fit, then the bank's order; questions are grouped by the competencies they assess.
        covers: dict[int, list[_Combination]] = {}
        for competencies, combination in self.by_type.get(type_, {}).items():
            if not wanted or wanted & competencies:
                covers.setdefault(-len(wanted & competencies), []).append(combination)
        order = self.order
        limited = sorted((q for combinations in covers.values() for c in combinations for q in c.limited),
                         key=lambda q: order[q.id])
        cover = {q.id: -len(wanted & set(q.competencies)) for q in limited}
        unlimited = {c: _merged([x.unlimited for x in combinations]) for c, combinations in covers.items()}
        return _Kind(limited, unlimited, lambda q, role: (cover[q.id], fit(q, role), order[q.id]),
                     lambda q: cover[q.id])


@dataclass
class _Combination:
    """The questions of a type assessing one set of competencies, in the bank's order."""

    limited: list[Question]
    unlimited: list[tuple[int, Question]]
    """With each its place in the bank."""


def _merged(lists: list[list[tuple[int, Question]]]) -> list[Question]:
    """The questions of lists each in the bank's order, in the bank's order."""
    if len(lists) == 1:
        return [q for _, q in lists[0]]
    return [q for _, q in sorted(itertools.chain.from_iterable(lists), key=operator.itemgetter(0))]


@dataclass
class _Kind:
    """A kind of slot: its questions limited to some roles or levels, and the others in order."""

    limited: list[Question]
    unlimited: dict[int, list[Question]]
    """Group -> its unlimited questions (fit 2), in their order; one group 0 but for ``count``."""
    key: Callable[[Question, Role], Any]
    """A limited question's sort key for a role it suits (fit 0 or 1)."""
    group: Callable[[Question], int] | None = None
    """A limited question's group (a ``count``'s cover), which its key sorts by first."""

    def candidates(self, suiting: list[Question], role: Role) -> list[Question]:
        """``_candidates``: a stable sort of the suiting limited questions, each group's before
        the unlimited ones of that group."""
        ordered = sorted(suiting, key=lambda q: self.key(q, role))
        if self.group is None:
            return ordered + self.unlimited[0]
        found: list[Question] = []
        for group in sorted(set(self.unlimited) | {self.group(q) for q in ordered}):
            found += [q for q in ordered if self.group(q) == group]
            found += self.unlimited.get(group, [])
        return found


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
    held: dict[int, int] = {}  # slot index -> the place in its options of the question it holds
    for index in range(len(slots)):
        _place(index, options, owner, held, set())

    chosen = {index: playbook.questions[qid] for qid, index in owner.items()}
    plans = [StagePlan(stage) for stage in role.interview]
    # Augmenting paths shuffle equal slots: ask each request's picks in the order it prefers them,
    # their places in its list. (A question listing a competency twice is in its list twice, side
    # by side, so which of its two places counts makes no difference.)
    first = {slot: slots.index(slot) for slot in dict.fromkeys(slots)}
    for index in sorted(chosen, key=lambda i: (first[slots[i]], held[i])):
        plans[slots[index].stage_index].picks.append((slots[index], chosen[index]))
    return InterviewPlan(role, plans, _shortfalls(slots, options, chosen))


def asked_knock_outs(playbook: Playbook, role: Role) -> list[Question]:
    """The knock-outs the role's kit asks, in the order it asks them."""
    plan = plan_interview(playbook, role)
    return [q for stage in plan.stages for _, q in stage.picks if q.type == "knock-out"]


def _place(index: int, options: list[list[Question]], owner: dict[str, int], held: dict[int, int],
           visited: set[str]) -> bool:
    """Give slot ``index`` a question, moving others along an augmenting path (bipartite matching).

    A module function, not a closure: a closure calling itself is a reference cycle, and it kept
    every candidate question of every role alive until the cyclic collector ran.
    """
    for place, question in enumerate(options[index]):
        if question.id in visited:
            continue
        visited.add(question.id)
        holder = owner.get(question.id)
        if holder is None or _place(holder, options, owner, held, visited):
            owner[question.id] = index
            held[index] = place
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
