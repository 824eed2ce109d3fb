"""Messages worded in the reader's language: a catalogue key and its values, not a sentence.

A check says *what* is wrong as ``phrase("weights.sum", what=..., total=...)``; the reporter
words it in zh or en when it prints. Values are plain data (ids, numbers) or phrases themselves
("; did you mean 'x'?"), worded in the same language. The sentences live in
``lint/messages.yaml``, one entry per key with a ``zh`` and an ``en`` text.

Two house rules are kept here rather than in every sentence: an English count names its noun in
the singular or the plural (``{count} {count:question|questions}``: "1 question", "3 questions");
and in Chinese a Latin word or a number filled in next to a Chinese character gets a space on
that side ("这是 KPI 导出", "第 3 行"), as the sentences themselves are written.

This module sits below every other layer: parsing, loading and the rules all use it.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("zh", "en")
SOURCES = (("lint", "messages.yaml"), ("errors.yaml",))


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    import yaml

    entries: dict[str, Any] = {}
    for source in SOURCES:  # what lint says, then what a command says when it cannot go on
        text = resources.files("cs_team").joinpath(*source).read_text(encoding="utf-8")
        entries.update(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
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
        return fill(template, {name: _worded(value, lang) for name, value in self.values},
                    spaced=lang == "zh")

    def __str__(self) -> str:
        return self.word("en")

    def as_data(self) -> dict[str, Any]:
        """Plain data for a JSON cache: ``{"key": ..., "values": {...}}``, nested phrases too."""
        return {"key": self.key, "values": {name: _data(value) for name, value in self.values}}

    @staticmethod
    def from_data(data: Any) -> Phrase:
        """The inverse of ``as_data``; raises ``ValueError`` for anything it did not write."""
        if not isinstance(data, dict) or not isinstance(data.get("key"), str) \
                or data["key"] not in _catalogue() or not isinstance(data.get("values"), dict):
            raise ValueError("not a phrase")
        values = []
        for name, value in data["values"].items():
            if isinstance(value, dict) and isinstance(value.get("texts"), dict) \
                    and all(isinstance(v, str) for v in value["texts"].values()):
                value = Texts(tuple(value["texts"].items()))
            elif isinstance(value, dict):
                value = Phrase.from_data(value)
            elif not isinstance(value, (str, int, float)) or isinstance(value, bool):
                raise ValueError("not a phrase value")
            values.append((name, value))
        return Phrase(data["key"], tuple(values))


@dataclass(frozen=True)
class Texts:
    """A value already written in each language (a rule's summary): worded by picking one."""

    by_language: tuple[tuple[str, str], ...]

    def word(self, lang: str) -> str:
        texts = dict(self.by_language)
        return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")  # Chinese characters, not their punctuation
_LATIN = re.compile(r"[A-Za-z0-9]")


def fill(template: str, values: dict[str, Any], spaced: bool = False) -> str:
    """``template.format(**values)``, where a field may also say its noun in the singular and the
    plural (``{count:question|questions}``: the singular for exactly 1); ``spaced`` (Chinese) puts
    a space between a Chinese character and a Latin letter or digit that meet where a value is
    filled in, so "这是{kind}" with "KPI 导出" reads "这是 KPI 导出", and drops the template's
    space beside a value in Chinese quotation marks (“15x”不是时长)."""
    out = ""
    for literal, name, spec, conversion in string.Formatter().parse(template):
        out = _joined(out, literal, spaced)
        if name is None:
            continue
        value = values[name]
        if spec and "|" in spec:
            one, many = spec.split("|", 1)
            text = one if _is_one(value) else many
        else:
            shown = repr(value) if conversion == "r" else str(value) if conversion == "s" else value
            text = format(shown, spec)
        out = _joined(out, text, spaced)
    return out


def _joined(before: str, after: str, spaced: bool) -> str:
    if not (spaced and before and after):
        return before + after
    if after[0] == "“" or before[-1] == "”":  # Chinese quotation marks carry their own space
        return before.rstrip(" ") + after if after[0] == "“" else before + after.lstrip(" ")
    meet = (before[-1], after[0])
    if (_HAN.match(meet[0]) and _LATIN.match(meet[1])) or (_LATIN.match(meet[0]) and _HAN.match(meet[1])):
        return f"{before} {after}"
    return before + after


def _is_one(value: Any) -> bool:
    try:
        return float(value) == 1
    except (TypeError, ValueError):
        return False


def quoted(value: Any) -> Texts | str:
    """A value the reader typed, quoted as each language quotes: 'abc' in English (escaped as
    Python's repr escapes it, so a control character shows as \\x1b), “abc” in Chinese."""
    if not isinstance(value, str):
        return repr(value)
    inner = repr(value)[1:-1]
    return Texts((("zh", f"“{inner}”"), ("en", repr(value))))


def enumerated(items: Any) -> Texts:
    """Ids or names in a row: ``a, b`` in English, ``a、b`` in Chinese (its enumeration comma)."""
    items = [str(item) for item in items]
    return Texts((("zh", "、".join(items)), ("en", ", ".join(items))))


def quoted_words(words: Any) -> Texts:
    """Words found in a text, each in quotation marks: "a", "b" in English, “a”、“b” in Chinese."""
    words = list(words)
    return Texts((("zh", "、".join(f"“{w}”" for w in words)), ("en", ", ".join(f'"{w}"' for w in words))))


def phrase(key: str, /, **values: Any) -> Phrase:
    """A message by its catalogue key; an unknown key is a programming error, caught here."""
    if key not in _catalogue():
        raise KeyError(f"no message '{key}' in lint/messages.yaml")
    return Phrase(key, tuple(values.items()))


def _data(value: Any) -> Any:
    if isinstance(value, Phrase):
        return value.as_data()
    if isinstance(value, Texts):
        return {"texts": dict(value.by_language)}
    return value


def _worded(value: Any, lang: str) -> Any:
    if isinstance(value, Phrase | Texts):
        return value.word(lang)
    if isinstance(value, float):
        return f"{value:g}"
    return value


def word(message: str | Phrase, lang: str) -> str:
    """A message in ``lang``: a phrase is worded, a plain string (from a rule not yet worded in
    both languages) is shown as written."""
    return message.word(lang) if isinstance(message, Phrase) else message


def did_you_mean(word: str, choices: Any) -> Phrase | str:
    """``; did you mean 'x'?`` for the closest of ``choices``, or nothing."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return phrase("hint.did_you_mean", name=close[0]) if close else ""


def os_reason(error: OSError) -> Texts | str:
    """Why the system refused, as ``Permission denied`` / ``权限不足``: the system words it in English
    only, so the common reasons are in the catalogue (``oserror.*``) and the rest stay as written."""
    import errno

    texts = _catalogue().get(f"oserror.{errno.errorcode.get(error.errno or 0, '')}")
    english = error.strerror or str(error)
    return Texts((("zh", texts["zh"]), ("en", english))) if texts else english


def listed(items: Any) -> Phrase | str:
    """Several problems in one sentence, joined by ``; `` (``；`` in zh)."""
    joined: Phrase | str = ""
    for item in items:
        joined = phrase("repository.reasons", first=joined, rest=item) if joined != "" else item
    return joined


def said(error: BaseException) -> Phrase | str:
    """What an error says: its phrase when it was raised with one (worded later, in the reader's
    language), else its text. For passing a core error on as a command's error."""
    first = error.args[0] if error.args else None
    return first if isinstance(first, Phrase) else str(error)


def namespace_name(namespace: str) -> Phrase | str:
    """What a kind of id is called in a sentence (``rating scale``, ``评分量表``)."""
    key = f"namespace.{namespace}"
    return Phrase(key) if key in _catalogue() else namespace
