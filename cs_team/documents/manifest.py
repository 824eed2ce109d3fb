"""Which files of a site folder `build` wrote: its manifest, and what the next build may drop.

The manifest maps each page (a relative path) to its digest and size. It is only ever compared
with what a walk of the folder finds (never followed into a link), so a crafted entry such as
``../victim.txt`` or ``/etc/passwd`` names nothing the walk can reach and is simply ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cs_team.documents.publish import LARGEST_PAGE
from cs_team.errors import UsageError
from cs_team.repo import display_path, shown_name
from cs_team.wording import Phrase, os_reason, phrase

MANIFEST = ".cs-team-manifest.json"


def entry(data: bytes) -> dict:
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def render(pages: dict[str, bytes]) -> bytes:
    return (json.dumps({path: entry(data) for path, data in sorted(pages.items())}, indent=1)
            + "\n").encode("utf-8")


def read(folder: Path) -> dict[str, dict]:
    """The previous build's pages; entries that are not a plain relative path are left out."""
    path = folder / MANIFEST
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode) or os.lstat(path).st_size > LARGEST_PAGE:
            raise UsageError(phrase("site.not_a_manifest", path=display_path(path)))
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        reason = os_reason(error) if isinstance(error, OSError) else str(error)
        raise UsageError(phrase("site.manifest_unreadable", path=display_path(path), reason=reason)) from None
    if not isinstance(data, dict):
        return {}
    pages = {}
    for name, value in data.items():
        if isinstance(value, str):  # the first format: the digest alone
            value = {"sha256": value, "size": None}
        parts = PurePosixPath(name).parts
        if (isinstance(value, dict) and isinstance(value.get("sha256"), str) and parts
                and not PurePosixPath(name).is_absolute() and "\\" not in name
                and all(p not in ("..", ".") for p in parts) and PurePosixPath(*parts).as_posix() == name):
            pages[name] = value
    return pages


@dataclass
class Plan:
    carried: list[str] = field(default_factory=list)
    """Entries of the old folder that are not the build's to drop: they go into the new one."""
    folders: list[str] = field(default_factory=list)
    """Empty folders of the old site's owner, kept."""
    clashes: list[str] = field(default_factory=list)
    """Entries the build did not write where it must write a page (or a folder of pages)."""


def plan(folder: Path, previous: dict[str, dict], pages: dict[str, str | bytes]) -> Plan:
    """Walk the old folder (links are not followed) and sort every entry."""
    needed_folders = {str(parent) for page in pages for parent in PurePosixPath(page).parents}
    owned_folders = {str(parent) for page in previous for parent in PurePosixPath(page).parents}
    found = Plan()

    def walk(relative: str) -> None:
        with os.scandir(folder / relative if relative else folder) as entries:
            listed = sorted(entries, key=lambda e: e.name)
        if not listed and relative and relative not in owned_folders:
            found.folders.append(relative)
        for item in listed:
            name = f"{relative}/{item.name}" if relative else item.name
            if name == MANIFEST:
                continue
            if item.is_dir(follow_symlinks=False):
                if name in pages:
                    found.clashes.append(name)
                walk(name)
            elif name in pages or name in needed_folders:
                if name not in previous or name in needed_folders:
                    found.clashes.append(name)
            elif not (name in previous and _unchanged(folder / name, previous[name])):
                found.carried.append(name)

    walk("")
    return found


def _unchanged(path: Path, recorded: dict) -> bool:
    """The page is as the last build wrote it (read in pieces, and only if its size can match)."""
    try:
        status = os.lstat(path)
        size = recorded.get("size")
        if not stat.S_ISREG(status.st_mode) or status.st_size > LARGEST_PAGE or (
                isinstance(size, int) and status.st_size != size):
            return False
        digest = hashlib.sha256()
        with open(path, "rb") as file:
            while chunk := file.read(2**20):
                digest.update(chunk)
    except OSError:
        return False
    return digest.hexdigest() == recorded["sha256"]


def clash_error(folder: Path, clashes: list[str]) -> UsageError:
    return UsageError(phrase("site.foreign_files", path=display_path(folder),
                             listed=first_five([shown_name(c) for c in clashes])))


def first_five(names: list[str]) -> Phrase | str:
    """``a, b, c, d, e and 3 more``: a long list cut short, in the reader's language."""
    shown = ", ".join(names[:5])
    return phrase("site.and_more", listed=shown, more=len(names) - 5) if len(names) > 5 else shown
