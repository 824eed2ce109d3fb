"""Reading KPI exports (KPI 导出, CSV or xlsx): one row per agent and period, validated by
``cs_team.model.kpi_export.KpiRow``, every problem of every file at its ``file:row:column``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cs_team.inputs.kinds import KINDS, Kind
from cs_team.inputs.problems import Problems, Record, place
from cs_team.inputs.tables import is_table, read_table
from cs_team.model.kpi import KPI_FIELDS
from cs_team.model.kpi_export import KpiRow, kpi_bounds

KIND = KINDS["kpi-export"]
REQUIRED = ("agent", "role", "period", "contacts")


def read_kpi_exports(files: list[tuple[Path, str]], problems: Problems,
                     roles: set[str] | None = None) -> list[Any]:
    """Every row of every ``(path, display)`` as a KpiRow, sorted by agent then period; problems are
    recorded, not raised (the caller reports them with those of its other inputs). ``roles``, when
    given, are the role ids the repository has."""
    rows: list[Any] = []
    seen: dict[tuple[str, str], str] = {}
    for path, display in files:
        for record in table_records(path, display, problems, KIND, REQUIRED):
            row = _row(record, problems, roles)
            if row is None:
                continue
            key = (row.agent, row.period)
            if key in seen:
                problems.say(record.at("period"), f"{row.agent}在 {row.period} 已有一行（{seen[key]}）",
                             f"{row.agent} already has a row for {row.period} ({seen[key]})")
                continue
            seen[key] = record.where
            rows.append(row)
    return sorted(rows, key=lambda r: (r.agent, r.period))


def table_records(path: Path, display: str, problems: Problems, kind: Kind, required: tuple[str, ...],
                  known: set[str] | None = None) -> list[Record]:
    """The rows of a table of ``kind`` whose header has the ``required`` columns and only ``known``
    ones (default: the kind's); a missing or unknown column is one problem at the header."""
    if not is_table(path):
        problems.say(display, f"只读取 CSV 或 xlsx 格式的{kind.name('zh')}",
                     f"a {kind.name('en')} is read as CSV or xlsx")
        return []
    table = read_table(path, display, problems, kind)
    if table is None:
        return []
    header_row = 1  # read_table refuses a file whose header is not its first row with content
    allowed = set(kind.columns) if known is None else known
    bad = False
    for column, name in enumerate(table.header, 1):
        if name and name not in allowed:
            from cs_team.wording import did_you_mean, word

            hint = word(did_you_mean(name, sorted(allowed)), problems.lang)
            problems.say(place(display, header_row, column), f"未知的列“{name}”{hint}",
                         f"unknown column '{name}'{hint}")
            bad = True
    missing = [kind.label(c, problems.lang) for c in required if c not in table.header]
    if missing:
        problems.say(place(display, header_row), "缺少列：" + "、".join(missing),
                     ("missing column: " if len(missing) == 1 else "missing columns: ") + ", ".join(missing))
        bad = True
    table.check_widths(problems)
    if bad:
        return []
    return [r for r, (_, cells) in zip(table.records(), table.rows, strict=True)
            if len(cells) == len(table.header)]


def _row(record: Record, problems: Problems, roles: set[str] | None) -> Any:
    values = {name: value.value for name, value in record.fields.items() if value.value is not None}
    role = values.get("role")
    unknown_role = roles is not None and isinstance(role, str) and role not in roles
    if unknown_role:
        from cs_team.wording import did_you_mean, word

        hint = word(did_you_mean(role, sorted(roles or ())), problems.lang)
        problems.say(record.at("role"), f"没有编号为“{role}”的岗位{hint}",
                     f"no role has the id '{role}'{hint}")
    try:
        row = KpiRow.model_validate(values)
    except ValidationError as error:
        reported = {"role"} if unknown_role else set()
        order = list(record.fields)
        columns = sorted({str(found["loc"][0]) for found in error.errors()},
                         key=lambda c: order.index(c) if c in order else len(order))
        for column in columns:
            if column not in reported:
                reported.add(column)
                problems.say(record.at(column), *_message(column, values.get(column)))
        return None
    return None if unknown_role else row


def _message(column: str, value: object) -> tuple[str, str]:
    """What is wrong with a cell, in zh and en."""
    label = KIND.columns[column]
    if value is None:
        return f"缺少{label[0]}", f"no {label[1].lower() if column in REQUIRED else column}"
    shown, said = f"'{value}'", f"“{value}”"  # quoted as English, as Chinese quotes
    if column == "agent":
        return f"客服姓名{said}应是一行文字", f"agent {shown} must be one line of text"
    if column == "role":
        return f"岗位{said}应是岗位编号（如 agent-1）", f"role {shown} must be a role id (e.g. agent-1)"
    if column == "period":
        return (f"周期{said}应为 ISO 周（如 2026-W40）或月份（如 2026-10）",
                f"period {shown} is neither an ISO week (2026-W40) nor a month (2026-10)")
    if column == "contacts":
        return f"接待量{said}应为不小于 0 的整数", f"contacts {shown} must be a whole number, 0 or more"
    low, high = kpi_bounds(column)
    unit = KPI_FIELDS[column][0]
    if high is None:
        return (f"{label[0]}{said}应为不小于 {low:g} 的数",
                f"{column} {shown} must be a number, {low:g} or more")
    percent = unit == "percent"
    return (f"{label[0]}{said}应为 {low:g} 到 {high:g} 之间的数" + ("（85 表示 85%）" if percent else ""),
            f"{column} {shown} must be a number from {low:g} to {high:g}"
            + (" (85 for 85 %)" if percent else ""))
