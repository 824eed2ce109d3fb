"""Side files as YAML: a ``kind:`` mapping with a list of mappings under one key, or a bare list.

The bytes go through the same reading and encoding policy as a CSV; the text is parsed by the
playbook parser (safe loading, duplicate keys, alias bombs), and every value keeps its
``file:line:column``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cs_team.inputs.encoding import decode
from cs_team.inputs.files import read_bytes
from cs_team.inputs.kinds import KINDS, Kind
from cs_team.inputs.problems import Problems, Record, Value
from cs_team.wording import Phrase, phrase


@dataclass
class YamlFile:
    display: str
    data: Any
    node: Any

    def where(self, path: tuple) -> str:
        from cs_team.node_path import span_at

        span = span_at(self.node, path)
        return f"{self.display}:{span.line}:{span.column}"

    def record(self, data: dict, path: tuple) -> Record:
        record = Record(self.where(path))
        for key, value in data.items():
            record.fields[str(key)] = Value(value, self.where((*path, key)))
        return record


def parse(path: Path, display: str, problems: Problems, check: Callable[[Any], None] = lambda _: None):
    """The file parsed (a ParsedFile), or None with its problems (unreadable, encoding, syntax, and
    whatever ``check`` adds to the parsed file's findings) recorded."""
    from cs_team.source import ParsedFile, parse_text

    raw = read_bytes(path, display, problems)
    text = None if raw is None else decode(raw, display, problems)
    if text is None:
        return None
    parsed = ParsedFile(path, display)
    parse_text(text, parsed)
    check(parsed)
    # A side file's reader knows each field's type: a bare yes/no (CS007 in a playbook) is read
    # for what it is, e.g. a scorecard's recommendation `yes`.
    errors = [f for f in parsed.findings if f.severity.value == "error" and f.code != "CS007"]
    for finding in errors:
        problems.add(f"{display}:{finding.line}:{finding.column}", finding.text(problems.lang))
    return None if errors else parsed


def read_yaml(path: Path, display: str, problems: Problems) -> YamlFile | None:
    """The parsed file, or None with its problems (unreadable, encoding, syntax) recorded."""
    parsed = parse(path, display, problems)
    if parsed is None:
        return None
    if not parsed.has_document:
        problems.say(display, "文件是空的", "empty file")
        return None
    return YamlFile(display, parsed.data, parsed.node)


@dataclass
class ListedFile:
    """A ``kind:`` file: its top mapping, and the mappings listed under one key."""

    head: Record
    items: list[Record]
    file: YamlFile | None = None
    """The parsed file, for a second list in it (a scorecard's knock-outs)."""


def read_listed(path: Path, display: str, problems: Problems, kind: Kind, key: str, item: Phrase | str,
                hint: Phrase | str = "") -> ListedFile | None:
    """The file if it is ``kind: <kind>`` with a list under ``key`` (each a mapping, described as
    ``item`` when one is not), else None with the problem recorded."""
    found = read_yaml(path, display, problems)
    if found is None:
        return None
    data = found.data
    given = data.get("kind") if isinstance(data, dict) else None
    if given != kind.key:
        other = KINDS.get(given) if isinstance(given, str) else None
        if other is not None:
            problems.say(found.where(("kind",)), f"这是{other.name('zh')}，不是{kind.name('zh')}",
                         f"this is a {other.name('en')}, not a {kind.name('en')}")
        else:
            problems.add(found.where(()), phrase("listed.not_kind", kind=kind.key, hint=hint))
        return None
    head = found.record(data, ())
    listed = data.get(key)
    if not isinstance(listed, list):
        problems.add(head.at(key), phrase("listed.is_list", key=key, item=item))
        return ListedFile(head, [], found)
    items = []
    for i, value in enumerate(listed):
        if isinstance(value, dict):
            items.append(found.record(value, (key, i)))
        else:
            problems.add(found.where((key, i)), phrase("listed.each", key=key, item=item))
    return ListedFile(head, items, found)
