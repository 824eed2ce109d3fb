"""Standard streams that never fail to encode what cs-team prints.

A terminal or pipe in a non-UTF-8 locale (``LANG=zh_CN.GBK``, ``en_US.ISO-8859-1``, ``C`` without
UTF-8 mode) cannot hold every character of a playbook or document, and Python's default is to
raise ``UnicodeEncodeError`` mid-output. cs-team instead:

- GBK, GB2312 and cp936 streams become GB18030, their superset, which encodes every character
  (and gives the same bytes for everything GBK holds);
- any other non-UTF encoding writes UTF-8 when the output is a file or a pipe (a document saved
  with ``>`` must be whole), and on a terminal replaces what it cannot show with ``?`` and says so
  once on stderr.
"""

from __future__ import annotations

import codecs
import io
import sys
from typing import TextIO

_GBK_FAMILY = {"gbk", "gb2312", "cp936", "hz", "euc_cn"}
_REPLACE = "cs_team.replace"
_replaced: list[str] = []
"""The encodings that had to replace characters during this run (for the note)."""


def _count_and_replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    if error.encoding not in _replaced:
        _replaced.append(error.encoding)
    return "?" * (error.end - error.start), error.end


codecs.register_error(_REPLACE, _count_and_replace)


def _codec(stream: TextIO) -> str:
    try:
        return codecs.lookup(stream.encoding or "ascii").name
    except LookupError:
        return "ascii"


def guard(stream: TextIO) -> None:
    """Make ``stream`` unable to raise UnicodeEncodeError (see the module docstring)."""
    if not isinstance(stream, io.TextIOWrapper):  # a test's StringIO, a runner's capture
        return
    name = _codec(stream)
    if name.startswith("utf") or name == "gb18030":
        return
    stream.flush()
    if name in _GBK_FAMILY:
        stream.reconfigure(encoding="gb18030")
    elif stream is sys.stderr:
        stream.reconfigure(errors="backslashreplace")
    elif stream.isatty():
        stream.reconfigure(errors=_REPLACE)
    else:
        stream.reconfigure(encoding="utf-8")


def guard_standard_streams() -> None:
    _replaced.clear()
    guard(sys.stdout)
    guard(sys.stderr)


def replacement_note() -> str | None:
    """One line for stderr when characters were replaced on the terminal, else None."""
    if not _replaced:
        return None
    return (f"note: this terminal's encoding ({', '.join(_replaced)}) cannot show some characters; "
            "they are printed as '?'. Use a UTF-8 locale (e.g. LANG=C.UTF-8) or write to a file "
            "with --out or >")
