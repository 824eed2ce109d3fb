"""Remember a repository's findings by the content of its files, as ruff does.

Cross-file rules make every finding depend on every file, so the cache holds one
entry per repository: the findings of the last full run, keyed by a digest of all
YAML files, cs-team's, pydantic's and Python's versions and the path prefix
findings are shown with. Re-linting an unchanged repository then reads and hashes
the files and parses none. Runs restricted with --select/--ignore are not cached.
"""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass
from pathlib import Path

from cs_team import __version__, atomic
from cs_team.findings import Finding
from cs_team.fingerprint import Snapshot
from cs_team.lint.runner import run
from cs_team.loader import load_repository
from cs_team.repo import CONFIG_NAME, display_path, playbook_files

CACHE_FOLDER = ".cs-team-cache"
CACHE_FILE = "lint.json"


@dataclass
class LintRun:
    findings: list[Finding]
    files: dict[str, Path]
    """Display path -> file, for every file the run checked (the config file included)."""


def _key(snapshot: Snapshot, cwd: Path) -> str:
    import pydantic

    return snapshot.digest(__version__, pydantic.VERSION, platform.python_version(),
                           display_path(snapshot.root, cwd))


def _fresh(root: Path, cwd: Path, select: set[str] | None, ignore: set[str], bundled: bool,
           snapshot: Snapshot | None = None) -> LintRun:
    repo = load_repository(root, bundled=bundled, cwd=cwd, snapshot=snapshot)
    files = {d.parsed.display: d.parsed.path for d in repo.documents}
    if repo.config_file is not None:
        files[repo.config_file.display] = root / CONFIG_NAME
    return LintRun(run(repo, select, ignore), files)


def lint_repository(root: Path, cwd: Path, select: set[str] | None = None, ignore: set[str] = frozenset(),
                    *, use_cache: bool = True, bundled: bool = False) -> LintRun:
    """The findings of the repository at ``root``, from the cache when nothing changed."""
    if not use_cache or bundled or select is not None or ignore:
        return _fresh(root, cwd, select, ignore, bundled)
    cache = root / CACHE_FOLDER / CACHE_FILE
    snapshot = Snapshot(root, [*playbook_files(root, [], []), root / CONFIG_NAME])
    key = _key(snapshot, cwd)
    try:
        stored = json.loads(cache.read_text(encoding="utf-8"))
        if stored.get("key") == key:
            return LintRun([Finding.from_dict(f) for f in stored["findings"]],
                           {display: root / relative for display, relative in stored["files"].items()})
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no cache yet, or an unreadable one: lint afresh
    result = _fresh(root, cwd, None, set(), bundled, snapshot)
    entry = {"key": key, "findings": [f.as_dict() for f in result.findings],
             "files": {d: p.relative_to(root).as_posix() for d, p in result.files.items()}}
    try:
        atomic.write_text(cache, json.dumps(entry, ensure_ascii=False))
        gitignore = cache.parent / ".gitignore"
        if not gitignore.exists():
            atomic.write_text(gitignore, "# cs-team's lint cache: safe to delete\n*\n")
    except OSError:
        pass  # a read-only checkout lints fine without a cache
    return result
