"""Per-line suppression: ``# cs-team: disable CODE[,CODE] -- reason``.

A trailing comment covers its own line; a comment alone on a line covers the
next line that holds something. Fair-hiring rules (CS3xx) are suppressed only
with a reason, so that reviewers can see why a sensitive question is acceptable.
A suppression that suppresses nothing is reported, so it cannot hide a future problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cs_team.findings import Finding, Span
from cs_team.rulebook import make_finding, resolve_codes
from cs_team.source import ParsedFile
from cs_team.wording import phrase

_COMMENT = re.compile(r"#\s*cs-team:\s*disable\s+(?P<codes>[\w\s,.-]+?)\s*(?:--\s*(?P<reason>.*?))?\s*$")
REASON_REQUIRED_PREFIX = "CS3"


@dataclass
class Suppression:
    line: int
    """The line it covers."""
    comment_span: Span
    codes: set[str]
    reason: str
    unknown: list[str]
    used: set[str] = field(default_factory=set)


def read(text: str) -> list[Suppression]:
    """The suppression comments of a file, cheaply: most files have none."""
    if "cs-team:" not in text:
        return []
    lines = text.split("\n")
    found = []
    for index, line in enumerate(lines):
        match = _COMMENT.search(line)
        if not match:
            continue
        codes, unknown = resolve_codes(c for c in re.split(r"[\s,]+", match.group("codes")) if c)
        covered = index
        if not line[: match.start()].strip():  # alone on its line: covers the next one with content
            covered = next((i for i in range(index + 1, len(lines))
                            if lines[i].strip() and not lines[i].lstrip().startswith("#")), index)
        column = match.start() + 1
        span = Span(index + 1, column, index + 1, len(line) + 1)
        found.append(Suppression(covered + 1, span, codes, (match.group("reason") or "").strip(), unknown))
    return found


def apply(findings: list[Finding], files: list[ParsedFile], enabled: set[str]) -> list[Finding]:
    """``findings`` less the suppressed ones, plus findings about the suppressions themselves."""
    by_place: dict[tuple[str, int], list[Suppression]] = {}
    for parsed in files:
        for suppression in read(parsed.text or ""):
            by_place.setdefault((parsed.display, suppression.line), []).append(suppression)
    if not by_place:
        return findings
    kept, extra = [], []
    for finding in findings:
        holders = [s for s in by_place.get((finding.path, finding.line), ()) if finding.code in s.codes]
        if not holders:
            kept.append(finding)
            continue
        holder = holders[0]
        holder.used.add(finding.code)
        if finding.code.startswith(REASON_REQUIRED_PREFIX) and not holder.reason:
            kept.append(finding)
            extra.append(make_finding(finding.path, holder.comment_span, "CS011",
                                      phrase("suppression.needs_reason", code=finding.code)))
    for (path, _), suppressions in by_place.items():
        for s in suppressions:
            for name in s.unknown:
                extra.append(make_finding(path, s.comment_span, "CS012",
                                          phrase("suppression.no_rule", name=name)))
            unused = sorted((s.codes & enabled) - s.used)
            if unused:
                extra.append(make_finding(path, s.comment_span, "CS012",
                                          phrase("suppression.unused", codes=", ".join(unused))))
    return kept + [f for f in extra if f.code in enabled]
