"""The one CSV writer: UTF-8 with a byte-order mark, and no cell Excel would run as a formula.

Without the BOM, Excel on Chinese Windows reads UTF-8 as the local code page and shows 沟通表达
as mojibake. A cell starting with ``= + - @`` (or a tab or carriage return, which Excel strips
before looking) is a formula to Excel and WPS: a candidate named ``=HYPERLINK(...)`` would become
a live link (CWE-1236). Such cells get a leading apostrophe, OWASP's advice; plain numbers
(``-3``, ``+1.5``) are left alone, as they cannot run anything.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")


def neutralise(cell: str) -> str:
    """``cell`` as text a spreadsheet shows, never runs."""
    if cell.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """The rows (the header first) as CSV text starting with a BOM; None is an empty cell."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow(["" if cell is None else cell if isinstance(cell, (int, float)) and
                         not isinstance(cell, bool) else neutralise(str(cell)) for cell in row])
    return buffer.getvalue()
