"""Every text written in a document, walked once per playbook for the rules that read texts.

The language rule (CS208), the quotation-mark rule (CS273) and the fair-hiring scan (CS301-CS312)
read every text of every document, tens of thousands in a large repository, and report few. So
the texts are gathered as a flat list, fast and without paths, and the path of each text (where a
finding points) is worked out only for a document that has a finding. Both walks visit the same
fields in the same order, so a text's place in one list is its place in the other.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from cs_team.loader import LoadedDocument
from cs_team.model.common import Text


def _may_hold_text(annotation: Any, seen: frozenset = frozenset()) -> bool:
    if annotation is Text:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation not in seen and any(
            _may_hold_text(f.annotation, seen | {annotation}) for f in annotation.model_fields.values())
    return any(_may_hold_text(arg, seen) for arg in typing.get_args(annotation))


@functools.cache
def text_fields(model: type[BaseModel], skip: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The fields of ``model`` that can hold text somewhere inside (not ids, numbers...), in order."""
    return tuple(name for name, f in model.model_fields.items()
                 if name not in skip and _may_hold_text(f.annotation))


MARKED = frozenset({"scenario"})
"""Fields whose texts a rule may leave out, so the walk notes where their texts lie: a role-play's
scenario card describes the customer (her age, her husband), which the fair-hiring scan skips."""


def texts(value: Any, path: tuple = (), skip: frozenset[str] = frozenset()) -> Iterator[tuple[tuple, Text]]:
    """Every Text inside a model with its path, leaving out the fields named in ``skip``."""
    yield from zip(text_paths(value, skip, path), flat_texts(value, skip), strict=True)


def flat_texts(value: Any, skip: frozenset[str] = frozenset()) -> list[Text]:
    """Every Text inside ``value``, in the order ``text_paths`` gives their paths."""
    found: list[Text] = []
    marks: list[tuple[str, int, int]] = []
    _collect(value, found, marks)
    return _outside(found, marks, skip)


def text_paths(value: Any, skip: frozenset[str] = frozenset(), path: tuple = ()) -> list[tuple]:
    """The path of each Text ``flat_texts`` finds in ``value``, in the same order."""
    found: list[tuple] = []
    marks: list[tuple[str, int, int]] = []
    _collect_paths(value, path, found, marks)
    return _outside(found, marks, skip)


def _outside(found: list, marks: list[tuple[str, int, int]], skip: frozenset[str]) -> list:
    """``found`` without the stretches under the fields named in ``skip`` (each one of MARKED)."""
    if not skip:
        return found
    assert skip <= MARKED, "only the fields the walk marks can be left out"
    kept, start = [], 0
    for name, first, end in sorted(marks, key=lambda mark: (mark[1], -mark[2])):  # outer ones first
        if name in skip and first >= start:
            kept += found[start:first]
            start = end
    return kept + found[start:]


def _collect(value: Any, found: list[Text], marks: list[tuple[str, int, int]]) -> None:
    # Texts, None and lists are handled inline: a call per field value was most of the walk.
    kind = type(value)
    if kind is Text:
        found.append(value)
    elif kind is list:
        for item in value:
            if type(item) is Text:
                found.append(item)
            else:
                _collect(item, found, marks)
    elif isinstance(value, BaseModel):
        fields = value.__dict__
        for name in text_fields(kind):
            item = fields[name]
            if item is None:
                continue
            if name in MARKED:  # note where the marked field's texts lie
                first = len(found)
                _collect(item, found, marks)
                marks.append((name, first, len(found)))
            elif type(item) is Text:
                found.append(item)
            else:
                _collect(item, found, marks)
    elif isinstance(value, dict):
        for item in value.values():
            _collect(item, found, marks)
    elif isinstance(value, Text):
        found.append(value)
    elif isinstance(value, list):
        for item in value:
            _collect(item, found, marks)


def _collect_paths(value: Any, path: tuple, found: list[tuple], marks: list[tuple[str, int, int]]) -> None:
    # The same visits as _collect, in the same order, recording paths instead of texts.
    if isinstance(value, Text):
        found.append(path)
    elif isinstance(value, BaseModel):
        for name in text_fields(type(value)):
            first = len(found)
            item = getattr(value, name)
            _collect_paths(item, (*path, name), found, marks)
            if name in MARKED and item is not None:
                marks.append((name, first, len(found)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _collect_paths(item, (*path, i), found, marks)
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect_paths(item, (*path, key), found, marks)


class DocumentTexts:
    """Each valid document's texts (and, when asked, their paths), walked once per playbook."""

    def __init__(self, playbook: object) -> None:
        self._texts: dict[int, tuple[list[Text], list[tuple[str, int, int]]]] = {}
        self._paths: dict[int, list[tuple]] = {}

    def texts(self, document: LoadedDocument, skip: frozenset[str] = frozenset()) -> list[Text]:
        """The document's texts, leaving out those under the fields named in ``skip`` (of MARKED)."""
        if id(document) not in self._texts:
            found: list[Text] = []
            marks: list[tuple[str, int, int]] = []
            if document.model is not None:
                _collect(document.model, found, marks)
            self._texts[id(document)] = (found, marks)
        found, marks = self._texts[id(document)]
        return _outside(found, marks, skip)

    def paths(self, document: LoadedDocument, skip: frozenset[str] = frozenset()) -> list[tuple]:
        """The path of each of ``texts(document, skip)``, by the same index."""
        if id(document) not in self._paths:
            found: list[tuple] = []
            if document.model is not None:
                _collect_paths(document.model, (), found, [])
            self._paths[id(document)] = found
        self.texts(document)
        return _outside(self._paths[id(document)], self._texts[id(document)][1], skip)
