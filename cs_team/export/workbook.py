"""The one xlsx writer: titled tables, one sheet each, with drop-downs and date cells where asked.

Reports (``score``, ``training-results``, ``promotion-rank``, and any other command with tables)
and blank forms both come through ``workbook_bytes``. Text is always a text cell: a candidate
named ``=HYPERLINK(...)`` is shown, never run (openpyxl would otherwise store it as a formula),
and characters XML cannot hold are dropped. The bytes are the same for the same tables: the
workbook's timestamps and the zip entries' dates are fixed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field

FIXED_TIME = dt.datetime(2000, 1, 1)
"""The created and modified time written into every workbook, so that its bytes are reproducible."""
FORMATS = {"date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm"}
"""How date cells show, whatever the machine's locale (ISO, which cs-team reads back as typed too)."""
MAX_TITLE = 31
"""Excel's limit on a sheet name."""


@dataclass(frozen=True)
class Column:
    title: str
    choices: tuple[str, ...] = ()
    """A drop-down of these values (a form's ratings, recommendations, yes/no)."""
    kind: str = "text"
    """text, date, datetime, whole (a whole number between low and high) or decimal (between low
    and high)."""
    low: float | None = None
    high: float | None = None
    width: float | None = None


@dataclass
class Table:
    title: str
    columns: list[Column]
    rows: list[Sequence[object]] = field(default_factory=list)
    blank_rows: int = 0
    """Empty rows after the filled ones that get the columns' validation too (a form to fill)."""
    note: str | None = None
    """Shown as the prompt of every validated cell (how to fill it)."""


def workbook_bytes(tables: list[Table]) -> bytes:
    """An xlsx workbook with one sheet per table, header first and frozen."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for table in tables:
        sheet = book.create_sheet(_title(table.title, used))
        for number, row in enumerate([[c.title for c in table.columns], *table.rows], 1):
            for column, value in enumerate(row, 1):
                _put(sheet.cell(number, column), value)
        sheet.freeze_panes = "A2"
        last = 1 + len(table.rows) + table.blank_rows
        _number_formats(sheet, table.rows)
        if table.rows and not table.blank_rows:
            # a report, not a form to fill: Excel's filter buttons on the header, as a user would add them
            sheet.auto_filter.ref = f"A1:{_letter(len(table.columns))}{last}"
        for index, column in enumerate(table.columns, 1):
            _lay_out(sheet, index, column, last, table.note)
    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_dates(buffer.getvalue())


def _number_formats(sheet, rows: Sequence[Sequence[object]]) -> None:
    """Numbers with thousands separators and the same decimals down a column (up to two):
    ¥294,778.27 and 1,305.5 read as money and hours, not as 294778.27 and 1305.5."""
    decimals: dict[int, int] = {}
    for row in rows:
        for column, value in enumerate(row, 1):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                decimals[column] = max(decimals.get(column, 0), _decimals(value))
    for number, row in enumerate(rows, 2):
        for column, value in enumerate(row, 1):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                places = decimals[column]
                sheet.cell(number, column).number_format = "#,##0" + ("." + "0" * places if places else "")


def _decimals(value: float) -> int:
    """Decimal places ``value`` shows, at most two (reports round to two)."""
    if isinstance(value, int) or float(value).is_integer():
        return 0
    text = f"{value:.2f}".rstrip("0")
    return len(text.split(".")[1])


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _lay_out(sheet, index: int, column: Column, last: int, note: str | None) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    letter = get_column_letter(index)
    sheet.column_dimensions[letter].width = column.width or max(10, min(40, 2 + 2 * len(column.title)))
    if last < 2:
        return
    cells = f"{letter}2:{letter}{last}"
    if column.kind in FORMATS:
        for row in range(2, last + 1):
            sheet[f"{letter}{row}"].number_format = FORMATS[column.kind]
    validation = _validation(DataValidation, column)
    if validation is None:
        return
    validation.showErrorMessage = True
    if note:
        validation.promptTitle, validation.prompt, validation.showInputMessage = column.title[:32], note, True
    validation.add(cells)
    sheet.add_data_validation(validation)


def _validation(make, column: Column):
    if column.choices:
        # Excel's list formula holds at most 255 characters; quote marks would end it early.
        listed = ",".join(c.replace('"', "'") for c in column.choices)
        return make(type="list", formula1=f'"{listed[:255]}"', allow_blank=True)
    if column.kind in FORMATS:
        return make(type="date", operator="between", formula1="DATE(1990,1,1)", formula2="DATE(2100,12,31)",
                    allow_blank=True)
    if column.kind in ("whole", "decimal"):
        low = -1e9 if column.low is None else column.low
        high = 1e9 if column.high is None else column.high
        return make(type=column.kind, operator="between", formula1=f"{low:g}", formula2=f"{high:g}",
                    allow_blank=True)
    return None


def _title(title: str, used: set[str]) -> str:
    """A sheet name Excel accepts (no []:*?/\\, at most 31 characters), unique in the workbook. A
    bilingual title ("质检结果 / QA results") reads "质检结果 QA results" (a sheet name cannot hold
    the slash), or its first language alone when both do not fit: never an English word cut short."""
    text = _text(title)
    if " / " in text:
        both = text.replace(" / ", " ")
        text = both if len(both) <= MAX_TITLE else text.split(" / ")[0]
    base = "".join(" " if ch in "[]:*?/\\" else ch for ch in text).strip("' ")[:MAX_TITLE] or "Sheet"
    name, n = base, 1
    while name.lower() in used:
        n += 1
        name = f"{base[:MAX_TITLE - len(str(n)) - 1]}-{n}"
    used.add(name.lower())
    return name


def _text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _put(cell, value: object) -> None:
    """``value`` into ``cell`` as itself; text as a text cell, never a formula."""
    if value is None or isinstance(value, (bool, int, float, dt.date)):
        cell.value = value
        return
    cell.value = _text(str(value))
    cell.data_type = "s"  # openpyxl stores a str beginning with "=" as a formula: keep it text


def _fixed_dates(data: bytes) -> bytes:
    """The zip again, every entry dated FIXED_TIME, in the same order, so the bytes repeat."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps `modified` with the clock on save
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>" + FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>",
                                 content)
            target.writestr(fixed, content)
    return buffer.getvalue()
