"""Errors the core raises for the CLI to turn into a message and an exit code.

Findings about playbook content are not exceptions (they are collected and
reported); these are for situations where a command cannot go on at all.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class CsTeamError(Exception):
    """A user-facing failure: printed as one line, never as a traceback."""

    exit_code = EXIT_USAGE
    details: tuple[str, ...] = ()
    """Lines printed before the message, one problem each (``file:line:col: message``)."""


class UsageError(CsTeamError):
    """The command line or the repository configuration cannot be used."""

    exit_code = EXIT_USAGE


class InputError(CsTeamError):
    """Playbook content is too broken for the command to produce its output."""

    exit_code = EXIT_FINDINGS
