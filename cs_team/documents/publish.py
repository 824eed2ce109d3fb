"""Publish a folder of files in one step: build a sibling folder, then swap it in with a rename.

Under a lock beside the folder (``.NAME.cs-team-lock``, removed when the build ends): a second
build waits for the first, or after a while says the folder is busy. What is in the old folder
and not the build's own (by its manifest) is carried into the new one as it is (hard links; a
link stays a link and is never followed). A crash leaves the old folder or the new one, whole,
plus a ``.NAME.cs-team-new-*`` or ``-old-*`` sibling that the next build removes (or, if the
crash fell between the two renames of a system without an exchanging rename, puts back).
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import shutil
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from cs_team.errors import UsageError
from cs_team.repo import display_path
from cs_team.wording import phrase

WAIT_SECONDS = 120.0
"""How long a build waits for another one writing the same folder."""
LARGEST_PAGE = 64 * 2**20
"""A stale file larger than any page cs-team writes was changed by someone: it is kept unread."""


def prefix(folder: Path) -> str:
    name = folder.name if len(os.fsencode(folder.name)) <= 150 else hashlib.sha1(
        os.fsencode(folder.name)).hexdigest()[:16]
    return f".{name}.cs-team-"


@contextmanager
def locked(folder: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the lock beside ``folder``; removed again on release, so nothing stays behind."""
    lock = folder.parent / f"{prefix(folder)}lock"
    deadline = time.monotonic() + wait
    while True:
        handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            while not _try_lock(handle):
                if time.monotonic() >= deadline:
                    raise UsageError(phrase("site.busy", path=display_path(folder), seconds=float(wait)))
                time.sleep(0.05)
        except BaseException:
            os.close(handle)
            raise
        if _same_file(handle, lock):
            break
        os.close(handle)  # the build before us removed the file we waited on: lock the new one
    try:
        yield
    finally:
        with suppress(OSError):
            os.unlink(lock)  # while still held: whoever opens it next makes a new one
        os.close(handle)


def _same_file(handle: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle), os.stat(path))
    except FileNotFoundError:
        return False


def _try_lock(handle: int) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
            return False
        raise
    return True


def recover(folder: Path) -> None:
    """Tidy what a crashed build left beside ``folder`` (call it holding the lock)."""
    start = prefix(folder)
    leftovers = sorted(p for p in folder.parent.iterdir() if p.name.startswith(start))
    for path in leftovers:
        if path.name.startswith(f"{start}old-") and not os.path.lexists(folder):
            os.rename(path, folder)  # the crash fell between the two renames: the old site returns
        elif path.name.startswith((f"{start}old-", f"{start}new-")) and path.is_dir():
            shutil.rmtree(path)


def staging(folder: Path) -> Path:
    made = folder.parent / f"{prefix(folder)}new-{secrets.token_hex(4)}"
    made.mkdir()
    if folder.is_dir():
        os.chmod(made, stat.S_IMODE(folder.stat().st_mode))
    return made


def write_new(path: Path, data: bytes) -> None:
    """A file in the staging folder: new, with the umask's mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    with os.fdopen(handle, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())  # on the disk before the swap makes it the published page


def settle(folder: Path) -> None:
    """Every folder of the new site on the disk, so a crash after the swap never shows empty names."""
    for directory, _, _ in os.walk(folder):
        _sync_folder(Path(directory))


def _sync_folder(folder: Path) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # a platform that cannot open a folder (Windows) has no folder entries to flush
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the files themselves are synced
    finally:
        os.close(handle)


def carry(source: Path, destination: Path) -> None:
    """Bring a file the build does not own into the new folder unchanged (a link stays a link)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, destination, follow_symlinks=False)
        return
    except OSError:
        pass  # another owner's file under protected hard links, or a file system without them
    mode = os.lstat(source).st_mode
    if stat.S_ISLNK(mode):
        os.symlink(os.readlink(source), destination)
    elif stat.S_ISREG(mode):
        shutil.copy2(source, destination, follow_symlinks=False)
    else:
        raise UsageError(phrase("site.special_file", path=display_path(source)))


def swap(new: Path, folder: Path) -> Path | None:
    """Put ``new`` where ``folder`` is; returns the folder now holding the old site, to remove."""
    settle(new)
    if not os.path.lexists(folder):
        os.rename(new, folder)
        _sync_folder(folder.parent)
        return None
    if _exchange(new, folder):
        _sync_folder(folder.parent)
        return new
    old = folder.parent / f"{prefix(folder)}old-{secrets.token_hex(4)}"
    os.rename(folder, old)
    os.rename(new, folder)
    _sync_folder(folder.parent)
    return old


def _exchange(first: Path, second: Path) -> bool:
    """Linux's renameat2(RENAME_EXCHANGE): both names swap in one step (False where unavailable)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        rename = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd, exchange = -100, 2
    if rename(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))
