"""The output formats, defined once; each command offers the subset it can write.

A command's ``--format`` is an enum (Typer lists its choices in ``--help`` and refuses others),
made here from the one list, so that ``md`` means the same in every command and a new format is
added in one place.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

import typer

FORMATS = {
    "auto": "the terminal's text, or GitHub annotations under GitHub Actions",
    "text": "plain text",
    "table": "a table on the terminal",
    "parsable": "path:line:col: level CODE message",
    "github": "GitHub Actions annotations",
    "md": "Markdown",
    "html": "HTML",
    "pdf": "PDF, printed from the HTML by a Chromium, Chrome or Edge on the machine",
    "ics": "an iCalendar file",
    "json": "JSON",
    "sarif": "SARIF 2.1.0",
    "yaml": "YAML",
    "csv": "CSV (UTF-8 with a BOM, as Excel opens it)",
    "xlsx": "an Excel workbook",
}
"""Every format a command may write, in the order ``--help`` lists them."""


def formats(name: str, *names: str) -> Any:
    """The enum of a command's formats: ``names``, which must be among FORMATS, in its order."""
    unknown = [n for n in names if n not in FORMATS]
    if unknown:
        raise ValueError(f"no output format {unknown[0]!r}")
    ordered = [n for n in FORMATS if n in names]
    return Enum(name, [(n, n) for n in ordered], type=str, module=__name__)


def listed(choices: type[Enum]) -> str:
    """``md, html or json``: the choices as a help text says them."""
    values = [c.value for c in choices]
    return values[0] if len(values) == 1 else f"{', '.join(values[:-1])} or {values[-1]}"


def format_option(choices: type[Enum], help: str | None = None) -> Any:
    """The ``--format``/``-f`` option over ``choices`` (help: the choices listed, unless given)."""
    return Annotated[choices, typer.Option("--format", "-f", help=help or f"{listed(choices)}.")]
