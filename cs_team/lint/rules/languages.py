"""CS208: every text is written in every language `cs-team.yaml` requires."""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from cs_team.lint.registry import Report
from cs_team.loader import LoadedDocument
from cs_team.model.common import Text
from cs_team.playbook import Playbook, Site
from cs_team.wording import phrase


def _may_hold_text(annotation: Any, seen: frozenset = frozenset()) -> bool:
    if annotation is Text:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation not in seen and any(
            _may_hold_text(f.annotation, seen | {annotation}) for f in annotation.model_fields.values())
    return any(_may_hold_text(arg, seen) for arg in typing.get_args(annotation))


@functools.cache
def _text_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that can hold text somewhere inside (not ids, numbers...)."""
    return tuple(name for name, f in model.model_fields.items() if _may_hold_text(f.annotation))


def texts(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Text]]:
    """Every Text inside a model, with its path."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in _text_fields(type(value)):
            yield from texts(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from texts(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, (*path, key))


class DocumentTexts:
    """Each valid document's texts with their paths, walked once per playbook (rules share it)."""

    def __init__(self, playbook: Playbook) -> None:
        self.by_document: dict[int, list[tuple[tuple, Text]]] = {}

    def of(self, document: LoadedDocument) -> list[tuple[tuple, Text]]:
        if id(document) not in self.by_document:
            walked = list(texts(document.model)) if document.model is not None else []
            self.by_document[id(document)] = walked
        return self.by_document[id(document)]


def document_texts(playbook: Playbook, document: LoadedDocument) -> list[tuple[tuple, Text]]:
    return playbook.index(DocumentTexts).of(document)


def check(playbook: Playbook) -> Iterator[Report]:
    required = list(playbook.config.languages)
    needed = frozenset(required)
    default = playbook.default_language
    for document in playbook.repo.documents:
        for path, text in document_texts(playbook, document):
            written = text.languages(default)
            if needed <= written:
                continue
            missing = [lang for lang in required if lang not in written]
            if text.plain:
                how = phrase("rules.text_plain", default=default,
                             mapping="{" + ", ".join(f"{lang}: ..." for lang in required) + "}")
            else:
                how = phrase("rules.text_add", keys=", ".join(f"`{lang}:`" for lang in missing))
            yield Report(Site(document, path), phrase("rules.text_missing_language",
                                                      missing=", ".join(missing), how=how))
