"""The one record every check produces: a problem at a place in a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from cs_team.wording import Phrase


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=False)
class Span:
    """1-based line and column of the first character, and of the one just past the end."""

    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1

    @classmethod
    def at_offset(cls, text: str | bytes, offset: int) -> Span:
        """The one character at ``offset`` of ``text``. In bytes (a file not yet decoded) the
        column counts the characters before it on its line, as an editor does."""
        newline = b"\n" if isinstance(text, bytes) else "\n"
        line = text.count(newline, 0, offset) + 1
        start = text.rfind(newline, 0, offset) + 1
        before = text[start:offset]
        width = len(before.decode("utf-8", errors="replace") if isinstance(before, bytes) else before)
        return cls(line, width + 1, line, width + 2)


@dataclass(frozen=True)
class Finding:
    path: str
    span: Span
    code: str
    severity: Severity
    message: str
    """In English; ``text(lang)`` words it in the reader's language."""
    rule: str = field(default="", compare=False)
    phrase: Phrase | None = field(default=None, compare=False)
    """The message as a catalogue phrase, when the check words it in every language."""

    def text(self, lang: str) -> str:
        return self.phrase.word(lang) if self.phrase is not None else self.message

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self) -> tuple:
        return (self.path, self.span.line, self.span.column, self.code, self.message)

    @staticmethod
    def from_dict(data: dict) -> Finding:
        """The inverse of as_dict (for the lint cache)."""
        span = Span(data["line"], data["column"], data["end_line"], data["end_column"])
        wording = Phrase.from_data(data["wording"]) if "wording" in data else None
        return Finding(data["path"], span, data["code"], Severity(data["level"]), data["message"],
                       data["rule"], wording)

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "level": self.severity.value,
            "code": self.code,
            "rule": self.rule,
            "message": self.message,
            **({"wording": self.phrase.as_data()} if self.phrase is not None else {}),
        }

    def report_dict(self, lang: str) -> dict:
        """What the JSON format shows: the message in ``lang``, without the cache's wording."""
        data = self.as_dict()
        data.pop("wording", None)
        data["message"] = self.text(lang)
        return data


def normalise(findings: list[Finding]) -> list[Finding]:
    """Sorted by place, exact repeats removed (a union or two rules may say the same thing)."""
    unique = dict.fromkeys(findings)
    return sorted(unique, key=Finding.sort_key)
