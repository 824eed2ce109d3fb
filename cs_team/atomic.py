"""Write files so that a reader never sees half of one, and never replace what is not a file.

- A regular file (or a new one) is written to a temporary file beside it and renamed over it.
- A symbolic link is written through: its target is replaced, beside the target; the link stays.
- A character device or a FIFO (``/dev/stdout``, a named pipe) is written into, never replaced.
- A new file gets the mode the umask allows (0666 less the umask); an existing one keeps its mode.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

from cs_team.errors import UsageError
from cs_team.repo import display_path
from cs_team.wording import os_reason, phrase

NAME_MAX = 255
"""Bytes in one file name where the system cannot say (every common file system's limit)."""


def write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8, ``\\n`` line ends) in one step."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``: replaced in one step, or streamed into a device or FIFO."""
    path = Path(path)
    try:
        _write(path, data)
    except OSError as error:
        raise UsageError(phrase("write.cannot", path=display_path(path), reason=os_reason(error))) from None


def _write(path: Path, data: bytes) -> None:
    try:
        existing: os.stat_result | None = os.stat(path)  # follows links: what a write would reach
    except FileNotFoundError:
        existing = None
    except NotADirectoryError:
        raise UsageError(phrase("write.part_is_file", path=display_path(path))) from None
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            _check_name(path)
        raise
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise UsageError(phrase("write.is_folder", path=display_path(path),
                                example=display_path(path / "document")))
    if existing is not None and (stat.S_ISCHR(existing.st_mode) or stat.S_ISFIFO(existing.st_mode)):
        with open(path, "wb", buffering=0) as stream:  # truncation means nothing to these
            view = memoryview(data)
            while view:
                view = view[stream.write(view):]
        return
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise UsageError(phrase("write.not_regular", path=display_path(path)))
    # A link (or a chain of them) is written through: the file replaced is the one it names.
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    _check_name(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    _replace(target, data, existing)


def _check_name(target: Path) -> None:
    try:
        limit = os.pathconf(target.parent if target.parent.is_dir() else ".", "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        limit = NAME_MAX
    if len(os.fsencode(target.name)) > limit:
        raise UsageError(phrase("write.name_too_long", path=display_path(target), limit=limit))


def _replace(target: Path, data: bytes, existing: os.stat_result | None) -> None:
    # A short fixed-length temporary name: it fits wherever the final name fits.
    temporary = target.parent / f".cs-team-{secrets.token_hex(6)}.tmp"
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    handle = os.open(temporary, flags, mode)  # the umask applies, as to any new file
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if existing is not None:
            os.chmod(temporary, mode)  # the umask may have narrowed it: keep the file's own mode
            _keep_owner(temporary, existing)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _keep_owner(temporary: Path, existing: os.stat_result) -> None:
    """Root replacing someone's file leaves it theirs; anyone else cannot give files away."""
    if not hasattr(os, "chown") or (existing.st_uid, existing.st_gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.chown(temporary, existing.st_uid, existing.st_gid)
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.EACCES):
            raise
