"""Reading a file's bytes: regular files only, up to a size cap, never hanging.

A FIFO named ``*.yaml`` would block ``open`` until a writer came; ``/dev/zero`` (or a link to it)
would never end; a sparse 3 GiB file would be read whole. The file is opened without blocking and
checked with ``fstat`` on the open descriptor (so a file swapped after a check cannot slip
through), and at most one byte past the cap is ever read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_PLAYBOOK_BYTES = 5 * 1024 * 1024
"""Largest playbook file read. Playbooks are small; a larger file is almost surely not one."""


class UnreadableFile(OSError):
    """A file cs-team will not read (it is not an error of the operating system)."""


class NotRegularFile(UnreadableFile):
    def __init__(self, kind: str) -> None:
        super().__init__(f"not a regular file (a {kind})")
        self.kind = kind


class FileTooLarge(UnreadableFile):
    def __init__(self, size: int, cap: int) -> None:
        super().__init__(f"larger than {cap // (1024 * 1024)} MiB ({size} bytes)")
        self.size, self.cap = size, cap


def _kind(mode: int) -> str:
    """folder, pipe, socket or device (the key of its name in the message catalogue)."""
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


def read_regular(path: Path, cap: int) -> bytes:
    """The bytes of ``path`` (following links); NotRegularFile, FileTooLarge or OSError else."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    handle = os.open(path, flags)
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(_kind(status.st_mode))
        if status.st_size > cap:
            raise FileTooLarge(status.st_size, cap)
        chunks, size = [], 0
        while size <= cap:
            chunk = os.read(handle, min(1 << 20, cap + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > cap:  # it grew while being read
            raise FileTooLarge(size, cap)
        return b"".join(chunks)
    finally:
        os.close(handle)


def read_playbook(path: Path) -> bytes:
    """The bytes of a playbook YAML file (at most MAX_PLAYBOOK_BYTES)."""
    return read_regular(path, MAX_PLAYBOOK_BYTES)
