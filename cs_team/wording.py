"""Messages worded in the reader's language: a catalogue key and its values, not a sentence.

A check says *what* is wrong as ``phrase("weights.sum", what=..., total=...)``; the reporter
words it in zh or en when it prints. Values are plain data (ids, numbers) or phrases themselves
("; did you mean 'x'?"), worded in the same language. The sentences live in
``lint/messages.yaml``, one entry per key with a ``zh`` and an ``en`` text.

This module sits below every other layer: parsing, loading and the rules all use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("zh", "en")


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    import yaml

    text = (resources.files("cs_team") / "lint" / "messages.yaml").read_text(encoding="utf-8")
    entries = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    flat: dict[str, dict[str, str]] = {}

    def walk(prefix: str, node: dict) -> None:
        for name, value in node.items():
            key = f"{prefix}{name}"
            if isinstance(value, dict) and set(value) <= set(LANGUAGES) and value:
                flat[key] = value
            else:
                walk(f"{key}.", value)

    walk("", entries)
    return flat


@dataclass(frozen=True)
class Phrase:
    """A message by catalogue key, with the values its sentence is filled with."""

    key: str
    values: tuple[tuple[str, Any], ...] = ()

    def word(self, lang: str) -> str:
        """The sentence in ``lang`` (English when the catalogue has no text in that language)."""
        texts = _catalogue()[self.key]
        template = texts.get(lang) or texts["en"]
        return template.format(**{name: _worded(value, lang) for name, value in self.values})

    def __str__(self) -> str:
        return self.word("en")

    def as_data(self) -> dict[str, Any]:
        """Plain data for a JSON cache: ``{"key": ..., "values": {...}}``, nested phrases too."""
        return {"key": self.key, "values": {name: value.as_data() if isinstance(value, Phrase) else value
                                            for name, value in self.values}}

    @staticmethod
    def from_data(data: Any) -> Phrase:
        """The inverse of ``as_data``; raises ``ValueError`` for anything it did not write."""
        if not isinstance(data, dict) or not isinstance(data.get("key"), str) \
                or data["key"] not in _catalogue() or not isinstance(data.get("values"), dict):
            raise ValueError("not a phrase")
        values = []
        for name, value in data["values"].items():
            if isinstance(value, dict):
                value = Phrase.from_data(value)
            elif not isinstance(value, (str, int, float)) or isinstance(value, bool):
                raise ValueError("not a phrase value")
            values.append((name, value))
        return Phrase(data["key"], tuple(values))


def phrase(key: str, **values: Any) -> Phrase:
    """A message by its catalogue key; an unknown key is a programming error, caught here."""
    if key not in _catalogue():
        raise KeyError(f"no message '{key}' in lint/messages.yaml")
    return Phrase(key, tuple(values.items()))


def _worded(value: Any, lang: str) -> Any:
    if isinstance(value, Phrase):
        return value.word(lang)
    if isinstance(value, float):
        return f"{value:g}"
    return value


def word(message: str | Phrase, lang: str) -> str:
    """A message in ``lang``: a phrase is worded, a plain string (from a rule not yet worded in
    both languages) is shown as written."""
    return message.word(lang) if isinstance(message, Phrase) else message
