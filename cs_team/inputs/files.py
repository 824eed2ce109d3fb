"""Reading a side file's bytes: regular files only, up to a size cap, never hanging.

A FIFO would block ``open`` until a writer came; ``/dev/zero`` (or a link to it) would never end.
The file is opened without blocking and checked with ``fstat`` on the open descriptor (so a file
swapped after a check cannot slip through), and at most one byte past the cap is ever read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cs_team.inputs.problems import Problems

MAX_BYTES = 64 * 1024 * 1024
"""Largest side file read. A year of 15-minute intervals on five channels is about 10 MB as CSV."""


def read_bytes(path: Path, display: str, problems: Problems, cap: int = MAX_BYTES) -> bytes | None:
    """The file's bytes, or None with the problem recorded."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        problems.say(display, "文件不存在", "no such file")
        return None
    except IsADirectoryError:
        problems.say(display, "这是文件夹，不是文件", "is a folder, not a file")
        return None
    except OSError as error:
        reason = error.strerror or str(error)
        problems.say(display, f"无法读取文件（{reason}）", f"cannot read the file ({reason})")
        return None
    try:
        status = os.fstat(handle)
        if stat.S_ISDIR(status.st_mode):
            problems.say(display, "这是文件夹，不是文件", "is a folder, not a file")
            return None
        if not stat.S_ISREG(status.st_mode):
            problems.say(display, "不是普通文件（设备、管道或套接字），只读取普通文件",
                         "is not a regular file (a device, pipe or socket); only regular files are read")
            return None
        if status.st_size > cap:
            _too_large(display, problems, cap)
            return None
        chunks, size = [], 0
        while size <= cap:
            chunk = os.read(handle, min(1 << 20, cap + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > cap:  # it grew while being read
            _too_large(display, problems, cap)
            return None
        return b"".join(chunks)
    except OSError as error:
        reason = error.strerror or str(error)
        problems.say(display, f"无法读取文件（{reason}）", f"cannot read the file ({reason})")
        return None
    finally:
        os.close(handle)


def _too_large(display: str, problems: Problems, cap: int) -> None:
    mib = cap // (1024 * 1024)
    problems.say(display, f"文件超过 {mib} MiB，不予读取：请拆分成几个文件",
                 f"file is larger than {mib} MiB and is not read: split it into several files")
