"""Where a playbook repository is, which files belong to it, and the bundled default."""

from __future__ import annotations

import fnmatch
import os
from importlib import resources
from pathlib import Path

CONFIG_NAME = "cs-team.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding a ``cs-team.yaml``."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def bundled_root() -> Path:
    """The bundled example department: inside the installed wheel, or the source checkout's."""
    packaged = Path(str(resources.files("cs_team"))) / "_bundled" / "playbooks"
    if (packaged / CONFIG_NAME).is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "playbooks"


def bundled_templates() -> Path:
    """The built-in document templates: inside the installed wheel, or the source checkout's."""
    packaged = Path(str(resources.files("cs_team"))) / "_bundled" / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"


def playbook_files(root: Path, exclude: list[str], skip_dirs: list[Path],
                   among: list[Path] | None = None) -> list[Path]:
    """Every YAML file below ``root`` except hidden ones, excluded ones and the config, sorted.

    ``among``: the files an earlier call without exclusions returned, to filter
    instead of walking the folders again.
    """
    resolved_root = root.resolve()
    skipped = tuple(f"{p.resolve().relative_to(resolved_root).as_posix()}/"
                    for p in skip_dirs if p.resolve().is_relative_to(resolved_root))
    found: list[tuple[str, Path]] = []
    for path in (_yaml_files(root) if among is None else among):
        relative = path.relative_to(root).as_posix()
        if (relative == CONFIG_NAME or relative.startswith(skipped)
                or any(fnmatch.fnmatch(relative, p) for p in exclude)):
            continue
        found.append((relative, path))
    return [path for _, path in sorted(found)]


def _yaml_files(root: Path) -> list[Path]:
    """YAML files below ``root``, hidden files and folders left out (symbolic links to folders too)."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(folder)
        found.extend(base / name for name in files
                     if not name.startswith(".") and name.endswith(YAML_SUFFIXES))
    return found


def inside(root: Path, path: Path) -> bool:
    """True when ``path``, links resolved, is ``root`` or below it (links resolved too)."""
    real_root, real = os.path.realpath(root), os.path.realpath(path)
    return os.path.commonpath([real_root, real]) == real_root


def display_path(path: Path, cwd: Path | None = None) -> str:
    """The path as the user should see it: relative to the working folder when inside it."""
    cwd = cwd or Path.cwd()
    # the folder resolved, not the file: a file that is a link is shown by its own name
    resolved = path.resolve() if path.name in ("", ".", "..") else path.parent.resolve() / path.name
    try:
        return shown_name(resolved.relative_to(cwd.resolve()).as_posix())
    except ValueError:
        return shown_name(str(resolved))


def display_paths(root: Path, paths: list[Path], cwd: Path | None = None) -> list[str]:
    """display_path() of many files below ``root``, resolving folders once, not every file."""
    base = display_path(root, cwd)
    prefix = "" if base == "." else base + "/"
    return [prefix + shown_name(p.relative_to(root).as_posix()) for p in paths]


def shown_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (a GBK name, say) written as ``\\xNN``.

    Python keeps such bytes as lone surrogates, which no output can encode.
    """
    if name.isascii() or not any("\udc80" <= char <= "\udcff" for char in name):
        return name
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def name_is_utf8(path: Path) -> bool:
    return not any("\udc80" <= char <= "\udcff" for char in path.name)
