"""Command help as the terminal shows it: paragraphs re-flowed, examples kept.

Docstrings are wrapped at 100 columns in the source; Typer's rich help keeps those line breaks,
so a paragraph came out as ragged lines ("…per hire and module, and" / "the first-time pass…")
in the command list and in each command's help. Lines of a paragraph are joined here; indented
lines (examples, commands to type) keep their breaks.
"""

from __future__ import annotations


def reflowed(text: str) -> str:
    """``text`` with each unindented paragraph on one line; indented lines untouched."""
    paragraphs = []
    for paragraph in text.strip("\n").split("\n\n"):
        lines = paragraph.split("\n")
        if any(line[:1].isspace() for line in lines):
            paragraphs.append(paragraph)
        else:
            paragraphs.append(" ".join(line.strip() for line in lines))
    return "\n\n".join(paragraphs)


def reflow_command(command) -> None:
    """Re-flow the help of a click command and of its subcommands, in place."""
    if getattr(command, "help", None):
        command.help = reflowed(command.help)
    for sub in getattr(command, "commands", {}).values():
        reflow_command(sub)
