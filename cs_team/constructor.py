"""The YAML constructor: plain data from libyaml's node tree, checked on the way.

It reports, through a callback, what PyYAML would otherwise let pass
silently: duplicate keys (the last one wins), YAML 1.1 booleans (`yes`), numbers
too long to convert. Aliases that expand without bound ("billion laughs") are
``alias_guard``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from cs_team.wording import phrase

try:
    BaseLoader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml: slower, same behaviour
    BaseLoader = yaml.SafeLoader  # type: ignore[misc]

_BOOLEAN_WORDS = {"true", "false"}

Report = Callable[[str, yaml.Node, str], None]
"""Called with a rule code, the node at fault and the message."""


MAX_DIGITS = 100
"""Longest integer read. Python refuses to convert more than 4,300 digits (a denial-of-service
guard) and no playbook figure needs a hundred."""


class NumberTooLong(Exception):
    """An integer with more than MAX_DIGITS digits: the file is not read further."""

    def __init__(self, node: yaml.Node, digits: int) -> None:
        self.node, self.digits = node, digits


class _Unusual(Exception):
    """A node the direct walk does not build (an explicit tag, a merge key, a collection as a key)."""


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_MERGE, _TIMESTAMP = "tag:yaml.org,2002:merge", "tag:yaml.org,2002:timestamp"
_PLAIN_SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{name}"
                               for name in ("null", "bool", "int", "float", "timestamp"))


class CheckingLoader(BaseLoader):  # type: ignore[misc, valid-type]
    """Builds plain data and reports what PyYAML would otherwise let pass silently."""

    def __init__(self, text: str, report: Report) -> None:
        super().__init__(text)
        self.report = report
        self.walked = False
        """Whether construct_data built the data by the direct walk, which leaves the node tree
        as composed (PyYAML's constructor rewrites merge keys in place)."""
        self.unquoted_time = False
        """Whether a plain scalar reads as a date or a time of day (base 60) in YAML 1.1: only
        then has CS223 a value to look for in the file's tree."""

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        # libyaml's composer asks this for every value. PyYAML's version concatenates
        # two lists per call and checks path resolvers, which no one registers here.
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, pattern in _IMPLICIT_RESOLVERS.get(value[:1], ()):
                    if pattern.match(value):
                        if tag == _TIMESTAMP or ":" in value:  # an int or float with ':' is base 60
                            self.unquoted_time = True
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


CheckingLoader.add_constructor("tag:yaml.org,2002:timestamp", CheckingLoader.construct_yaml_timestamp)
CheckingLoader.add_constructor("tag:yaml.org,2002:bool", CheckingLoader.construct_yaml_bool)
CheckingLoader.add_constructor("tag:yaml.org,2002:int", CheckingLoader.construct_yaml_int)
CheckingLoader.add_constructor("tag:yaml.org,2002:float", CheckingLoader.construct_yaml_float)


# By first character, as PyYAML keeps them (SafeLoader has no wildcard or path resolvers).
_IMPLICIT_RESOLVERS = {first: tuple(resolvers)
                       for first, resolvers in CheckingLoader.yaml_implicit_resolvers.items()}
