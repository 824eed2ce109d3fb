"""The YAML constructor: plain data from libyaml's node tree, checked on the way.

It reports, through a callback, what PyYAML would otherwise let pass
silently: duplicate keys (the last one wins), YAML 1.1 booleans (`yes`), and
aliases that expand without bound ("billion laughs").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from cs_team.wording import phrase

try:
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml: slower, same behaviour
    _BaseLoader = yaml.SafeLoader  # type: ignore[misc]

MAX_EXPANDED_NODES = 1_000_000
"""Nodes that aliases may add, counted as if every alias were written out."""

MAX_EXPANDED_CHARS = 4 * 1024 * 1024
"""Characters of text that aliases may add: one 50,000-character string aliased 30,000 times is
a few nodes but 1.5 billion characters for every rule that reads the text."""

_BOOLEAN_WORDS = {"true", "false"}

Report = Callable[[str, yaml.Node, str], None]
"""Called with a rule code, the node at fault and the message."""


MAX_DIGITS = 100
"""Longest integer read. Python refuses to convert more than 4,300 digits (a denial-of-service
guard) and no playbook figure needs a hundred."""


class AliasBomb(Exception):
    def __init__(self, node: yaml.Node, chars: bool = False) -> None:
        self.node, self.chars = node, chars


class NumberTooLong(Exception):
    """An integer with more than MAX_DIGITS digits: the file is not read further."""

    def __init__(self, node: yaml.Node, digits: int) -> None:
        self.node, self.digits = node, digits


class _Unusual(Exception):
    """A node the direct walk does not build (an explicit tag, a merge key, a collection as a key)."""


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_PLAIN_SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{name}"
                               for name in ("null", "bool", "int", "float", "timestamp"))


class _CheckingLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Builds plain data and reports what PyYAML would otherwise let pass silently."""

    def __init__(self, text: str, report: Report) -> None:
        super().__init__(text)
        self.report = report
        self.walked = False
        """Whether construct_data built the data by the direct walk, which leaves the node tree
        as composed (PyYAML's constructor rewrites merge keys in place)."""

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        # libyaml's composer asks this for every value. PyYAML's version concatenates
        # two lists per call and checks path resolvers, which no one registers here.
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, pattern in _IMPLICIT_RESOLVERS.get(value[:1], ()):
                    if pattern.match(value):
                        return tag
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def construct_data(self, node: yaml.Node) -> Any:
        """Plain data of the document rooted at ``node``.

        PyYAML's generic constructor (generators, recursion bookkeeping, a resolver
        lookup per value) costs about as much as libyaml's parse. Playbooks are
        plain maps, lists and scalars, so a direct walk builds them; anything else
        goes through the generic constructor, with the same result.
        """
        held: list[tuple[str, yaml.Node, str]] | None = []  # reported only if the walk succeeds
        report, self.report = self.report, lambda *finding: held.append(finding)
        try:
            data = self._plain(node)
        # TypeError: a collection used as a key. RecursionError: deep nesting (the generic
        # constructor is iterative). Both get the generic constructor's handling.
        except (_Unusual, TypeError, RecursionError):
            held = None
        finally:
            self.report = report
        if held is None:
            return self.construct_document(node)
        for finding in held:
            report(*finding)
        self.walked = True
        return data

    def _plain(self, node: yaml.Node) -> Any:
        kind = node.__class__
        if kind is yaml.ScalarNode:
            if node.tag == _STR:
                return node.value
            if node.tag not in _PLAIN_SCALAR_TAGS:
                raise _Unusual
            return self.yaml_constructors[node.tag](self, node)
        if kind is yaml.MappingNode and node.tag == _MAP:
            pairs = node.value
            keys = [key.value if key.tag == _STR else self._plain(key) for key, _ in pairs]
            mapping = dict(zip(keys, [self._plain(value) for _, value in pairs], strict=True))
            if len(mapping) != len(pairs):
                self._report_duplicate_keys([key for key, _ in pairs], keys)
            return mapping
        if kind is yaml.SequenceNode and node.tag == _SEQ:
            return [self._plain(item) for item in node.value]
        raise _Unusual

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        own = [key for key, _ in node.value if key.tag != _MERGE]  # merged keys may be overridden
        mapping = super().construct_mapping(node, deep=deep)
        self._report_duplicate_keys(own, [self.constructed_objects[key] for key in own])
        return mapping

    def _report_duplicate_keys(self, key_nodes: list[yaml.Node], keys: list[Any]) -> None:
        """Report every key equal to an earlier one (``yes`` equals ``true``, ``~`` equals ``null``)."""
        seen: dict[Any, yaml.Node] = {}
        for key_node, key in zip(key_nodes, keys, strict=True):
            if key not in seen:
                seen[key] = key_node
                continue
            first = seen[key]
            line = first.start_mark.line + 1
            self.report("CS002", key_node, phrase("source.duplicate_key", key=key_node.value, line=line)
                        if first.value == key_node.value else
                        phrase("source.same_key", key=key_node.value, first=first.value, line=line))

    def construct_yaml_bool(self, node: yaml.ScalarNode) -> bool:
        value = super().construct_yaml_bool(node)
        if node.value.lower() not in _BOOLEAN_WORDS:
            self.report("CS007", node, phrase("source.ambiguous_boolean", word=node.value,
                                              value=str(value).lower()))
        return value

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        # YAML 1.1 reads 10:30 as the base-60 number 630; YAML 1.2 and people read a time.
        if ":" in node.value:
            return node.value
        digits = sum(char.isalnum() for char in node.value)
        if digits > MAX_DIGITS:
            raise NumberTooLong(node, digits)
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> Any:
        if ":" in node.value:
            return node.value
        return super().construct_yaml_float(node)


    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        # 2026-02-30 looks like a date but is none: keep the text, and the model says why
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return node.value


_CheckingLoader.add_constructor("tag:yaml.org,2002:timestamp", _CheckingLoader.construct_yaml_timestamp)
_CheckingLoader.add_constructor("tag:yaml.org,2002:bool", _CheckingLoader.construct_yaml_bool)
_CheckingLoader.add_constructor("tag:yaml.org,2002:int", _CheckingLoader.construct_yaml_int)
_CheckingLoader.add_constructor("tag:yaml.org,2002:float", _CheckingLoader.construct_yaml_float)


# By first character, as PyYAML keeps them (SafeLoader has no wildcard or path resolvers).
_IMPLICIT_RESOLVERS = {first: tuple(resolvers)
                       for first, resolvers in _CheckingLoader.yaml_implicit_resolvers.items()}


class _AliasCountingLoader(_CheckingLoader):
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


def loader_for(text: str, report: Report) -> _CheckingLoader:
    """The loader for ``text``: the alias-counting one only where an alias is possible."""
    return (_AliasCountingLoader if "*" in text else _CheckingLoader)(text, report)


class _PositionLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        return ""  # a tree for positions needs no tags: skip the per-value regex matching


def compose(text: str) -> yaml.Node | None:
    """The node tree of ``text``, already read once without error: libyaml alone, for positions."""
    loader = _PositionLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()
