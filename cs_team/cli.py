"""The command line: options -> one core call -> a reporter -> an exit code.

The commands live in ``cs_team.commands``, one module per family; this module is the entry
point, where user errors become one line on stderr and an exit code.
"""

from __future__ import annotations

import copy
import sys

import typer

from cs_team import commands, terminal  # noqa: F401  (commands: registers every command)
from cs_team.coercion import defer_coercion
from cs_team.commands.base import app, say
from cs_team.controls import escape_controls
from cs_team.errors import EXIT_OK, EXIT_USAGE, CsTeamError
from cs_team.help_text import reflow_command
from cs_team.reader import current_language, remember
from cs_team.wording import phrase, word

__all__ = ["app", "main", "run"]


def main(argv: list[str] | None = None) -> int:
    """Entry point: user errors become one line on stderr and an exit code, never a traceback."""
    terminal.guard_standard_streams()
    try:
        return _main(argv)
    finally:
        note = terminal.replacement_note()
        if note:
            say(f"cs-team: {note}")


def _click_command(argv: list[str]) -> typer.core.TyperGroup:
    """The click group of the app; when the arguments start with a command's name, a group of
    that command alone.

    Typer builds every command's parameters (signature, annotations, help) before it parses
    anything: for thirty commands that was a quarter of `cs-team lint --help`. The one-command
    group has the same callback and options, and that command's usage, help and behaviour.
    """
    names = {info.name or info.callback.__name__.replace("_", "-"): info
             for info in app.registered_commands if info.callback is not None}
    if not argv or argv[0] not in names:
        group = typer.main.get_command(app)
    else:
        narrow = copy.copy(app)
        narrow.registered_commands = [names[argv[0]]]
        group = typer.main.get_command(narrow)
    reflow_command(group)
    return group


def _main(argv: list[str] | None) -> int:
    command = _click_command(sys.argv[1:] if argv is None else argv)
    defer_coercion(command)
    arguments = sys.argv[1:] if argv is None else argv
    remember(arguments)
    try:
        result = command.main(args=argv, prog_name="cs-team", standalone_mode=False)
    except CsTeamError as error:
        lang = current_language()
        for line in error.details:
            say(escape_controls(word(line, lang)))
        say(escape_controls(phrase("cli.error", message=error.message).word(lang)))
        return error.exit_code
    except typer.Abort:
        say(phrase("cli.interrupted").word(current_language()))
        return 130
    except BrokenPipeError:  # e.g. `cs-team list questions | head`
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:
        # Click's usage errors (typer vendors click privately, so match by shape, not class).
        if not (hasattr(error, "format_message") and hasattr(error, "exit_code")):
            raise
        if type(error).__name__ == "NoArgsIsHelpError":
            typer.echo(error.format_message(), err=True)
            return EXIT_USAGE
        from cs_team.usage_errors import worded

        lang = current_language()
        context = getattr(error, "ctx", None)
        where = phrase("cli.see_help", command=context.command_path).word(lang) if context is not None else ""
        say(phrase("cli.error", message=worded(error, lang) + where).word(lang))
        return EXIT_USAGE if error.exit_code == 2 else error.exit_code
    return result if isinstance(result, int) else EXIT_OK


def run() -> None:
    sys.exit(main())
