"""Types shared by every kind: ids, bilingual text, percentages, the document base."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

FORMAT_VERSION = 1

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
LANG_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
_LANG_RE = re.compile(LANG_PATTERN)

Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=80)]


@dataclass(frozen=True)
class Text:
    """Text meant for people: one string, or one string per language.

    ``plain`` marks text written as a bare string; it counts as the
    repository's default language.
    """

    translations: tuple[tuple[str, str], ...]
    plain: bool = False
    written: frozenset[str] = frozenset()
    """The languages of a mapping (empty for plain text), kept for the language rule."""

    def languages(self, default: str) -> frozenset[str]:
        return frozenset((default,)) if self.plain else self.written

    def get(self, lang: str, default: str) -> str | None:
        """The text in ``lang``, or None when it is not written in that language."""
        if self.plain:
            return self.translations[0][1] if lang == default else None
        return dict(self.translations).get(lang)

    def best(self, lang: str, default: str) -> str:
        """The text in ``lang``, else the default language, else the first written."""
        return self.get(lang, default) or self.get(default, default) or self.translations[0][1]

    def all_strings(self) -> Iterator[str]:
        return (value for _, value in self.translations)


def describe(value: Any) -> str:
    """A value as a message names it: `text 'abc'`, `a list`, `true`, `42`."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, str):
        return f"text '{value}'" if len(value) <= 40 else "text"
    return repr(value)


_CHECKED_LANGS: set[str] = set()  # language codes already matched against LANG_PATTERN


def _to_text(value: Any) -> Text:
    # Called for every text of every playbook: the common cases come first and stay cheap.
    if type(value) is dict and value:
        pairs = tuple(value.items())
        if all(type(t) is str and t.strip() and lang in _CHECKED_LANGS for lang, t in pairs):
            return Text(pairs, written=frozenset(value))
    if isinstance(value, Text):
        return value
    if isinstance(value, str):
        if not value.strip():
            raise PydanticCustomError("empty_text", "text is empty")
        return Text(((("", value),)), plain=True)
    if isinstance(value, dict):
        if not value:
            raise PydanticCustomError(
                "text_languages", "a language mapping needs at least one language, e.g. {example}",
                {"example": "{zh: ..., en: ...}"},
            )
        pairs = []
        for lang, text in value.items():
            if isinstance(lang, str) and lang not in _CHECKED_LANGS and _LANG_RE.match(lang):
                _CHECKED_LANGS.add(lang)
            if not isinstance(lang, str) or lang not in _CHECKED_LANGS:
                raise PydanticCustomError(
                    "text_language_key",
                    "'{lang}' is not a language code; use codes such as zh, en or zh-Hant",
                    {"lang": str(lang)},
                )
            if not isinstance(text, str) or not text.strip():
                raise PydanticCustomError(
                    "text_type", "the '{lang}' text must be a non-empty string, got {got}",
                    {"lang": lang, "got": describe(text), "value": text},
                )
            pairs.append((lang, text))
        return Text(tuple(pairs), written=frozenset(value))
    raise PydanticCustomError(
        "text_type",
        "expected text: a string, or a mapping of languages such as {example}; got {got}",
        {"example": "{zh: ..., en: ...}", "got": describe(value)},
    )


_TEXT_SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "description": "The text per language, e.g. {zh: ..., en: ...}",
            "propertyNames": {"pattern": LANG_PATTERN},
            "additionalProperties": {"type": "string", "minLength": 1},
            "minProperties": 1,
        },
    ]
}

def _from_text(text: Text) -> str | dict[str, str]:
    """The shape it was written in: a plain string, or a mapping of languages."""
    return text.translations[0][1] if text.plain else dict(text.translations)


LocalText = Annotated[Text, PlainValidator(_to_text), PlainSerializer(_from_text),
                      WithJsonSchema(_TEXT_SCHEMA)]

Percent = Annotated[float, Field(description="A percentage written as 85 for 85 %")]
Level = Literal["junior", "intermediate", "senior", "lead", "manager", "executive"]
LEVELS: tuple[str, ...] = Level.__args__  # type: ignore[attr-defined]


class Strict(BaseModel):
    """Base of every model: unknown keys are errors and nothing is silently coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


class Document(Strict):
    """Fields every playbook document starts with."""

    kind: str
    format: Literal[1] = Field(description="The cs-team format version this file follows (1)")
