"""Errors the core raises for the CLI to turn into a message and an exit code.

Findings about playbook content are not exceptions (they are collected and
reported); these are for situations where a command cannot go on at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cs_team.wording import Phrase

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class CsTeamError(Exception):
    """A user-facing failure: printed as one line, never as a traceback."""

    exit_code = EXIT_USAGE
    details: tuple[str | Phrase, ...] = ()
    """Lines printed before the message, one problem each (``file:line:col: message``)."""

    def __init__(self, message: str | Phrase = "", *args: object) -> None:
        super().__init__(message, *args)

    @property
    def message(self) -> str | Phrase:
        """What went wrong: a phrase worded in the reader's language, or a sentence as written."""
        return self.args[0] if self.args else ""

    def __str__(self) -> str:
        return str(self.message)  # a phrase in English, for logs and tests


class UsageError(CsTeamError):
    """The command line or the repository configuration cannot be used."""

    exit_code = EXIT_USAGE


class InputError(CsTeamError):
    """Playbook content is too broken for the command to produce its output."""

    exit_code = EXIT_FINDINGS
