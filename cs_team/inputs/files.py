"""Reading a side file's bytes: regular files only, up to a size cap, never hanging
(``cs_team.readfile``, shared with the playbook loader), problems in the user's language."""

from __future__ import annotations

from pathlib import Path

from cs_team.inputs.problems import Problems
from cs_team.readfile import FileTooLarge, NotRegularFile, read_regular

MAX_BYTES = 64 * 1024 * 1024
"""Largest side file read. A year of 15-minute intervals on five channels is about 10 MB as CSV."""


def read_bytes(path: Path, display: str, problems: Problems, cap: int = MAX_BYTES) -> bytes | None:
    """The file's bytes, or None with the problem recorded."""
    try:
        return read_regular(path, cap)
    except FileNotFoundError:
        problems.say(display, "文件不存在", "no such file")
    except IsADirectoryError:
        problems.say(display, "这是文件夹，不是文件", "is a folder, not a file")
    except NotRegularFile as error:
        if error.kind == "folder":
            problems.say(display, "这是文件夹，不是文件", "is a folder, not a file")
        else:
            problems.say(display, "不是普通文件（设备、管道或套接字），只读取普通文件",
                         "is not a regular file (a device, pipe or socket); only regular files are read")
    except FileTooLarge:
        _too_large(display, problems, cap)
    except OSError as error:
        reason = error.strerror or str(error)
        problems.say(display, f"无法读取文件（{reason}）", f"cannot read the file ({reason})")
    return None


def _too_large(display: str, problems: Problems, cap: int) -> None:
    mib = cap // (1024 * 1024)
    problems.say(display, f"文件超过 {mib} MiB，不予读取：请拆分成几个文件",
                 f"file is larger than {mib} MiB and is not read: split it into several files")
