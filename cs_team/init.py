"""`cs-team init`: a new playbook repository, copied from the bundled department."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from cs_team import atomic
from cs_team.errors import UsageError
from cs_team.repo import bundled_root
from cs_team.scaffold import FILES


def planned_files(target: Path) -> dict[Path, Path]:
    """Target path -> source path, for every file init writes."""
    source_root = bundled_root()
    planned = {target / p.relative_to(source_root): p for p in sorted(source_root.rglob("*"))
               if p.is_file() and "__pycache__" not in p.parts}
    scaffold = Path(str(resources.files("cs_team.scaffold")))
    for name, destination in FILES.items():
        planned[target / destination] = scaffold / name
    return planned


def init(target: Path) -> list[Path]:
    """Write the new repository; refuse, writing nothing, if any file would be overwritten."""
    planned = planned_files(target)
    existing = sorted(path for path in planned if path.exists() or path.is_symlink())
    if existing:
        shown = ", ".join(str(p) for p in existing[:5])
        more = f" and {len(existing) - 5} more" if len(existing) > 5 else ""
        raise UsageError(f"init would overwrite {shown}{more}; choose an empty or new folder")
    for destination, source in planned.items():  # every file is UTF-8 text
        atomic.write_text(destination, source.read_text(encoding="utf-8"))
    return sorted(planned)
