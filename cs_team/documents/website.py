"""`cs-team build`: every document of every role, in both formats, with an index.

Safety, in order: a repository with a file that failed to load is refused (its role's pages
would vanish); everything is rendered in memory first; then, under a lock, the site is written
into a new sibling folder and swapped in with a rename (``publish``), carrying over whatever in
the old folder cs-team did not write (``manifest``), so a failure or a crash at any moment
leaves either the old site or the new one.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cs_team.documents import manifest, publish
from cs_team.documents.common import stamp
from cs_team.documents.contexts import available, context
from cs_team.documents.output import render
from cs_team.errors import InputError, UsageError
from cs_team.findings import Severity
from cs_team.model.role import Role
from cs_team.playbook import Playbook
from cs_team.repo import display_path
from cs_team.wording import listed, os_reason, phrase

MANIFEST = manifest.MANIFEST
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
    from cs_team.documents.career import career

    # a career page where the framework says more than its grade list: tracks, progressions, authority
    careers = [career(playbook, f) for f in playbook.frameworks[:1] if f.tracks or f.authority
               or any(g.progression for g in f.grades)]
    for output in FORMATS:
        found.extend(Page(f"career.{output}", _renderer(playbook, "career", output, lang,
                                                        {"career": c, "stamp": stamp(playbook)}))
                     for c in careers)
    index = {"groups": ordered_roles(playbook), "documents": documents, "stamp": stamp(playbook),
             "grades": playbook.grades, "gaps": sum(len(t.gaps) for t in traces), "career": bool(careers)}
    for output in FORMATS:
        found.append(Page(f"index.{output}", _renderer(playbook, "index", output, lang, index)))
    return found


def _renderer(playbook: Playbook, template: str, output: str, lang: str | None,
              context: dict) -> Callable[[], str]:
    return lambda: render(playbook, template, output, lang, **context)


def build(playbook: Playbook, out: Path, lang: str | None = None,
          progress: Callable[[Iterator[Page], int], Iterator[Page]] | None = None,
          wait: float = publish.WAIT_SECONDS) -> list[str]:
    """Render the site and swap it in at ``out``; returns the files written (relative paths)."""
    _refuse_broken(playbook)
    folder = _site_folder(playbook, out)
    todo = pages(playbook, lang)
    walk = progress(iter(todo), len(todo)) if progress else iter(todo)
    rendered = {page.path: page.render().encode("utf-8") for page in walk}  # nothing on disk yet
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        _publish(out, folder, rendered, wait)
    except OSError as error:  # a full disk, a folder that is a mount point, no permission
        raise UsageError(phrase("site.cannot_publish", path=display_path(out),
                                reason=os_reason(error))) from None
    return sorted(rendered)


def _publish(out: Path, folder: Path, rendered: dict[str, bytes], wait: float) -> None:
    """Under the lock: a new sibling folder with the pages and what is not ours, swapped in."""
    with publish.locked(folder, wait):
        publish.recover(folder)
        previous = manifest.read(folder) if folder.is_dir() else {}
        sorted_out = manifest.plan(folder, previous, rendered) if folder.is_dir() else manifest.Plan()
        if sorted_out.clashes:
            raise manifest.clash_error(out, sorted_out.clashes)
        new = publish.staging(folder)
        try:
            for path, data in rendered.items():
                publish.write_new(new / path, data)
            for path in sorted_out.carried:
                publish.carry(folder / path, new / path)
            for path in sorted_out.folders:
                (new / path).mkdir(parents=True, exist_ok=True)
            publish.write_new(new / manifest.MANIFEST, manifest.render(rendered))
            old = publish.swap(new, folder)
        except BaseException:
            shutil.rmtree(new, ignore_errors=True)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _site_folder(playbook: Playbook, out: Path) -> Path:
    """The folder to replace: ``out``, or the folder a link named ``out`` points to."""
    folder = Path(os.path.realpath(out)) if out.is_symlink() else Path(os.path.abspath(out))
    if folder.exists() and not folder.is_dir():
        raise UsageError(phrase("site.out_is_file", path=display_path(out)))
    root = Path(os.path.realpath(playbook.repo.root))
    if folder == Path(folder.anchor) or folder == root or folder in root.parents:
        raise UsageError(phrase("site.out_holds_repo", path=display_path(out)))
    return folder


def _refuse_broken(playbook: Playbook) -> None:
    """A file that failed to load would drop its role's pages from the site: fail instead."""
    broken = sorted({d.display for d in playbook.repo.documents if d.model is None
                     and any(f.severity is Severity.ERROR for f in d.parsed.findings)})
    if broken:
        raise InputError(phrase("site.unreadable", listed=manifest.first_five(broken)))
    # a curriculum that did not load, or is misnamed, would drop the role's training sheet
    missing = [phrase("site.role_curriculum", role=r.id, curriculum=r.curriculum)
               for r in sorted(playbook.roles.values(), key=lambda r: r.id)
               if r.curriculum and r.curriculum not in playbook.curricula]
    if missing:
        raise InputError(phrase("site.no_curriculum", listed=listed(missing)))
