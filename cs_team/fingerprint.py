"""A digest of a set of files' names and contents: equal exactly when the files are equal."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cs_team.readfile import read_playbook


def files_digest(root: Path, paths: list[Path], *salt: str) -> str:
    """SHA-256 over each file's path (relative to ``root``) and bytes, in sorted order."""
    return Snapshot(root, paths).digest(*salt)


class Snapshot:
    """The bytes of a set of files, read once.

    The lint cache hashes them for its key and, when the key misses, the loader
    parses the same bytes instead of reading every file a second time.
    """

    def __init__(self, root: Path, paths: list[Path]) -> None:
        self.root = root
        self._names = {path: path.relative_to(root).as_posix() for path in paths}  # once: pathlib is slow
        self.paths = sorted(paths, key=self._names.__getitem__)
        self._contents: dict[Path, bytes | OSError] = {}
        for path in self.paths:
            try:
                self._contents[path] = read_playbook(path)
            except OSError as error:  # kept: the loader reports it as it would have
                self._contents[path] = error

    def read(self, path: Path) -> bytes:
        """The bytes read for ``path`` (its error again if it could not be read)."""
        content = self._contents.get(path)
        if content is None:
            return read_playbook(path)
        if isinstance(content, OSError):
            raise content
        return content

    def digest(self, *salt: str) -> str:
        digest = hashlib.sha256("\x00".join(salt).encode())
        for path in self.paths:
            digest.update(os.fsencode(self._names[path]) + b"\x00")  # any name
            content = self._contents[path]
            if isinstance(content, OSError):  # the digest must still differ from a readable file's
                digest.update(f"unreadable:{content.errno}:{content}".encode(errors="replace"))
            else:
                digest.update(hashlib.sha256(content).digest())
        return digest.hexdigest()
