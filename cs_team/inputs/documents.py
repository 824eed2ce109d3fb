"""A single playbook document named on the command line (``--calendar``, a demand pattern), read
through the side-file policy and validated by the model lint uses, every error at its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cs_team.inputs.lists import parse
from cs_team.inputs.problems import Problems


def read_document(path: Path, display: str, problems: Problems, kind: str, what: tuple[str, str]):
    """(model, node) of a ``kind:`` document, or None with every problem recorded; ``what`` names
    the kind for the user (zh, en)."""
    from cs_team.loader import load_document

    loaded = []
    if parse(path, display, problems, lambda parsed: loaded.append(load_document(parsed))) is None:
        return None
    document = loaded[0]
    if document.kind != kind or document.model is None:
        given = _kind_of(document.parsed.data)
        problems.say(display, f"这不是{what[0]}（kind: {kind}）" + (f"，而是 kind: {given}" if given else ""),
                     f"not a {what[1]} (kind: {kind})" + (f"; it is kind: {given}" if given else ""))
        return None
    return document.model, document.parsed.node


def _kind_of(data: Any) -> str | None:
    kind = data.get("kind") if isinstance(data, dict) else None
    return kind if isinstance(kind, str) else None
