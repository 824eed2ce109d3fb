"""One problem type for side files, and the collector that reports them all at once.

A problem's place is ``file:row:column`` (CSV, xlsx) or ``file:line:column`` (YAML); the row or
the column is left out when it is unknown. Problems are collected per command so that every
problem of every file is reported before anything is computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cs_team.errors import InputError
from cs_team.wording import Phrase, phrase


class ProblemsFound(InputError):
    """Side files with problems: ``details`` holds one ``where: message`` line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(phrase("inputs.problems", count=len(problems)))
        self.details = tuple(problems)


def place(display: str, row: int | None = None, column: int | None = None) -> str:
    """``file:row:column``, ``file:row`` or ``file``."""
    if row is None:
        return display
    return f"{display}:{row}" if column is None else f"{display}:{row}:{column}"


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class Value:
    value: Any
    where: str


@dataclass
class Record:
    """One row (CSV, xlsx) or mapping (YAML): its fields, each with its place."""

    where: str
    fields: dict[str, Value] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        return self.fields[name].value if name in self.fields else None

    def at(self, name: str) -> str:
        return self.fields[name].where if name in self.fields else self.where


@dataclass
class Problems:
    """Every problem found so far, in order; ``lang`` (zh or en) is the language of the layer's
    own messages (encoding, size, kind of file)."""

    lang: str = "en"
    found: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Things the user should know that do not stop the command (a file read as GB18030)."""

    @property
    def lines(self) -> list[str]:
        return [str(p) for p in self.found]

    def add(self, where: str, message: str | Phrase) -> None:
        """A problem; a phrase is worded in the layer's language."""
        self.found.append(Problem(where, message.word(self.lang) if isinstance(message, Phrase) else message))

    def say(self, where: str, zh: str, en: str) -> None:
        """A problem worded in the user's language."""
        self.add(where, zh if self.lang == "zh" else en)

    def raise_any(self) -> None:
        if self.found:
            raise ProblemsFound(self.lines)


def language_of(mode: object, default: str = "en") -> str:
    """zh or en for the layer's messages: the --lang given (an enum or text; zh-en reads as zh),
    else ``CS_TEAM_LANG``, else the repository's default language (the reader's order)."""
    from cs_team.reader import environment_language

    chosen = getattr(mode, "value", mode) or environment_language() or default
    return "en" if chosen == "en" else "zh"
