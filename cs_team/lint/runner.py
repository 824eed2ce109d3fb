"""Run the cross-file rules over a loaded repository and gather every finding."""

from __future__ import annotations

from collections.abc import Iterable

from cs_team.findings import Finding, normalise
from cs_team.lint import rules as _rules  # noqa: F401  (registers every rule's check)
from cs_team.lint import suppression
from cs_team.lint.registry import RULES, Report
from cs_team.loader import Repository
from cs_team.playbook import Playbook


def _finding(code: str, report: Report) -> Finding:
    rule = RULES[code]
    span = report.site.span(key=report.key)
    return Finding(report.site.document.display, span, code, rule.severity, report.message, rule.name)


def run(repo: Repository, select: set[str] | None = None, ignore: Iterable[str] = ()) -> list[Finding]:
    """All findings of the repository: the loader's and every enabled rule's."""
    skipped = set(ignore) | repo.ignored

    def enabled(code: str) -> bool:
        return code not in skipped and (select is None or code in select)

    findings = [f for f in repo.findings if enabled(f.code)]
    playbook = Playbook(repo)
    for code, rule in RULES.items():
        if rule.check is not None and enabled(code):
            findings.extend(_finding(code, report) for report in rule.check(playbook))
    files = [d.parsed for d in repo.documents]
    if repo.config_file is not None:
        files.append(repo.config_file)
    return normalise(suppression.apply(findings, files, {c for c in RULES if enabled(c)}))
