"""The Typer app and what every command shares: messages on stderr, opening the repository.

Heavy modules (pydantic models, yaml, jinja2, rich tables) are imported inside the commands that
use them, so ``cs-team --help`` starts fast.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cs_team import __version__
from cs_team.errors import UsageError

if TYPE_CHECKING:
    from cs_team.playbook import Playbook
    from cs_team.wording import Phrase


class DocLang(str, Enum):
    zh = "zh"
    en = "en"
    zh_en = "zh-en"


class MessageLang(str, Enum):
    """The language of a line of output (lint findings): one, never both."""

    zh = "zh"
    en = "en"


# Options several commands take, declared once.
RepoOption = Annotated[Path | None, typer.Option(
    "--repo", help="The playbook repository (default: the one around the current folder).")]
OutOption = Annotated[Path | None, typer.Option(
    "--out", help="Write here (atomically) instead of stdout.")]
LangOption = Annotated[DocLang | None, typer.Option(
    "--lang", help="zh, en or zh-en (both); default: the repository's default language.")]

app = typer.Typer(
    name="cs-team",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,  # locals would print playbook data in a traceback
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Lint and render the hiring and training playbooks of a customer-service team.\n\n"
         "Run inside a playbook repository (a folder with cs-team.yaml); outside one, the bundled "
         "example department is used.",
)


def one_line(value: str | None) -> str | None:
    """Option callback for free text printed in documents and calendars (a name, a mentor).

    Command-line bytes that are not UTF-8 arrive as lone surrogates, which no file can hold, and
    a line feed or carriage return would start a new calendar or JSON line: both are refused.
    """
    if value is None:
        return None
    from cs_team.controls import BIDI_CONTROLS

    for char in value:
        if "\udc80" <= char <= "\udcff":
            raise typer.BadParameter("is not valid UTF-8 text (check the terminal's encoding)")
        if char < " " or "\x7f" <= char <= "\x9f" or char in BIDI_CONTROLS:
            raise typer.BadParameter(f"holds the control character U+{ord(char):04X}; "
                                     "give one line of plain text")
    return value


NameOption = Annotated[str | None, typer.Option(help="Printed on the header.", callback=one_line)]


def date_option(value: str | None, option: str) -> dt.date | None:
    """The date an option (--start, --date, --as-of) gives, read as a date in a side file is
    (YYYY-MM-DD, 2026/9/28, 2026-9-28, 2026年9月28日), or None when not given; a usage error in
    the reader's language otherwise."""
    if value is None:
        return None
    from cs_team.inputs.labels import date

    day = date(value)
    if day is None:
        from cs_team.reader import current_language
        from cs_team.wording import phrase, quoted

        message = phrase("option.not_a_date", option=option, value=quoted(value))
        raise UsageError(message.word(current_language()))
    return day


def say(message: str) -> None:
    typer.echo(message, err=True)


def note(message: str | Phrase) -> None:
    """A line on stderr about what cs-team did or assumed, in the reader's language."""
    from cs_team.reader import current_language
    from cs_team.wording import phrase

    say(phrase("cli.note", message=message).word(current_language()))


def open_playbook(repo: Path | None) -> Playbook:
    """The repository a command works on (saying so when it is the bundled one), indexed."""
    from cs_team.playbook import Playbook
    from cs_team.workspace import open_repository

    opened = open_repository(repo)
    if opened.note:
        note(opened.note)
    return Playbook(opened.repo)


def colour_wanted() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cs-team {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Lint and render customer-service hiring and training playbooks."""
