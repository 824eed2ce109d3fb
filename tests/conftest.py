"""Shared helpers: a throw-away copy of the minimal fixture repository to break in one place."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from cs_team.findings import Finding
from cs_team.lint.runner import run
from cs_team.loader import load_repository

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL = FIXTURES / "minimal"
GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("CS_TEAM_REGENERATE_GOLDEN") == "1"
"""Set CS_TEAM_REGENERATE_GOLDEN=1 to rewrite golden files on purpose; review the diff."""


@pytest.fixture(autouse=True)
def _errors_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture repositories default to zh; the suite asserts error lines in English unless a
    test asks for the reader's language itself (tests/test_error_language.py)."""
    monkeypatch.setenv("CS_TEAM_LANG", "en")


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no golden file {path}: run with CS_TEAM_REGENERATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


def position(text: str, target: str, before: str = "", nth: int = 0) -> tuple[int, int]:
    """1-based line and column of ``target`` where it follows ``before`` (the nth such place)."""
    needle = before + target
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(needle, offset + 1)
    offset += len(before)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


@dataclass
class RepoCopy:
    root: Path

    def path(self, name: str) -> Path:
        return self.root / name

    def read(self, name: str) -> str:
        return self.path(name).read_text(encoding="utf-8")

    def write(self, name: str, text: str | bytes) -> None:
        target = self.path(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> None:
        text = self.read(name)
        assert old in text, f"{old!r} is not in {name}"
        self.write(name, text.replace(old, new, 1))

    def lint(self, select: set[str] | None = None) -> list[Finding]:
        return run(load_repository(self.root, cwd=self.root), select)

    def at(self, name: str, target: str, before: str = "", nth: int = 0) -> tuple[int, int]:
        return position(self.read(name), target, before, nth)


@pytest.fixture
def repo(tmp_path: Path) -> RepoCopy:
    shutil.copytree(MINIMAL, tmp_path / "repo")
    return RepoCopy(tmp_path / "repo")
