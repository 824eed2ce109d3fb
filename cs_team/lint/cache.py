"""Remember a repository's findings by the content of its files, as ruff does.

Cross-file rules make every finding depend on every file, so the cache holds one
entry per repository: the findings of the last full run, keyed by a digest of all
YAML files, cs-team's code (``code_digest``), pydantic's and Python's versions and the path
prefix findings are shown with. Re-linting an unchanged repository then reads and hashes
the files and parses none. Runs restricted with --select/--ignore are not cached.

The cache must never change a verdict: it is off in CI unless asked for, ignored (with a
note) when git tracks it, and an entry is used only if it passes every check in
``cache_entry``; any doubt, or a folder that cannot be written, means a cold run.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import platform
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from cs_team import __version__
from cs_team.findings import Finding
from cs_team.fingerprint import Snapshot
from cs_team.lint import cache_entry
from cs_team.repo import CONFIG_NAME, display_path, playbook_files
from cs_team.rulebook import rule_names
from cs_team.wording import Phrase, phrase

CACHE_FOLDER = ".cs-team-cache"
CACHE_FILE = "lint.json"


@dataclass
class LintRun:
    findings: list[Finding]
    files: dict[str, Path]
    """Display path -> file, for every file the run checked (the config file included)."""
    notes: list[Phrase] = field(default_factory=list)
    """Said to the user on stderr (why the cache was not used)."""


PACKAGE = Path(__file__).resolve().parent.parent


def _key(snapshot: Snapshot, cwd: Path) -> str:
    return snapshot.digest(__version__, code_digest(PACKAGE), _pydantic_version(),
                           platform.python_version(), display_path(snapshot.root, cwd))


def code_digest(package: Path) -> str:
    """The name, size and modification time of every file of the installed package.

    The version string stays the same while a rule changes (in a checkout, between releases
    of a fork): keyed by it alone, the cache served the old rule's verdict. Reading every
    module would cost a cached lint a tenth of its time; the files' metadata is a few
    milliseconds, and an edit that keeps both a file's size and its time is not made by hand.
    """
    digest = hashlib.sha256()
    folders = [package]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        folders.append(Path(entry.path))
                    continue
                status = entry.stat()
                digest.update(f"{os.path.relpath(entry.path, package)}\0{status.st_size}\0"
                              f"{status.st_mtime_ns}\0".encode(errors="surrogateescape"))
    return digest.hexdigest()


def _pydantic_version() -> str:
    """Pydantic's version file, read rather than imported: a cache hit must not pay for pydantic
    (its messages are in the findings, so another version must miss)."""
    spec = importlib.util.find_spec("pydantic")
    if spec is None or spec.origin is None:
        return "pydantic?"
    return (Path(spec.origin).parent / "version.py").read_text(encoding="utf-8")


def _fresh(root: Path, cwd: Path, select: set[str] | None, ignore: set[str], bundled: bool,
           snapshot: Snapshot | None = None, jobs: str = "auto") -> LintRun:
    from cs_team import parse_ahead

    # A large repository's files are parsed in a child while this process imports the rules.
    ahead = parse_ahead.start(root, cwd, *((snapshot.read, snapshot.paths) if snapshot is not None else ()),
                              jobs=jobs)
    try:
        from cs_team.lint.runner import run
        from cs_team.loader import load_repository

        repo = load_repository(root, bundled=bundled, cwd=cwd, snapshot=snapshot, ahead=ahead)
        findings = run(repo, select, ignore, worker=ahead.worker)  # the child stays on as a worker
    finally:
        ahead.close()
    files = {d.parsed.display: d.parsed.path for d in repo.documents}
    if repo.config_file is not None:
        files[repo.config_file.display] = root / CONFIG_NAME
    return LintRun(findings, files)


def wanted(use_cache: bool | None) -> bool:
    """``--cache``/``--no-cache`` if given; otherwise on, except in CI (a runner lints once)."""
    if use_cache is not None:
        return use_cache
    return os.environ.get("CI", "").strip().lower() in ("", "0", "false", "no")


def lint_repository(root: Path, cwd: Path, select: set[str] | None = None, ignore: set[str] = frozenset(),
                    *, use_cache: bool | None = None, bundled: bool = False, jobs: str = "auto") -> LintRun:
    """The findings of the repository at ``root``, from the cache when nothing changed.

    ``jobs``: processes for a fresh lint (see ``parse_ahead.start``); the findings are the same.
    """
    if not wanted(use_cache) or bundled or select is not None or ignore:
        return _fresh(root, cwd, select, ignore, bundled, jobs=jobs)
    folder = root / CACHE_FOLDER
    snapshot = Snapshot(root, [*playbook_files(root, [], []), root / CONFIG_NAME])
    key = _key(snapshot, cwd)
    notes: list[Phrase] = []
    stored = cache_entry.read(folder / CACHE_FILE)
    if stored is not None and stored.get("key") == key:
        if _tracked(root):
            notes.append(phrase("notice.cache_tracked", folder=CACHE_FOLDER))
        else:
            findings = cache_entry.findings(stored, rule_names())
            files = cache_entry.files(stored, root)
            if findings is not None and files is not None:
                return LintRun(findings, files)
    result = _fresh(root, cwd, None, set(), bundled, snapshot, jobs)
    result.notes = notes
    if notes:
        return result  # never write into a folder git tracks
    entry = {"key": key, "findings": [f.as_dict() for f in result.findings],
             "files": {d: p.relative_to(root).as_posix() for d, p in result.files.items()}}
    # ASCII JSON: a file name that is not UTF-8 (kept as surrogates) survives the round trip
    if cache_entry.write(folder, CACHE_FILE, json.dumps(entry).encode("utf-8")):
        cache_entry.write(folder, ".gitignore", b"# cs-team's lint cache: safe to delete\n*\n")
    return result


def _tracked(root: Path) -> bool:
    """True when git tracks anything in the cache folder, or cannot say (then trust nothing)."""
    git = shutil.which("git")
    if git is None:
        return any((folder / ".git").exists() for folder in (root, *root.parents))
    try:
        listed = subprocess.run([git, "-C", str(root), "ls-files", "-z", "--", CACHE_FOLDER],
                                capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return True
    if listed.returncode != 0:
        return b"not a git repository" not in listed.stderr
    return bool(listed.stdout)
