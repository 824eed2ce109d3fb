"""Results files people fill in (scorecards, training results, promotion records), as YAML, CSV or xlsx.

They are not playbook documents: they hold what happened to people, live wherever the team keeps
them, and are read only by the commands that score them. Every value keeps where it was written
(``file:line:column`` in YAML, ``file:row:column`` in CSV and xlsx), so each problem is reported
there, and all problems of all files are reported together, as lint does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from cs_team.inputs.kinds import KINDS
from cs_team.inputs.lists import ListedFile, read_listed
from cs_team.inputs.problems import Problems as _Problems
from cs_team.inputs.problems import ProblemsFound, Record, Value
from cs_team.inputs.tables import TABLE_SUFFIXES, is_table, read_table
from cs_team.wording import Phrase, phrase

M = TypeVar("M", bound=BaseModel)

__all__ = ["Problems", "Record", "ResultsError", "Value", "files_in", "is_table", "read_results_table",
           "read_results_yaml", "validated"]


class ResultsError(ProblemsFound):
    """Results files with problems: ``details`` holds one ``where: message`` line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems)
        self.args = (phrase("inputs.results_problems", count=len(problems)),)


class Problems(_Problems):
    def raise_any(self) -> None:
        if self.found:
            raise ResultsError(self.lines)


def files_in(paths: list[Path]) -> list[Path]:
    """The files given, with folders expanded to their YAML, CSV and xlsx files (sorted)."""
    suffixes = (".yaml", ".yml", *TABLE_SUFFIXES)
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes and p.is_file())
        else:
            files.append(path)
    return files


def read_results_yaml(path: Path, display: str, problems: Problems, kind: str, key: str,
                      item: Phrase | str, hint: object = "") -> ListedFile | None:
    """The file if it is ``kind: <kind>`` with a list under ``key``, else None (problem recorded)."""
    return read_listed(path, display, problems, KINDS[kind], key, item, hint)


def read_results_table(path: Path, display: str, problems: Problems, kind: str) -> list[Record]:
    """A CSV or xlsx results file's rows as records ([] with the problems recorded)."""
    table = read_table(path, display, problems, KINDS[kind])
    if table is None:
        return []
    table.check_widths(problems)
    return [r for r, (_, cells) in zip(table.records(), table.rows, strict=True)
            if len(cells) == len(table.header)]


def validated(record: Record, model: type[M], problems: Problems) -> M | None:
    """``record`` as ``model``, or None: each field that is not what the model says is a problem at
    its place, worded in the reader's language. The fields that are right are kept, so a record
    with one bad optional field still says what else is wrong with it."""
    values = {name: value.value for name, value in record.fields.items()}
    try:
        return model.model_validate(values)
    except ValidationError as error:
        errors = error.errors()
    names = list(model.model_fields)
    aliases = {name: field.alias or name for name, field in model.model_fields.items()}
    order = [aliases[n] for n in names]
    extras = [e for e in errors if e["type"] == "extra_forbidden"]
    others = sorted((e for e in errors if e["type"] != "extra_forbidden"),
                    key=lambda e: order.index(str(e["loc"][0])) if str(e["loc"][0]) in order else len(order))
    bad: set[str] = set()
    for found in [*extras, *others]:
        name = str(found["loc"][0])
        if name not in bad:
            bad.add(name)
            _say(record, name, found, sorted(order), problems)
    try:
        return model.model_validate({k: v for k, v in values.items() if k not in bad})
    except ValidationError:  # a required field was wrong: said above
        return None


def _say(record: Record, name: str, error: Any, allowed: list[str], problems: Problems) -> None:
    """What is wrong with one field, in zh and en."""
    value = record.get(name)
    kind, context = error["type"], error.get("ctx") or {}
    if kind == "extra_forbidden":
        from cs_team.wording import did_you_mean, word

        hint = word(did_you_mean(name, allowed), problems.lang)
        problems.say(record.at(name), f"未知字段“{name}”{hint or '；可用的字段：' + '、'.join(allowed)}",
                     f"unknown field '{name}'{hint or '; the fields are ' + ', '.join(allowed)}")
    elif kind == "missing" or value is None or (isinstance(value, str) and not value.strip()):
        problems.say(record.where, f"缺少 {name}", f"no {name}")
    elif kind == "number":
        problems.say(record.at(name), f"{name}“{value}”不是数字", f"{name} {value!r} is not a number")
    elif kind == "outside":
        number, low, high = context["number"], context["low"], context["high"]
        problems.say(record.at(name), f"{name} {number:g} 超出 {low:g}-{high:g} 的范围",
                     f"{name} {number:g} is outside {low:g}-{high:g}")
    else:
        problems.say(record.at(name), f"{name} {value!r} 无效：{error['msg']}",
                     f"{name} {value!r}: {error['msg']}")
