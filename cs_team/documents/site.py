"""`cs-team build`: every document of every role, in both formats, with an index.

Safety, in order: everything is rendered in memory first, so a failure or an interruption while
rendering leaves the previous site as it was; a file in the output folder that cs-team did not
write (its manifest lists what it wrote) is never overwritten or deleted; every file is replaced
in one rename; files of the previous build that are no longer produced are removed; the manifest
is written last.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cs_team import atomic
from cs_team.documents.common import stamp
from cs_team.documents.contexts import available, context
from cs_team.documents.output import render
from cs_team.errors import InputError, UsageError
from cs_team.model.role import Role
from cs_team.playbook import Playbook

MANIFEST = ".cs-team-manifest.json"
FORMATS = ("html", "md")


@dataclass(frozen=True)
class Page:
    path: str
    """Relative to the site folder, with / separators."""
    render: Callable[[], str]


def ordered_roles(playbook: Playbook) -> list[tuple[object, list[Role]]]:
    """Roles grouped by family (framework order), each group by grade (lowest first)."""
    def rank(role: Role) -> tuple:
        grade = playbook.grade_rank(role.grade)
        return (grade if grade is not None else 1_000, role.id)

    groups = []
    families = list(playbook.families.values())
    for family in families:
        members = sorted((r for r in playbook.roles.values() if r.family == family.id), key=rank)
        if members:
            groups.append((family, members))
    orphans = sorted((r for r in playbook.roles.values() if r.family not in playbook.families), key=rank)
    if orphans:
        groups.append((None, orphans))
    return groups


def pages(playbook: Playbook, lang: str | None) -> list[Page]:
    found: list[Page] = []
    documents: dict[str, list[str]] = {}
    for _, roles in ordered_roles(playbook):
        for role in roles:
            for name in available(playbook, role):
                documents.setdefault(role.id, []).append(name)
                variables = context(playbook, role, name)
                for output in FORMATS:
                    found.append(Page(f"{role.id}/{name}.{output}", _renderer(playbook, name, output,
                                                                                lang, variables)))
    from cs_team.trace import trace

    traces = [trace(playbook, playbook.roles[r]) for r in sorted(playbook.roles)]
    department = {"traces": traces, "competencies": playbook.competencies, "roles": playbook.roles,
                  "stamp": stamp(playbook)}
    for output in FORMATS:
        found.append(Page(f"trace.{output}", _renderer(playbook, "trace", output, lang, department)))
    index = {"groups": ordered_roles(playbook), "documents": documents, "stamp": stamp(playbook),
             "grades": playbook.grades, "gaps": sum(len(t.gaps) for t in traces)}
    for output in FORMATS:
        found.append(Page(f"index.{output}", _renderer(playbook, "index", output, lang, index)))
    return found


def _renderer(playbook: Playbook, template: str, output: str, lang: str | None,
              context: dict) -> Callable[[], str]:
    return lambda: render(playbook, template, output, lang, **context)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build(playbook: Playbook, out: Path, lang: str | None = None,
          progress: Callable[[Iterator[Page], int], Iterator[Page]] | None = None) -> list[str]:
    """Render the site into ``out``; returns the files written (relative paths)."""
    todo = pages(playbook, lang)
    walk = progress(iter(todo), len(todo)) if progress else iter(todo)
    rendered = {page.path: page.render() for page in walk}  # nothing on disk changes before this
    previous = _manifest(out)
    foreign = sorted(p for p in rendered if (out / p).exists() and p not in previous)
    if foreign:
        shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
        raise UsageError(f"{out} holds files cs-team did not write: {shown}; build into another folder "
                         "or remove them")
    for path, text in rendered.items():
        atomic.write_text(out / path, text)
    for stale in sorted(set(previous) - set(rendered)):
        target = out / stale
        if target.is_file() and _digest(target.read_text(encoding="utf-8")) == previous[stale]:
            target.unlink()  # ours, and unchanged since we wrote it
    atomic.write_text(out / MANIFEST, json.dumps(
        {path: _digest(text) for path, text in sorted(rendered.items())}, indent=1) + "\n")
    return sorted(rendered)


def _manifest(out: Path) -> dict[str, str]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise InputError(f"{out / MANIFEST} cannot be read ({error}); remove it to rebuild") from None
    return data if isinstance(data, dict) else {}
