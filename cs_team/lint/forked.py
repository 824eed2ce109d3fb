"""The near-duplicate rule in a second process while the parent runs the other rules.

CS209 is the largest rule of a large repository (a third of the rules' time on 2,000 files)
and reads only the question texts. Forked once the playbook is built, a child has it already
and returns only findings, so the fork pays from a couple of thousand questions on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from cs_team import forking
from cs_team.findings import Finding
from cs_team.playbook import Playbook

Make = Callable[[str], list[Finding]]
"""The findings of one rule code."""

FORKED_CODES = ("CS209",)

MIN_QUESTIONS = 2000
"""Below this many questions CS209 takes too little time for a fork to pay."""


def worth_forking(playbook: Playbook) -> bool:
    return len(playbook.questions) >= MIN_QUESTIONS and forking.can_fork()


def run_codes(codes: Iterable[str], make: Make, fork: bool) -> dict[str, list[Finding]]:
    """Every code's findings; those of FORKED_CODES in a child process when ``fork``."""
    codes = list(codes)
    shared = [code for code in codes if code in FORKED_CODES] if fork else []
    child = forking.start(lambda: {code: make(code) for code in shared}) if shared else None
    if child is None:
        shared = []
    try:
        found = {code: make(code) for code in codes if code not in shared}
    except BaseException:
        if child is not None:
            child.close()
        raise
    if child is not None:
        from_child = child.result()
        found.update(from_child if from_child is not None else {code: make(code) for code in shared})
    return found
