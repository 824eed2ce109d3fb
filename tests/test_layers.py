"""The layers of cs_team, read from its imports with ``ast`` (every import: at the top, inside a
function, under TYPE_CHECKING).

A unit is a subpackage (``cs_team.lint``) or a module at the top (``cs_team.loader``): no two
units may import each other through any chain, and the core may not reach the terminal.
"""

from __future__ import annotations

import ast
from pathlib import Path

import cs_team

PACKAGE = Path(cs_team.__file__).parent

CORE = ("cs_team.model", "cs_team.source", "cs_team.loader", "cs_team.staffing", "cs_team.schedule")
"""Units that must not reach the command line, even through other modules."""
TERMINAL = ("cs_team.commands", "cs_team.cli", "typer", "rich", "click")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imports(path: Path, name: str) -> set[str]:
    """Modules ``name`` imports: cs_team ones resolved to modules, others by their top name."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if _is_module(full) else base)
    return {m if m.startswith("cs_team") else m.split(".")[0] for m in found}


def _graph() -> dict[str, set[str]]:
    return {_module_name(path): _imports(path, _module_name(path)) for path in PACKAGE.rglob("*.py")}


def _unit(module: str) -> str:
    parts = module.split(".")
    if len(parts) >= 2 and (PACKAGE / parts[1]).is_dir():
        return ".".join(parts[:2])
    return module


def _first_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as a list of nodes, or None (depth-first search)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target):], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def _unit_edges(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    units: dict[str, set[str]] = {}
    for module, targets in graph.items():
        source = _unit(module)
        units.setdefault(source, set()).update(
            _unit(t) for t in targets if t.startswith("cs_team.") and _unit(t) != source)
    return units


def test_no_cycle_between_packages() -> None:
    cycle = _first_cycle(_unit_edges(_graph()))
    assert cycle is None, "import cycle between packages: " + " -> ".join(cycle or [])


def test_the_core_never_reaches_the_command_line() -> None:
    graph = _graph()
    for start in sorted(m for m in graph if m.startswith(CORE)):
        seen, todo, via = {start}, [start], {start: start}
        while todo:
            module = todo.pop()
            for target in graph.get(module, ()):
                if target.startswith(TERMINAL):
                    chain = [target, module]
                    while chain[-1] != start:
                        chain.append(via[chain[-1]])
                    raise AssertionError(" <- ".join(chain))
                if target in graph and target not in seen:
                    seen.add(target)
                    via[target] = module
                    todo.append(target)


def test_the_walker_sees_a_cycle_and_a_terminal_import() -> None:
    """The checks above can fail: the walker finds what they look for in a made-up graph."""
    assert _first_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _first_cycle({"a": {"b"}, "b": set()}) is None
    graph = _graph()
    assert "cs_team.commands.base" in graph["cs_team.cli"]
    assert "typer" in graph["cs_team.cli"]
    assert _unit("cs_team.lint.rules.weights") == "cs_team.lint"
    assert _unit("cs_team.loader") == "cs_team.loader"
    assert "cs_team.rulebook" in graph["cs_team.source"]


def test_every_rule_module_is_in_the_table() -> None:
    import functools
    import pkgutil

    from cs_team.lint import rules
    from cs_team.lint.rules import CHECKS
    from cs_team.rulebook import RULES

    def home(check: object) -> str:
        return (check.func if isinstance(check, functools.partial) else check).__module__

    modules = {f"cs_team.lint.rules.{m.name}" for m in pkgutil.iter_modules(rules.__path__)}
    assert modules == {home(check) for check in CHECKS.values()}
    assert set(CHECKS) <= set(RULES)
    # Codes from CS200 on are cross-file rules: each needs a check (lower ones are the loader's).
    assert {c for c in RULES if c >= "CS200"} == set(CHECKS)


def test_the_quick_name_index_agrees_with_the_catalogue() -> None:
    """A cached lint checks stored findings against rule_names(), read without YAML."""
    from cs_team.rulebook import RULES, rule_names

    assert rule_names() == {code: (rule.name, rule.severity.value) for code, rule in RULES.items()}
