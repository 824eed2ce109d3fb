"""Reading a filled xlsx workbook: the first sheet's rows, cells with their types.

openpyxl reads (and writes) the data validation the blank forms carry; a workbook is a zip, so
its members' unpacked size is checked before anything is unpacked (a zip bomb is refused, not
inflated), and formulas are read as the values Excel or WPS last computed.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from cs_team.inputs.files import read_bytes
from cs_team.inputs.problems import Problems

MAX_CELLS = 20_000_000
"""Cells (and rows) looked at in a sheet: a year of 15-minute intervals on five channels is 0.9 million."""
MAX_UNPACKED = 256 * 1024 * 1024
"""Largest unpacked workbook read: far above any filled form or year of forecast."""


def read_rows(path: Path, display: str, problems: Problems) -> list[tuple[int, list[Any]]] | None:
    """(row number, cells) of the first sheet, or None with the problem recorded."""
    raw = read_bytes(path, display, problems)
    if raw is None:
        return None
    refusal = ("不是可读的 xlsx 工作簿：请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”",
               "is not a readable xlsx workbook: save it from Excel or WPS as \"Excel Workbook (*.xlsx)\"")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        problems.say(display, *refusal)
        return None
    if unpacked > MAX_UNPACKED:
        problems.say(display, f"工作簿解压后超过 {MAX_UNPACKED // 2**20} MiB，不予读取",
                     f"workbook unpacks to more than {MAX_UNPACKED // 2**20} MiB and is not read")
        return None
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (KeyError, InvalidFileException, XML errors)
        problems.say(display, *refusal)
        return None
    try:
        return _rows(workbook.worksheets[0], display, problems)
    except Exception:
        problems.say(display, *refusal)
        return None
    finally:
        workbook.close()


def _rows(sheet: Any, display: str, problems: Problems) -> list[tuple[int, list[Any]]] | None:
    # The sheet's own dimension tag would pad every row to its last column: one cell at XFD1048576
    # in a 5 KB file would make a million rows of 16,384 cells. Rows are read as written instead,
    # and the cells looked at are counted, so a crafted sheet is refused rather than ground through.
    sheet.reset_dimensions()
    rows, seen = [], 0
    for number, cells in enumerate(sheet.iter_rows(values_only=True), 1):
        seen += len(cells) + 1
        if seen > MAX_CELLS:
            problems.say(display, f"工作表超过 {MAX_CELLS:,} 个单元格，不予读取：请只保留需要的行和列",
                         f"the sheet holds more than {MAX_CELLS:,} cells and is not read: keep only the rows "
                         "and columns needed")
            return None
        # Formatted but empty rows (a form's validated rows) come back as all None: leave them out.
        if number == 1 or any(cell is not None for cell in cells):
            rows.append((number, list(cells)))
    # A row ends at its last written cell; empty cells after it are still the header's columns.
    width = len(rows[0][1]) if rows else 0
    return [(number, cells + [None] * (width - len(cells))) for number, cells in rows]
