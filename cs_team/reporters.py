"""Findings as text for people, or in the formats CI systems and editors read.

Every reporter is a function from findings to one string. Machine formats are
plain strings, never printed through rich (it wraps lines at 80 columns when
stdout is not a terminal and would split a finding over several lines).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable

from cs_team import __version__
from cs_team.controls import escape_controls
from cs_team.findings import Finding, Severity
from cs_team.wording import Phrase, phrase

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def text(findings: list[Finding], colour: bool = False, lang: str = "en") -> str:
    """``path:line:col: CODE severity message [rule-name]``, one finding a line, in ``lang``."""
    from cs_team.rulebook import level_word

    lines = []
    for f in findings:
        place, message = f"{escape_controls(f.path)}:{f.line}:{f.column}:", escape_controls(f.text(lang))
        # a message not yet worded in every language keeps its line in English, level included
        level = level_word(f.severity.value, lang) if f.phrase else f.severity.value
        if colour:
            level = f"{_COLOURS[f.severity]}{level}{_RESET}"
            lines.append(f"{_BOLD}{place}{_RESET} {f.code} {level} {message} {_DIM}[{f.rule}]{_RESET}")
        else:
            lines.append(f"{place} {f.code} {level} {message} [{f.rule}]")
    return "".join(line + "\n" for line in lines)


def parsable(findings: list[Finding], lang: str = "en") -> str:
    """``path:line:col: level CODE message``: the shape editors' problem matchers expect (the
    level stays the English keyword they match on)."""
    return "".join(f"{escape_controls(f.path)}:{f.line}:{f.column}: {f.severity.value} {f.code} "
                   f"{escape_controls(f.text(lang))}\n" for f in findings)


def _escape_data(value: str) -> str:
    value = escape_controls(value)  # ESC and friends would reach the log raw; %0A is GitHub's own
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(findings: list[Finding], lang: str = "en") -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""
    lines = []
    for f in findings:
        properties = ",".join(f"{key}={_escape_property(str(value))}" for key, value in (
            ("file", f.path), ("line", f.line), ("col", f.column), ("endLine", f.span.end_line),
            ("endColumn", f.span.end_column), ("title", f.code)))
        lines.append(f"::{f.severity.value} {properties}::{_escape_data(f'{f.text(lang)} [{f.rule}]')}")
    return "".join(line + "\n" for line in lines)


def as_json(findings: list[Finding], lang: str = "en") -> str:
    """A list of ``{path, line, column, end_line, end_column, level, code, rule, message}``."""
    return json.dumps([f.report_dict(lang) for f in findings], ensure_ascii=False, indent=2) + "\n"


def sarif(findings: list[Finding], lang: str = "en") -> str:
    """SARIF 2.1.0, ready for GitHub code scanning (``upload-sarif``)."""
    from cs_team.rulebook import RULES  # the catalogue is read only for this format

    codes = list(RULES)
    rules = [{
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": rule.help_text(), "markdown": rule.help_markdown()},
        "defaultConfiguration": {"level": rule.severity.value},
    } for rule in RULES.values()]
    results = [{
        "ruleId": f.code,
        "ruleIndex": codes.index(f.code),
        "level": f.severity.value,
        "message": {"text": f.text(lang)},
        "locations": [{"physicalLocation": {
            "artifactLocation": _artifact(f.path),
            "region": {"startLine": f.line, "startColumn": f.column,
                       "endLine": f.span.end_line, "endColumn": f.span.end_column},
        }}],
    } for f in findings]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "cs-team", "version": __version__,
                                "semanticVersion": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _artifact(path: str) -> dict:
    """A SARIF artifact location: a percent-encoded URI reference (``坏 文件.yaml`` is not one)."""
    from urllib.parse import quote

    encoded = quote(os.fsencode(path), safe="/")  # undecodable file names keep their bytes
    if path.startswith("/"):
        return {"uri": f"file://{encoded}"}
    return {"uri": encoded, "uriBaseId": "%SRCROOT%"}


def summary(findings: list[Finding], files_checked: int, lang: str = "en") -> str:
    counts = Counter(f.severity for f in findings)
    files = len({f.path for f in findings})

    def count(n: int, word: str) -> Phrase:
        return phrase(f"count.{word}_{'one' if n == 1 else 'many'}", n=n)

    if not findings:
        return phrase("summary.clean", files=count(files_checked, "file")).word(lang)
    return phrase("summary.found", errors=count(counts[Severity.ERROR], "error"),
                  warnings=count(counts[Severity.WARNING], "warning"),
                  with_findings=count(files, "file"), files=files_checked).word(lang)


MACHINE_FORMATS: dict[str, Callable[[list[Finding], str], str]] = {
    "parsable": parsable, "github": github, "json": as_json, "sarif": sarif,
}


def resolve_format(requested: str) -> str:
    """``auto`` is ``github`` inside GitHub Actions and ``text`` everywhere else."""
    if requested != "auto":
        return requested
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
