"""A digest of a set of files' names and contents: equal exactly when the files are equal."""

from __future__ import annotations

import hashlib
from pathlib import Path


def files_digest(root: Path, paths: list[Path], *salt: str) -> str:
    """SHA-256 over each file's path (relative to ``root``) and bytes, in sorted order."""
    digest = hashlib.sha256("\x00".join(salt).encode())
    for path in sorted(paths, key=lambda p: p.relative_to(root).as_posix()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\x00")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError as error:  # unreadable: the loader reports it; the digest must still differ
            digest.update(f"unreadable:{error.errno}".encode())
    return digest.hexdigest()
