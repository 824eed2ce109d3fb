"""`cs-team init`: a new playbook repository, copied from the bundled department."""

from __future__ import annotations

import json
import shlex
from importlib import resources
from pathlib import Path

from cs_team import atomic
from cs_team.errors import UsageError
from cs_team.repo import bundled_root
from cs_team.scaffold import FILES
from cs_team.wording import Phrase, phrase


def planned_files(target: Path) -> dict[Path, Path]:
    """Target path -> source path, for every file init writes."""
    source_root = bundled_root()
    planned = {target / p.relative_to(source_root): p for p in sorted(source_root.rglob("*"))
               if p.is_file() and "__pycache__" not in p.parts}
    scaffold = Path(str(resources.files("cs_team.scaffold")))
    for name, destination in FILES.items():
        planned[target / destination] = scaffold / name
    return planned


WORKFLOW = ".github/workflows/cs-team.yml"
ASKED = """\
      # pip installs cs-team from what `cs-team init --install` was given:
      - name: Install cs-team
        run: {command}
"""


def workflow(text: str, install: str | None) -> str:
    """The GitHub workflow: cs-team installed from ``install``, or from a repository variable."""
    if install is None:
        return text
    if not install.strip() or not install.isprintable():
        raise UsageError(phrase("init.install_one_line"))
    start = text.index("      # No package index serves cs-team")
    end = text.index('pip install "$CS_TEAM_INSTALL"\n', start) + len('pip install "$CS_TEAM_INSTALL"\n')
    # shell-quoted for the run line, then a YAML double-quoted scalar (JSON's form of a string is one)
    command = json.dumps(f"pip install {shlex.quote(install.strip())}", ensure_ascii=False)
    return text[:start] + ASKED.format(command=command) + text[end:]


def init(target: Path, install: str | None = None) -> list[Path]:
    """Write the new repository; refuse, writing nothing, if any file would be overwritten.

    ``install``: what the GitHub workflow should pip-install (no package index serves cs-team)."""
    planned = planned_files(target)
    texts = {destination: source.read_text(encoding="utf-8") for destination, source in planned.items()}
    texts[target / WORKFLOW] = workflow(texts[target / WORKFLOW], install)
    existing = sorted(path for path in planned if path.exists() or path.is_symlink())
    if existing:
        files: Phrase | str = ", ".join(str(p) for p in existing[:5])
        if len(existing) > 5:
            files = phrase("init.and_more", files=files, more=len(existing) - 5)
        raise UsageError(phrase("init.would_overwrite", files=files))
    for destination, text in texts.items():  # every file is UTF-8 text
        atomic.write_text(destination, text)
    return sorted(planned)
