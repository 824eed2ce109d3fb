"""Every rule cs-team knows: stable code, kebab-case name, severity, explanation, examples.

The documentation is data (catalogue.yaml, in zh and en). File- and schema-level
rules are raised by the loader; cross-file rules live in ``cs_team.lint.rules``,
one module each, and attach their check here with ``@rule(code)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

from cs_team.findings import Severity

if TYPE_CHECKING:
    from cs_team.playbook import Site


@dataclass
class Rule:
    code: str
    name: str
    severity: Severity
    summaries: dict[str, str]
    explanations: dict[str, str]
    bad: str
    good: str
    check: Callable | None = field(default=None, repr=False)

    @property
    def summary(self) -> str:
        return self.summaries["en"]

    @property
    def explanation(self) -> str:
        return self.explanations["en"]

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"

    def describe(self, languages: Iterable[str] = ("zh", "en")) -> str:
        """The full explanation with a bad and a good example, in the given languages."""
        parts = [f"{self.code} {self.name} ({self.severity.value})"]
        for lang in languages:
            if lang in self.summaries:
                parts.append(self.summaries[lang])
            if lang in self.explanations:
                parts.append(self.explanations[lang])
        parts += ["Bad / 反例:\n" + _indent(self.bad), "Good / 正例:\n" + _indent(self.good)]
        return "\n\n".join(parts) + "\n"

    def help_text(self) -> str:
        return self.describe(("en", "zh"))

    def help_markdown(self) -> str:
        texts = [self.explanations[lang] for lang in ("en", "zh") if lang in self.explanations]
        return "\n\n".join([*texts, "Bad:", _fence(self.bad), "Good:", _fence(self.good)])


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.rstrip("\n").split("\n")).rstrip("\n")


def _fence(text: str) -> str:
    return f"```yaml\n{text.rstrip()}\n```"


def _load_catalogue() -> dict[str, Rule]:
    """The rules' documentation lives in catalogue.yaml, beside this module, in zh and en."""
    import yaml

    text = (resources.files(__package__) / "catalogue.yaml").read_text(encoding="utf-8")
    entries = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {
        code: Rule(code, entry["name"], Severity(entry["severity"]), entry["summary"],
                   entry["explanation"], entry["bad"], entry["good"])
        for code, entry in entries.items()
    }


RULES: dict[str, Rule] = _load_catalogue()


@dataclass(frozen=True)
class Report:
    """What a rule's check says: where, and what is wrong there (and how to fix it)."""

    site: Site
    message: str
    key: bool = False
    """Point at the key rather than its value (e.g. at ``hiring_criteria:``)."""


def rule(code: str) -> Callable:
    """Attach a check function to the registered rule ``code``."""

    def attach(function: Callable) -> Callable:
        RULES[code].check = function
        return function

    return attach


def resolve_codes(names: Iterable[str]) -> tuple[set[str], list[str]]:
    """Map codes, names or code prefixes (``CS2``) to codes; also return the unknown ones."""
    codes: set[str] = set()
    unknown: list[str] = []
    for raw in names:
        name = raw.strip()
        matched = {
            c for c, r in RULES.items() if name.upper() == c or name == r.name
        } or {c for c in RULES if name.upper().startswith("CS") and c.startswith(name.upper())}
        if matched:
            codes |= matched
        else:
            unknown.append(name)
    return codes, unknown
