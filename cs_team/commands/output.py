"""Where a command's output goes: stdout, or ``--out`` written atomically, said the same way."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cs_team.commands.base import DocLang, note, say
from cs_team.wording import phrase

if TYPE_CHECKING:
    from collections.abc import Callable

    from cs_team.export.workbook import Table
    from cs_team.playbook import Playbook
    from cs_team.render.language import Language


def deliver(content: str | bytes, out: Path | None, output_format: str = "") -> None:
    """``content`` (text, or bytes such as a workbook) to stdout or to ``out`` in one step (a reader
    never sees half a document). With ``output_format`` pdf, ``content`` is the HTML a browser on
    the machine prints."""
    if output_format == "pdf":
        content = _printed(str(content))
    if out is None:
        if isinstance(content, bytes):
            sys.stdout.flush()  # whatever text went before comes first
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        return
    from cs_team import atomic
    from cs_team.controls import escape_controls
    from cs_team.repo import display_path

    if isinstance(content, bytes):
        atomic.write_bytes(out, content)
    else:
        atomic.write_text(out, content)
    note(phrase("done.wrote", path=escape_controls(display_path(out))))


class _Notes(list):
    """Notes from the input layer (a file read as GB18030), printed on stderr as they come."""

    def append(self, note: str) -> None:
        from cs_team.reader import current_language

        say(phrase("cli.noted", message=note).word(current_language()))
        super().append(note)


def printed_notes() -> list[str]:
    """A list to hand the input layer for its notes: each is said on stderr as it is added."""
    return _Notes()


def _printed(html: str) -> bytes:
    from cs_team.render import pdf

    if pdf.cjk_font_missing():
        from cs_team.reader import current_language

        say(phrase("cli.warning", message=phrase("notice.no_cjk_font")).word(current_language()))
    return pdf.print_pdf(html)


def deliver_report(playbook: Playbook, template: str, output_format: str, lang: DocLang | None,
                   out: Path | None, data: Callable[[Language], dict],
                   tables: Callable[[dict, Language], list[Table]] | None = None,
                   **context: object) -> None:
    """A report in ``output_format``: ``data(language)`` as JSON, ``tables(data, language)`` as csv
    (the first) or xlsx (all), or the template rendered with the playbook's stamp (pdf: printed
    from the HTML)."""
    from cs_team.documents.output import language

    chosen = language(playbook, lang.value if lang else None)
    output_format = getattr(output_format, "value", output_format)
    if output_format == "json":
        import json

        deliver(json.dumps(data(chosen), ensure_ascii=False, indent=2) + "\n", out)
    elif output_format == "csv" and tables is not None:
        from cs_team.export.csvfile import csv_text

        first = tables(data(chosen), chosen)[0]
        deliver(csv_text([[c.title for c in first.columns], *first.rows]), out)
    elif output_format == "xlsx" and tables is not None:
        from cs_team.export.workbook import workbook_bytes

        deliver(workbook_bytes(tables(data(chosen), chosen)), out)
    else:
        from cs_team.documents.common import stamp
        from cs_team.documents.output import render

        document = "html" if output_format == "pdf" else output_format
        deliver(render(playbook, template, document, chosen.mode, stamp=stamp(playbook), **context), out,
                output_format)
