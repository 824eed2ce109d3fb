"""Every rule cs-team knows (stable code, kebab-case name, severity, texts) and the one way to
make a finding from a code.

This module sits below everything: the parser, the loader and the lint rules all report
through it, and it imports nothing of cs-team but the finding record. The texts are data
(``lint/catalogue.yaml``, in zh and en), read once on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

from cs_team.findings import Finding, Severity, Span
from cs_team.wording import Phrase

if TYPE_CHECKING:
    RULES: dict[str, Rule]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summaries: dict[str, str]
    explanations: dict[str, str]
    bad: str
    good: str

    @property
    def summary(self) -> str:
        return self.summaries["en"]

    @property
    def explanation(self) -> str:
        return self.explanations["en"]

    def describe(self, languages: Iterable[str] = ("zh", "en")) -> str:
        """The full explanation with a bad and a good example, in the given languages."""
        languages = list(languages)
        words = [_WORDS[lang] for lang in languages if lang in _WORDS] or [_WORDS["en"]]

        def said(key: str) -> str:
            return " / ".join(dict.fromkeys(w[key] for w in words))

        level = said(self.severity.value)
        parts = [f"{self.code} {self.name} ({level})"]
        for lang in languages:
            if lang in self.summaries:
                parts.append(self.summaries[lang])
            if lang in self.explanations:
                parts.append(self.explanations[lang])
        parts += [f"{said('bad')}:\n" + _indent(self.bad), f"{said('good')}:\n" + _indent(self.good)]
        return "\n\n".join(parts) + "\n"

    def help_text(self) -> str:
        return self.describe(("en", "zh"))

    def help_markdown(self) -> str:
        texts = [self.explanations[lang] for lang in ("en", "zh") if lang in self.explanations]
        return "\n\n".join([*texts, "Bad:", _fence(self.bad), "Good:", _fence(self.good)])


_WORDS = {"en": {"error": "error", "warning": "warning", "bad": "Bad", "good": "Good"},
          "zh": {"error": "错误", "warning": "警告", "bad": "反例", "good": "正例"}}


def level_word(level: str, lang: str) -> str:
    """``error``/``warning`` as a line in ``lang`` says it (错误/警告 in zh)."""
    return _WORDS.get(lang, _WORDS["en"])[level]


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.rstrip("\n").split("\n")).rstrip("\n")


def _fence(text: str) -> str:
    return f"```yaml\n{text.rstrip()}\n```"


def _load_catalogue() -> dict[str, Rule]:
    """The texts stay in lint/catalogue.yaml, where rule authors add them (a data file: no import)."""
    import yaml

    text = (resources.files("cs_team") / "lint" / "catalogue.yaml").read_text(encoding="utf-8")
    entries = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {
        code: Rule(code, entry["name"], Severity(entry["severity"]), entry["summary"],
                   entry["explanation"], entry["bad"], entry["good"])
        for code, entry in entries.items()
    }


class RuleName(NamedTuple):
    name: str
    severity: str


_HEAD = re.compile(r"^(CS\d+):\n  name: ([a-z0-9-]+)\n  severity: (error|warning)$", re.MULTILINE)


@cache
def rule_names() -> dict[str, RuleName]:
    """Code -> name and severity, read from the catalogue's text without a YAML parser: a cached
    lint checks its stored findings against them and needs nothing else of the catalogue (a
    test checks this agrees with RULES)."""
    text = (resources.files("cs_team") / "lint" / "catalogue.yaml").read_text(encoding="utf-8")
    return {code: RuleName(name, severity) for code, name, severity in _HEAD.findall(text)}


@cache
def all_rules() -> dict[str, Rule]:
    return _load_catalogue()


def __getattr__(name: str) -> dict[str, Rule]:
    """``RULES``, every rule with its texts, read from the catalogue on first use (a cached lint
    and every --help never use it)."""
    if name == "RULES":
        return all_rules()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def make_finding(path: str, span: Span, code: str, message: str | Phrase) -> Finding:
    """A finding of rule ``code`` at ``path``/``span``: severity and name come from the catalogue.
    A phrase is kept to be worded in the reader's language; its English is the plain message."""
    rule = all_rules()[code]
    if isinstance(message, Phrase):
        return Finding(path, span, code, rule.severity, message.word("en"), rule.name, message)
    return Finding(path, span, code, rule.severity, message, rule.name)


def resolve_codes(names: Iterable[str]) -> tuple[set[str], list[str]]:
    """Map codes, names or code prefixes (``CS2``) to codes; also return the unknown ones."""
    codes: set[str] = set()
    unknown: list[str] = []
    for raw in names:
        name = raw.strip()
        matched = {
            c for c, r in all_rules().items() if name.upper() == c or name == r.name
        } or {c for c in all_rules() if name.upper().startswith("CS") and c.startswith(name.upper())}
        if matched:
            codes |= matched
        else:
            unknown.append(name)
    return codes, unknown
