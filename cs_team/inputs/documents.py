"""A single playbook document named on the command line (``--calendar``, a demand pattern), read
through the side-file policy and validated by the model lint uses, every error at its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cs_team.inputs.encoding import decode
from cs_team.inputs.files import read_bytes
from cs_team.inputs.problems import Problems


def read_document(path: Path, display: str, problems: Problems, kind: str, what: tuple[str, str]):
    """(model, node) of a ``kind:`` document, or None with every problem recorded; ``what`` names
    the kind for the user (zh, en)."""
    from cs_team.loader import load_document
    from cs_team.source import ParsedFile, parse_text

    raw = read_bytes(path, display, problems)
    text = None if raw is None else decode(raw, display, problems)
    if text is None:
        return None
    parsed = ParsedFile(path, display)
    parse_text(text, parsed)
    document = load_document(parsed)
    errors = [f for f in parsed.findings if f.severity.value == "error"]
    for finding in errors:
        problems.add(f"{display}:{finding.line}:{finding.column}", finding.message)
    if errors:
        return None
    if document.kind != kind or document.model is None:
        given = _kind_of(parsed.data)
        problems.say(display, f"这不是{what[0]}（kind: {kind}）" + (f"，而是 kind: {given}" if given else ""),
                     f"not a {what[1]} (kind: {kind})" + (f"; it is kind: {given}" if given else ""))
        return None
    return document.model, parsed.node


def _kind_of(data: Any) -> str | None:
    kind = data.get("kind") if isinstance(data, dict) else None
    return kind if isinstance(kind, str) else None
