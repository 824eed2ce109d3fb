"""Which language the person at the terminal reads: for an error, found only when one is printed.

In order: the command's own ``--lang`` (zh-en reads zh first), ``CS_TEAM_LANG``, the repository's
``default_language`` (the one ``--repo`` names or the one around the current folder; outside
any, the bundled department's), then the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
An error may come before the repository is read, or because it cannot be: the configuration is
looked at line by line here, never parsed, so a broken file cannot hide the message about it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from cs_team.repo import CONFIG_NAME, bundled_root, find_root

LANGUAGES = ("zh", "en")
_arguments: list[str] = []
"""The command line being run, kept by the entry point for a note said halfway through."""
_current: list[str] = []
"""Its reader's language, once worked out: a command with many notes reads the configuration once."""
_DEFAULT_LANGUAGE = re.compile(r"^default_language:\s*['\"]?(zh|en)\b", re.MULTILINE)


def remember(argv: list[str]) -> None:
    _arguments[:] = argv
    _current.clear()


def current_language() -> str:
    """The reader's language for the command line being run."""
    if not _current:
        _current.append(reader_language(_arguments))
    return _current[0]


def reader_language(argv: list[str]) -> str:
    for found in (_from_arguments(argv), _known(os.environ.get("CS_TEAM_LANG")), _from_repository(argv),
                  _from_locale()):
        if found:
            return found
    return "en"


def environment_language() -> str | None:
    """The language ``CS_TEAM_LANG`` names, when it names one cs-team speaks."""
    return _known(os.environ.get("CS_TEAM_LANG"))


def _known(value: str | None) -> str | None:
    if not value:
        return None
    first = value.strip().lower().replace("_", "-").split("-")[0]
    return first if first in LANGUAGES else None


def _option(argv: list[str], name: str) -> str | None:
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == name and index + 1 < len(argv):
            return argv[index + 1]
        if argument.startswith(name + "="):
            return argument.split("=", 1)[1]
    return None


def _from_arguments(argv: list[str]) -> str | None:
    return _known(_option(argv, "--lang"))


def _from_repository(argv: list[str]) -> str | None:
    given = _option(argv, "--repo")
    try:
        root = find_root(Path(given)) if given else find_root(Path.cwd())
        config = (root or bundled_root()) / CONFIG_NAME
        with open(config, encoding="utf-8", errors="replace") as file:
            head = file.read(64 * 1024)
    except (OSError, ValueError):
        return None
    match = _DEFAULT_LANGUAGE.search(head)
    return match.group(1) if match else None


def _from_locale() -> str | None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else None
    return None
