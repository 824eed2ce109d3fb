"""Run the cross-file rules over a loaded repository and gather every finding."""

from __future__ import annotations

from collections.abc import Iterable

from cs_team.findings import Finding, normalise
from cs_team.forking import Child
from cs_team.lint import suppression
from cs_team.lint.registry import Report
from cs_team.lint.rules import CHECKS, OFFLOADS
from cs_team.loader import Repository
from cs_team.playbook import Playbook
from cs_team.rulebook import RULES, make_finding


def _finding(code: str, report: Report) -> Finding:
    span = report.site.span(key=report.key)
    return make_finding(report.site.document.display, span, code, report.message)


def run(repo: Repository, select: set[str] | None = None, ignore: Iterable[str] = (),
        worker: Child | None = None) -> list[Finding]:
    """All findings of the repository: the loader's and every enabled rule's.

    ``worker``: a child process that may compute the pure part of some checks meanwhile.
    """
    skipped = set(ignore) | repo.ignored

    def enabled(code: str) -> bool:
        return code not in skipped and (select is None or code in select)

    findings = [f for f in repo.findings if enabled(f.code)]
    playbook = Playbook(repo)
    offloaded = []
    if worker is not None:
        offloaded = [code for code in OFFLOADS if enabled(code)]
        for code in offloaded:
            OFFLOADS[code](playbook, worker)
    for code in [c for c in CHECKS if c not in offloaded] + offloaded:
        if enabled(code):
            findings.extend(_finding(code, report) for report in CHECKS[code](playbook))
    files = [d.parsed for d in repo.documents]
    if repo.config_file is not None:
        files.append(repo.config_file)
    return normalise(suppression.apply(findings, files, {c for c in RULES if enabled(c)}))
