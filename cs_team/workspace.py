"""Which playbook repository a command works on, and linting a set of paths.

A command run outside any repository uses the bundled example department and
says so; ``lint`` given file names (as pre-commit passes them) loads each
file's whole repository, because cross-file rules need it, but reports only
on the files it was given, and skips files that are in no repository.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cs_team.collector import collector_paused
from cs_team.errors import UsageError
from cs_team.findings import Finding, normalise
from cs_team.repo import CONFIG_NAME, bundled_root, find_root
from cs_team.wording import Phrase, phrase

if TYPE_CHECKING:  # loading imports the models (pydantic): a cached lint does without
    from cs_team.loader import Repository


@dataclass
class ChosenRepository:
    root: Path
    bundled: bool = False
    note: Phrase | None = None
    """Said on stderr: e.g. that the bundled department is used."""


def choose_repository(start: Path | None, cwd: Path) -> ChosenRepository:
    """The repository around ``start`` (or ``cwd``); the bundled one when there is none around cwd."""
    if start is not None and not (cwd / start).exists():
        raise UsageError(phrase("repository.no_such_path", path=str(start)))
    root = find_root(cwd / start if start is not None else cwd)
    if root is not None:
        return ChosenRepository(root)
    if start is not None:
        raise UsageError(phrase("repository.outside", path=str(start), config=CONFIG_NAME))
    bundled = bundled_root()
    return ChosenRepository(bundled, True, phrase("repository.bundled", cwd=str(cwd), config=CONFIG_NAME,
                                                  bundled=str(bundled)))


@dataclass
class Opened:
    repo: Repository
    note: Phrase | None = None


def open_repository(start: Path | None = None, cwd: Path | None = None) -> Opened:
    from cs_team.loader import load_repository

    cwd = cwd or Path.cwd()
    chosen = choose_repository(start, cwd)
    return Opened(load_repository(chosen.root, bundled=chosen.bundled, cwd=cwd), chosen.note)


@dataclass
class LintResult:
    findings: list[Finding]
    files_checked: int
    notes: list[str | Phrase] = field(default_factory=list)
    language: str | None = "en"
    """The linted repository's default language: what its messages are shown in unless asked
    (None when no repository was linted: then the reader's)."""


def default_language(root: Path) -> str:
    """``default_language`` of the repository at ``root`` (English when it cannot be read: the
    config file's own findings say why)."""
    import yaml

    config = root / CONFIG_NAME
    try:
        if not config.is_file() or config.stat().st_size > 1 << 20:  # no FIFO, no device, no giant
            return "en"
        data = yaml.load(config.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError, ValueError):
        return "en"
    language = data.get("default_language") if isinstance(data, dict) else None
    return language if language in ("zh", "en") else "en"


def _belongs(path: Path, requested: list[Path]) -> bool:
    return any(path == r or r in path.parents for r in requested)


def lint_paths(paths: list[Path], select: set[str] | None, ignore: set[str],
               cwd: Path | None = None, use_cache: bool | None = None, jobs: str = "auto") -> LintResult:
    """Lint the repositories holding ``paths`` (or the current one) and report on ``paths``."""
    with collector_paused():
        return _lint_paths(paths, select, ignore, cwd or Path.cwd(), use_cache, jobs)


def _lint_paths(paths: list[Path], select: set[str] | None, ignore: set[str], cwd: Path,
                use_cache: bool | None, jobs: str) -> LintResult:
    from cs_team.lint.cache import lint_repository

    if not paths:
        chosen = choose_repository(None, cwd)
        run = lint_repository(chosen.root, cwd, select, ignore, use_cache=use_cache,
                              bundled=chosen.bundled, jobs=jobs)
        return LintResult(run.findings, len(run.files), [*([chosen.note] if chosen.note else []),
                                                         *run.notes], default_language(chosen.root))
    groups: dict[Path, list[Path]] = {}
    notes: list[str | Phrase] = []
    for given in paths:
        path = given if given.is_absolute() else cwd / given
        if not path.exists():
            raise UsageError(phrase("repository.no_such_path", path=str(given)))
        root = find_root(path)
        if root is None:  # pre-commit passes every changed YAML file, playbook or not
            notes.append(phrase("repository.skipped", path=str(given), config=CONFIG_NAME))
            continue
        groups.setdefault(root, []).append(path.resolve())
    findings: list[Finding] = []
    checked = 0
    for root, requested in groups.items():
        run = lint_repository(root, cwd, select, ignore, use_cache=use_cache, jobs=jobs)
        notes += run.notes
        if root.resolve() in requested:  # the whole repository: no path to compare (resolving costs)
            wanted = set(run.files)
        else:
            wanted = {display for display, path in run.files.items() if _belongs(path.resolve(), requested)}
        checked += len(wanted)
        findings += [f for f in run.findings if f.path in wanted]
    if not checked:
        _nothing_checked(paths, cwd, notes)
    language = default_language(next(iter(groups))) if groups else None
    return LintResult(normalise(findings), checked, notes, language)


def _nothing_checked(paths: list[Path], cwd: Path, notes: list[str | Phrase]) -> None:
    """A lint that checked nothing because of its paths is a usage error, save pre-commit's case.

    pre-commit passes every changed YAML file, and a change touching only workflows or other
    YAML outside the playbooks must pass (with the notes saying what was skipped). A folder, or
    a file that is not YAML, names something the user meant to be checked.
    """
    from cs_team.repo import YAML_SUFFIXES

    meant = [p for p in paths if not ((p if p.is_absolute() else cwd / p).is_file()
                                      and p.name.endswith(YAML_SUFFIXES))]
    if meant:
        reasons: Phrase | str = (notes[0] if notes else
                                 phrase("repository.no_playbook_file", path=str(meant[0])))
        for note in notes[1:]:
            reasons = phrase("repository.reasons", first=reasons, rest=note)
        raise UsageError(phrase("repository.nothing_checked", reasons=reasons))
