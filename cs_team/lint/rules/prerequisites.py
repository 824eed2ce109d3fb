"""CS206 and CS213: prerequisites have no cycles, and onboarding respects them."""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import phrase


def find_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Each cycle once, as the ids around it, starting from its smallest id."""
    cycles: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    for start in sorted(graph):
        if state.get(start):
            continue
        path: list[str] = []
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(graph.get(start, ())))]
        state[start] = 1
        path.append(start)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                loop = path[path.index(child):]
                turn = loop.index(min(loop))
                loop = loop[turn:] + loop[:turn]
                if tuple(loop) not in seen:
                    seen.add(tuple(loop))
                    cycles.append(loop)
            elif child in graph and not state.get(child):
                state[child] = 1
                path.append(child)
                stack.append((child, iter(graph[child])))
    return cycles


def check_cycles(playbook: Playbook) -> Iterator[Report]:
    modules = {m.id: list(m.prerequisites) for m in playbook.modules.values()}
    for loop in find_cycles(modules):
        first = playbook.modules[loop[0]]
        chain = " → ".join([*loop, loop[0]])
        index = first.prerequisites.index(loop[1] if len(loop) > 1 else loop[0])
        yield Report(playbook.site(first).at("prerequisites", index),
                     phrase("rules.prerequisite_cycle", chain=chain))
    extends = {c.id: [c.extends] for c in playbook.curricula.values() if c.extends}
    for loop in find_cycles(extends):
        chain = " → ".join([*loop, loop[0]])
        yield Report(playbook.site(playbook.curricula[loop[0]]).at("extends"),
                     phrase("rules.curriculum_cycle", chain=chain))


def check_order(playbook: Playbook) -> Iterator[Report]:
    for template in playbook.onboarding.values():
        site = playbook.site(template)
        placed: dict[str, tuple[int, int]] = {}
        for s, stage in enumerate(template.stages):
            for m, module_id in enumerate(stage.modules):
                placed.setdefault(module_id, (s, m))
        for module_id, (s, m) in placed.items():
            module = playbook.modules.get(module_id)
            for prerequisite in module.prerequisites if module else ():
                where = site.at("stages", s, "modules", m)
                if prerequisite not in placed:
                    yield Report(where, phrase("rules.prerequisite_never_scheduled", module=module_id,
                                               prerequisite=prerequisite))
                elif placed[prerequisite] > (s, m):
                    later = template.stages[placed[prerequisite][0]].id
                    yield Report(where, phrase("rules.prerequisite_later", module=module_id,
                                               prerequisite=prerequisite, later=later))
