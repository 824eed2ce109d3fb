"""No user-facing error is an English-only sentence: every error raised in cs_team is built from a
phrase (cs_team/errors.yaml, cs_team/lint/messages.yaml, in zh and en), except the internal
invariants listed below, which no input, option or file can reach. A new raise site with a literal
English sentence fails here until it is a phrase, or is shown to be internal and listed."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "cs_team"
SENTENCE = re.compile(r"[A-Za-z]{2,}[ ,;:']+[A-Za-z]{2,}")  # two English words in a row
RAISED = ("Overloaded", "NoWorkingDay", "HireProblem", "RenderLimit")
SAID = re.compile(r"^cs-team: (error|warning|note): ")

# (file, the literal's first words): why no user can reach it.
INTERNAL = {
    ("apportion.py", "places and head-counts must not be negative"):
        "head-counts are validated >= 1 and places >= 0 by the promotion model before any split",
    ("commands/formats.py", "no output format"): "format names are written in the commands' code",
    ("documents/contexts.py", "no document"): "document names are written in the build's code",
    ("rulebook.py", "module {} has no attribute"): "Python's module __getattr__ protocol",
    ("staffing/solver.py", "row_lower has"): "the planner builds the solver's arrays itself",
    ("staffing/solver.py", "{} has {} entries"): "the planner builds the solver's arrays itself",
    ("staffing/solver.py", "start has"): "the planner builds the solver's arrays itself",
    ("staffing/solver.py", "rows, cols and vals"): "the planner builds the solver's arrays itself",
    ("staffing/solver.py", "a matrix entry lies outside"): "the planner builds the solver's arrays itself",
    ("wording.py", "no message"): "a catalogue key written in code; tests/test_wording.py words every key",
    ("wording.py", "not a phrase value"): "the lint cache's own data; a bad cache is read as no cache",
    # pydantic's error types, not their texts, reach the user: validation._problem (playbooks) and
    # inputs.kpi_export (KPI exports) word each type in zh and en.
    ("model/common.py", "expected text: a string"): "worded by type (text_type) in validation._problem",
    ("model/common.py", "text is empty"): "worded by type (empty_text) in validation._problem",
    ("model/common.py", "a language mapping needs"): "worded by type (text_languages) in validation._problem",
    ("model/common.py", "'{lang}' is not a language code"): "worded by type (text_language_key)",
    ("model/common.py", "the '{lang}' text must be"): "worded by type (text_type with lang)",
    ("model/kpi_export.py", "no such week"): "worded by column in inputs.kpi_export",
    ("model/kpi_export.py", "not a week or a month"): "worded by column in inputs.kpi_export",
    ("model/kpi_export.py", "not one line of text"): "worded by column in inputs.kpi_export",
}


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def _name(call: ast.Call) -> str:
    function = call.func
    return function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")


def english_sites() -> list[tuple[str, int, str]]:
    """(file, line, literal) of each error built from an English sentence, and each stderr line
    written with a literal ``cs-team: error/warning/note:`` prefix."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node)
            if name.endswith(("Error", "Exception")) or name in RAISED:
                arguments = node.args[1:2] if name == "PydanticCustomError" else node.args[:1]
                texts = [_literal(a) for a in arguments]
                found += [(relative, node.lineno, t) for t in texts if t and SENTENCE.search(t)]
            elif name in ("say", "echo", "note") and node.args:
                text = _literal(node.args[0])
                if text and SAID.match(text):
                    found.append((relative, node.lineno, text))
    return sorted(found)


def _allowed(relative: str, text: str) -> bool:
    return any(file == relative and text.startswith(start) for file, start in INTERNAL)


def test_every_error_a_user_can_meet_is_a_phrase() -> None:
    english = [f"{file}:{line}: {text!r}" for file, line, text in english_sites() if not _allowed(file, text)]
    assert not english, "English-only sentences (make each a phrase in cs_team/errors.yaml):\n" + "\n".join(english)


def test_the_list_of_internal_invariants_is_not_stale() -> None:
    sites = english_sites()
    unused = [key for key in INTERNAL if not any(f == key[0] and t.startswith(key[1]) for f, _, t in sites)]
    assert not unused


def test_the_scan_finds_what_it_looks_for(tmp_path: Path, monkeypatch) -> None:
    """A planted English raise and a literal English note are both found (the scan can fail)."""
    import tests.test_no_english_errors as scan

    (tmp_path / "planted.py").write_text(
        'def f(x):\n    if x:\n        raise UsageError(f"no role {x}; use one of a, b")\n'
        '    say("cs-team: warning: the interval is short")\n    raise UsageError(phrase("x.y"))\n',
        encoding="utf-8")
    monkeypatch.setattr(scan, "PACKAGE", tmp_path)
    assert [(f, n) for f, n, _ in scan.english_sites()] == [("planted.py", 3), ("planted.py", 4)]
