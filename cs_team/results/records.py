"""Results files people fill in (scorecards, training results, promotion records), as YAML or CSV.

They are not playbook documents: they hold what happened to people, live wherever the team keeps
them, and are read only by the commands that score them. Every value keeps where it was written
(``file:line:column`` in YAML, ``file:row`` in CSV), so each problem is reported there, and all
problems of all files are reported together, as lint does.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cs_team.errors import InputError


class ResultsError(InputError):
    """Results files with problems: ``problems`` holds one ``where: message`` line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the results files; nothing was scored")
        self.details = tuple(problems)


@dataclass
class Value:
    value: Any
    where: str


@dataclass
class Record:
    """One row or mapping: its fields, each with its place."""

    where: str
    fields: dict[str, Value] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        return self.fields[name].value if name in self.fields else None

    def at(self, name: str) -> str:
        return self.fields[name].where if name in self.fields else self.where


@dataclass
class Problems:
    lines: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.lines.append(f"{where}: {message}")

    def raise_any(self) -> None:
        if self.lines:
            raise ResultsError(self.lines)


def files_in(paths: list[Path]) -> list[Path]:
    """The files given, with folders expanded to their *.yaml, *.yml and *.csv (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in (".yaml", ".yml", ".csv"))
        else:
            files.append(path)
    return files


def display_name(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return str(path)


def read_yaml(path: Path, display: str, problems: Problems) -> tuple[Any, Any] | None:
    """(data, node) of a YAML results file, or None (with the syntax problem recorded)."""
    from cs_team.source import parse_file

    parsed = parse_file(path, display)
    errors = [f for f in parsed.findings if f.severity.value == "error"]
    for finding in errors:
        problems.add(f"{display}:{finding.line}:{finding.column}", finding.message)
    if errors or not parsed.has_document:
        if not errors:
            problems.add(display, "empty file")
        return None
    return parsed.data, parsed.node


def where_in(display: str, node: Any, path: tuple) -> str:
    from cs_team.locate import span_at

    span = span_at(node, path)
    return f"{display}:{span.line}:{span.column}"


@dataclass
class ResultsYaml:
    """A YAML results file: its top mapping, and the mappings listed under one key."""

    head: Record
    items: list[Record]


def read_results_yaml(path: Path, display: str, problems: Problems, kind: str, key: str,
                      item: str, hint: str = "") -> ResultsYaml | None:
    """The file if it is ``kind: <kind>`` with a list under ``key`` (each a mapping, described as
    ``item`` when one is not), else None with the problem recorded."""
    if not path.is_file():
        problems.add(display, "no such file")
        return None
    parsed = read_yaml(path, display, problems)
    if parsed is None:
        return None
    data, node = parsed
    if not isinstance(data, dict) or data.get("kind") != kind:
        problems.add(where_in(display, node, ()), f"not a {kind} file: it starts with `kind: {kind}`{hint}")
        return None
    head = yaml_record(display, node, data, ())
    listed = data.get(key)
    if not isinstance(listed, list):
        problems.add(head.at(key), f"{key} is a list of {item}")
        return ResultsYaml(head, [])
    items = []
    for i, value in enumerate(listed):
        if isinstance(value, dict):
            items.append(yaml_record(display, node, value, (key, i)))
        else:
            problems.add(where_in(display, node, (key, i)), f"each of {key} is {item}")
    return ResultsYaml(head, items)


def yaml_record(display: str, node: Any, data: dict, path: tuple) -> Record:
    record = Record(where_in(display, node, path))
    for key, value in data.items():
        record.fields[str(key)] = Value(value, where_in(display, node, (*path, key)))
    return record


def read_csv(path: Path, display: str, problems: Problems) -> list[Record]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except UnicodeDecodeError:
        problems.add(display, "not UTF-8 text; save the CSV as UTF-8")
        return []
    except FileNotFoundError:
        problems.add(display, "no such file")
        return []
    except (OSError, csv.Error) as error:
        problems.add(display, f"cannot be read: {error}")
        return []
    if not rows:
        problems.add(display, "empty file; the first row names the columns")
        return []
    header = [h.strip().lower() for h in rows[0]]
    records = []
    for number, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"{display}:{number}"
        if len(row) != len(header):
            problems.add(where, f"{len(row)} values for {len(header)} columns ({', '.join(header)})")
            continue
        record = Record(where)
        for name, cell in zip(header, row, strict=True):
            record.fields[name] = Value(cell.strip() or None, where)
        records.append(record)
    return records


def number(record: Record, name: str, problems: Problems, low: float, high: float,
           required: bool = True) -> float | None:
    """A numeric field within [low, high], from YAML (a number) or CSV (text)."""
    value = record.get(name)
    if value is None:
        if required:
            problems.add(record.where, f"no {name}")
        return None
    if isinstance(value, bool):
        problems.add(record.at(name), f"{name} {value!r} is not a number")
        return None
    try:
        result = float(value)
    except (TypeError, ValueError):
        problems.add(record.at(name), f"{name} {value!r} is not a number")
        return None
    if not low <= result <= high:
        problems.add(record.at(name), f"{name} {result:g} is outside {low:g}-{high:g}")
        return None
    return result


def text(record: Record, name: str, problems: Problems, required: bool = True) -> str | None:
    value = record.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.add(record.where, f"no {name}")
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def unknown_fields(record: Record, allowed: set[str], problems: Problems) -> None:
    for name in record.fields:
        if name not in allowed:
            from cs_team.validation import suggest

            hint = suggest(name, sorted(allowed)) or f"; the fields are {', '.join(sorted(allowed))}"
            problems.add(record.at(name), f"unknown field '{name}'{hint}")
