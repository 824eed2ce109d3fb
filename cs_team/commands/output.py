"""Where a command's output goes: stdout, or ``--out`` written atomically, said the same way."""

from __future__ import annotations

import sys
from pathlib import Path

from cs_team.commands.base import say


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
    say(f"cs-team: wrote {escape_controls(display_path(out))}")


def _printed(html: str) -> bytes:
    from cs_team.render import pdf

    if pdf.cjk_font_missing():
        say("cs-team: warning: no font for Chinese is installed; Chinese text may print as "
            "boxes (Debian/Ubuntu: apt-get install fonts-noto-cjk)")
    return pdf.print_pdf(html)
