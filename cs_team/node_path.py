"""From a path inside a document (``("questions", 3, "rubric")``) to its node and place in the file.

The node tree is composed only for positions: a file is parsed to plain data first, and composed
again (libyaml alone, ``compose``) when something in it is reported.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from cs_team.constructor import BaseLoader
from cs_team.findings import Span

Path = Sequence[str | int]


class _PositionLoader(BaseLoader):  # type: ignore[misc, valid-type]
    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        return ""  # a tree for positions needs no tags: skip the per-value regex matching


def compose(text: str) -> yaml.Node | None:
    """The node tree of ``text``, already read once without error: libyaml alone, for positions."""
    loader = _PositionLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def mark_span(start: yaml.Mark, end: yaml.Mark | None = None) -> Span:
    end = end or start
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def node_span(node: yaml.Node) -> Span:
    if isinstance(node, yaml.ScalarNode):
        return mark_span(node.start_mark, node.end_mark)
    # A whole collection would light up many lines in an editor: point at its start.
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    return Span(line, column, line, column + 1)


def find_node(root: yaml.Node, path: Path, *, key: bool = False) -> yaml.Node:
    """The deepest node along ``path``.

    Segments that match nothing are skipped (pydantic puts union tags in its
    paths); a path into something missing stops at the nearest parent. With
    ``key`` the last mapping step yields the key node instead of its value.
    """
    node = root
    for index, segment in enumerate(path):
        last = index == len(path) - 1
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and _same_key(key_node, segment):
                    node = key_node if (key and last) else value_node
                    break
        elif (isinstance(node, yaml.SequenceNode) and isinstance(segment, int)
              and 0 <= segment < len(node.value)):
            node = node.value[segment]
    return node


def _same_key(key_node: yaml.ScalarNode, segment: str | int) -> bool:
    return key_node.value == str(segment)


def span_at(root: yaml.Node | None, path: Path, *, key: bool = False) -> Span:
    if root is None:
        return Span()
    return node_span(find_node(root, path, key=key))


def dotted(path: Path) -> str:
    """``questions[3].rubric`` for messages."""
    text = ""
    for segment in path:
        text += f"[{segment}]" if isinstance(segment, int) else (f".{segment}" if text else segment)
    return text
