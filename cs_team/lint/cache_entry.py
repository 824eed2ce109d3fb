"""Reading and writing the lint cache's one entry without trusting the folder it sits in.

The folder is in the repository, so anyone who can open a pull request can put anything there:
a FIFO, a link to /dev/zero, a huge file, a list where a path belongs. An entry is read only from
a regular file under a size cap, without following a link or blocking, and used only when every
field has the type and range the cache writes; anything else reads as "no entry" (a cold run).
"""

from __future__ import annotations

import json
import os
import secrets
import stat
from pathlib import Path

from cs_team.findings import Finding, Severity, Span
from cs_team.wording import Phrase

LARGEST_ENTRY = 32 * 2**20
"""Bytes: a repository of thousands of files with a finding on every line stays far below."""
POSITION_FIELDS = ("line", "column", "end_line", "end_column")


def read(path: Path) -> dict | None:
    """The entry stored at ``path``, or None if there is none that can be trusted to be one."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode) or status.st_size > LARGEST_ENTRY:
            return None
        with os.fdopen(handle, "rb", closefd=False) as file:
            raw = file.read(LARGEST_ENTRY + 1)
        entry = json.loads(raw.decode("utf-8")) if len(raw) <= LARGEST_ENTRY else None
    except (OSError, ValueError, RecursionError):
        return None
    finally:
        os.close(handle)
    return entry if isinstance(entry, dict) else None


def findings(entry: dict, known: dict) -> list[Finding] | None:
    """The entry's findings if every one is well formed (``known``: code -> rule), else None."""
    listed = entry.get("findings")
    if not isinstance(listed, list):
        return None
    found = []
    for item in listed:
        if not isinstance(item, dict) or set(item) - {"wording"} != {"path", "message", "code", "level",
                                                                     "rule", *POSITION_FIELDS}:
            return None
        try:  # the message as a catalogue phrase, to be worded in the reader's language
            wording = Phrase.from_data(item["wording"]) if "wording" in item else None
        except (ValueError, RecursionError):
            return None
        positions = [item[f] for f in POSITION_FIELDS]
        rule = known.get(item["code"]) if isinstance(item["code"], str) else None
        if (rule is None or item["rule"] != rule.name or item["level"] not in ("error", "warning")
                or not all(type(v) is int and 1 <= v < 2**31 for v in positions)
                or not isinstance(item["path"], str) or not isinstance(item["message"], str)):
            return None
        found.append(Finding(item["path"], Span(*positions), item["code"], Severity(item["level"]),
                             item["message"], item["rule"], wording))
    return found


def files(entry: dict, root: Path) -> dict[str, Path] | None:
    """Display path -> file of the entry, if every file is a plain relative path, else None."""
    listed = entry.get("files")
    if not isinstance(listed, dict):
        return None
    found = {}
    for display, relative in listed.items():
        # as PurePosixPath would judge it (absolute, or a '..' part), without its cost per file
        if (not isinstance(relative, str) or not relative or "\\" in relative
                or relative.startswith("/") or ".." in relative.split("/")):
            return None
        found[display] = root / relative
    return found


def write(folder: Path, name: str, data: bytes) -> bool:
    """Store an entry; False (and nothing written) when the folder is not a plain, writable one.

    Never through a link: the entry is renamed into place, replacing a link rather than its target.
    """
    try:
        folder.mkdir(exist_ok=True)
        if not stat.S_ISDIR(os.lstat(folder).st_mode):
            return False
        temporary = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                         0o666)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, folder / name)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except OSError:
        return False  # a read-only checkout: lint runs cold every time, which is fine
    return True
