"""Side files as tables: CSV (any line ends) and xlsx, header first, one record a row.

Both give the same thing: the header's column names (a form's printed labels, in either language,
read as the names) and, per row, its cells with their places (``file:row:column``). CSV cells are
text; xlsx cells keep their type (a number, a date), so a filled workbook needs no re-typing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cs_team.inputs.encoding import decode
from cs_team.inputs.files import read_bytes
from cs_team.inputs.kinds import Kind, canonical, mismatch
from cs_team.inputs.problems import Problems, Record, Value, place

TABLE_SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm")


@dataclass
class Table:
    display: str
    header: list[str]
    rows: list[tuple[int, list[Any]]]
    """(row number in the file, its cells), blank rows left out."""

    def records(self) -> list[Record]:
        """Each row as a record; a row of the wrong width is left to ``check_widths``."""
        records = []
        for number, cells in self.rows:
            record = Record(place(self.display, number))
            for column, (name, cell) in enumerate(zip(self.header, cells, strict=False), 1):
                if name:
                    record.fields[name] = Value(cell, place(self.display, number, column))
            records.append(record)
        return records

    def check_widths(self, problems: Problems) -> None:
        names = ", ".join(n for n in self.header if n)
        for number, cells in self.rows:
            if len(cells) != len(self.header):
                problems.say(place(self.display, number),
                             f"本行有 {len(cells)} 个值，表头有 {len(self.header)} 列（{names}）",
                             f"{len(cells)} values for {len(self.header)} columns ({names})")


def is_table(path: Path) -> bool:
    return path.suffix.lower() in TABLE_SUFFIXES


def read_table(path: Path, display: str, problems: Problems, kind: Kind, raw: bool = False) -> Table | None:
    """The file as a table of ``kind``, or None with the problems recorded (a file of another
    kind is one problem, not one per column). ``raw`` keeps CSV cells as written (a forecast of
    100,000 rows strips only the cells it reads); otherwise cells are stripped, empty ones None."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from cs_team.inputs.workbook import read_rows

        raw_rows = read_rows(path, display, problems)
    else:
        raw_rows = _csv_rows(path, display, problems)
    if raw_rows is None:
        return None
    if not raw_rows:
        problems.say(display, "文件是空的：第一行应是列名", "empty file; the first row names the columns")
        return None
    (header_row, header), rest = raw_rows[0], raw_rows[1:]
    header_text = ["" if cell is None else str(cell) for cell in header]
    other = mismatch(kind, header_text, problems.lang)
    if other is not None:
        problems.add(place(display, header_row), other)
        return None
    names = [canonical(cell, kind) for cell in header_text]
    while names and not names[-1]:  # spreadsheets leave empty header cells at the right
        names.pop()
    if raw:
        rows = rest  # blank lines ([]) are the reader's to skip
    else:
        rows = [(number, _trim(cells, len(names))) for number, cells in rest if any(map(_filled, cells))]
    return Table(display, names, rows)


def _filled(cell: Any) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _trim(cells: list[Any], width: int) -> list[Any]:
    """Cells stripped (empty ones as None), and empty cells past the header's width dropped."""
    values = [None if not _filled(c) else c.strip() if isinstance(c, str) else c for c in cells]
    while len(values) > width and values[-1] is None:
        values.pop()
    return values


def _csv_rows(path: Path, display: str, problems: Problems) -> list[tuple[int, list[Any]]] | None:
    raw = read_bytes(path, display, problems)
    if raw is None:
        return None
    text = decode(raw, display, problems)
    if text is None:
        return None
    # Rows are numbered as a spreadsheet shows them: a quoted cell with a line break is one row.
    # newline="" splits on CRLF, LF and CR alike and leaves line breaks inside quoted cells alone.
    rows = enumerate(csv.reader(io.StringIO(text, newline="")), 1)
    try:
        return list(rows)
    except csv.Error as error:
        problems.say(display, f"CSV 格式错误：{error}", f"CSV syntax error: {error}")
        return None
