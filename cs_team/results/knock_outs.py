"""A scorecard's knock-outs: each asked knock-out passed or failed, read from YAML or CSV.

YAML lists them under ``knock_outs`` as ``{question, result, evidence}``; CSV gives each a row
with ``knock_out`` and ``result`` instead of ``competency`` and ``rating``. A result is pass or
fail, in either language (符合 / 不符合), or YAML's yes / no. One failed knock-out makes the
candidate not eligible whatever the weighted score (``scoring``); none is required on a card,
since one interviewer usually asks them.
"""

from __future__ import annotations

from dataclasses import dataclass

from cs_team.inputs.lists import ListedFile
from cs_team.model.role import Role
from cs_team.playbook import Playbook
from cs_team.results.records import Problems, Record
from cs_team.wording import did_you_mean, phrase, quoted

ITEM = "{question, result, evidence}"
RESULTS = {"pass": True, "passed": True, "符合": True, "通过": True, "yes": True, "y": True,
           "fail": False, "failed": False, "不符合": False, "未通过": False, "no": False, "n": False}


@dataclass(frozen=True)
class KnockOutResult:
    question: str
    passed: bool
    evidence: str | None
    where: str


def asked(playbook: Playbook, role: Role) -> list[str]:
    """The knock-outs the role's kit asks, by id, in order."""
    from cs_team.interview import asked_knock_outs

    return [q.id for q in asked_knock_outs(playbook, role)]


def passed(value: object) -> bool | None:
    """True for pass, False for fail, None for anything else; "符合 / Pass" as a zh-en form prints it."""
    if isinstance(value, bool):
        return value
    words = {RESULTS.get(part.strip().lower()) for part in str(value).split("/")}
    return words.pop() if len(words) == 1 else None


def from_yaml(found: ListedFile, problems: Problems) -> list[Record]:
    """The ``knock_outs`` entries of a YAML scorecard, as records (``question``, ``result``)."""
    listed = found.head.get("knock_outs")
    if listed is None or found.file is None:
        return []
    if not isinstance(listed, list):
        problems.add(found.head.at("knock_outs"), phrase("results.knock_outs_list", item=ITEM))
        return []
    records = []
    for i, value in enumerate(listed):
        if not isinstance(value, dict):
            problems.add(found.file.where(("knock_outs", i)), phrase("results.knock_outs_item", item=ITEM))
            continue
        records.append(found.file.record(value, ("knock_outs", i)))
    return records


def is_knock_out(row: Record) -> bool:
    """A CSV row about a knock-out rather than a competency."""
    value = row.get("knock_out")
    return value is not None and str(value).strip() != ""


@dataclass(frozen=True)
class Check:
    """A knock-out as a scorecard records it (its fields validated), and where."""

    record: Record
    question: str
    result: object
    evidence: str | None
    key: str
    """The field naming the question: ``question`` in YAML, ``knock_out`` in CSV."""


def read(playbook: Playbook, role: Role, checks: list[Check],
         problems: Problems) -> dict[str, KnockOutResult]:
    """Question id -> its result (every problem recorded)."""
    known = asked(playbook, role)
    results: dict[str, KnockOutResult] = {}
    for check in checks:
        row, question, key = check.record, check.question, check.key
        if question not in known:
            hint = did_you_mean(question, known) or (
                phrase("results.kit_asks", role=role.id, known=", ".join(known)) if known
                else phrase("results.kit_asks_none", role=role.id))
            problems.add(row.at(key), phrase("results.not_a_knock_out", question=question, role=role.id,
                                             hint=hint))
            continue
        if question in results:
            problems.add(row.at(key), phrase("results.knock_out_twice", question=question,
                                             first=results[question].where))
            continue
        value = check.result
        if value is None or str(value).strip() == "":
            continue  # not asked by this interviewer
        verdict = passed(value)
        if verdict is None:
            problems.add(row.at("result"), phrase("results.knock_out_result", value=quoted(value),
                                                  question=question))
            continue
        results[question] = KnockOutResult(question, verdict, check.evidence, row.at("result"))
    return results
