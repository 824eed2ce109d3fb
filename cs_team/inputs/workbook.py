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
        sheet = workbook.worksheets[0]
        # Formatted but empty rows (a form's validated rows) come back as all None: leave them out.
        return [(number, list(cells)) for number, cells in enumerate(sheet.iter_rows(values_only=True), 1)
                if number == 1 or any(cell is not None for cell in cells)]
    except Exception:
        problems.say(display, *refusal)
        return None
    finally:
        workbook.close()
