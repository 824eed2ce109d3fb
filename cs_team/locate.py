"""From a path inside a document (``("questions", 3, "rubric")``) to a place in its file."""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from cs_team.findings import Span
from cs_team.source import node_span

Path = Sequence[str | int]


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
