"""Findings as text for people or JSON for tools. Plain strings: no terminal library here."""

from __future__ import annotations

import json
from collections import Counter

from cs_team.findings import Finding, Severity

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def text(findings: list[Finding], colour: bool = False) -> str:
    """``path:line:col: CODE severity message [rule-name]``, one finding a line."""
    lines = []
    for f in findings:
        place = f"{f.path}:{f.line}:{f.column}:"
        if colour:
            level = f"{_COLOURS[f.severity]}{f.severity.value}{_RESET}"
            lines.append(f"{_BOLD}{place}{_RESET} {f.code} {level} {f.message} {_DIM}[{f.rule}]{_RESET}")
        else:
            lines.append(f"{place} {f.code} {f.severity.value} {f.message} [{f.rule}]")
    return "".join(line + "\n" for line in lines)


def summary(findings: list[Finding], files_checked: int) -> str:
    counts = Counter(f.severity for f in findings)
    files = len({f.path for f in findings})

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    if not findings:
        return f"All clear: {plural(files_checked, 'file')} checked, no problems."
    return (f"Found {plural(counts[Severity.ERROR], 'error')} and "
            f"{plural(counts[Severity.WARNING], 'warning')} in {plural(files, 'file')} "
            f"({files_checked} checked).")


def as_json(findings: list[Finding]) -> str:
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"
