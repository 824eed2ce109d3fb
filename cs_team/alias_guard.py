"""The guard against aliases that expand without bound ("billion laughs").

A few anchors aliased within each other make a file of a few hundred bytes stand for
billions of values or characters; every rule reading the data would pay for them. The
loader for a text that may hold an alias counts what its aliases expand to as it builds
the data and stops past the limits.
"""

from __future__ import annotations

from typing import Any

import yaml

from cs_team.constructor import CheckingLoader, Report

MAX_EXPANDED_NODES = 1_000_000
"""Nodes that aliases may add, counted as if every alias were written out."""

MAX_EXPANDED_CHARS = 4 * 1024 * 1024
"""Characters of text that aliases may add: one 50,000-character string aliased 30,000 times is
a few nodes but 1.5 billion characters for every rule that reads the text."""


class AliasBomb(Exception):
    def __init__(self, node: yaml.Node, chars: bool = False) -> None:
        self.node, self.chars = node, chars


class _AliasCountingLoader(CheckingLoader):
    """Also counts the values aliases expand to, and stops past MAX_EXPANDED_NODES.

    Used only for text containing a `*`, since there is no alias without one: the
    count costs a Python call for every value constructed.
    """

    def __init__(self, text: str, report: Report) -> None:
        super().__init__(text, report)
        self.expanded = self.expanded_chars = 0
        self._sizes: dict[int, tuple[int, int]] = {}

    def construct_data(self, node: yaml.Node) -> Any:
        return self.construct_document(node)  # every value must pass construct_object's count

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects:  # reached again through an alias
            nodes, chars = self._size(node)
            self.expanded += nodes
            self.expanded_chars += chars
            if self.expanded > MAX_EXPANDED_NODES:
                raise AliasBomb(node)
            if self.expanded_chars > MAX_EXPANDED_CHARS:
                raise AliasBomb(node, chars=True)
        return super().construct_object(node, deep)

    def _size(self, root: yaml.Node) -> tuple[int, int]:
        """Nodes and scalar characters under ``root`` with aliases written out, memoised
        (iterative: no recursion limit)."""
        stack, order = [root], []
        while stack:
            node = stack.pop()
            if id(node) in self._sizes:
                continue
            order.append(node)
            stack.extend(_children(node))
        for node in reversed(order):
            if id(node) not in self._sizes:
                own = len(node.value) if isinstance(node, yaml.ScalarNode) else 0
                sizes = [self._sizes[id(c)] for c in _children(node)]
                self._sizes[id(node)] = (1 + sum(n for n, _ in sizes), own + sum(c for _, c in sizes))
        return self._sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def loader_for(text: str, report: Report) -> CheckingLoader:
    """The loader for ``text``: the alias-counting one only where an alias is possible."""
    return (_AliasCountingLoader if "*" in text else CheckingLoader)(text, report)
