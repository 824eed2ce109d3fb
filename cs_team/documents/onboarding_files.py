"""The files `onboarding-plan` writes: one plan in a format, or a cohort's plans and the trainer's
view, every file rendered (and printed) before any is written."""

from __future__ import annotations

import json
from pathlib import Path

from cs_team.documents.cohort import Cohort, file_stems
from cs_team.documents.onboarding_json import as_dict
from cs_team.documents.onboarding_view import OnboardingView
from cs_team.documents.output import cohort_plan, language, onboarding_plan
from cs_team.errors import UsageError
from cs_team.playbook import Playbook
from cs_team.wording import phrase

CALENDAR_READ_LIMIT = 50_000_000
"""A calendar file larger than this is not read back for its SEQUENCE numbers."""


def plan_file(playbook: Playbook, view: OnboardingView, output: str, mode: str | None,
              previous: bytes | None = None) -> str | bytes:
    """One plan as md, html, pdf's html, ics (bytes: CRLF line ends kept) or json."""
    if output == "json":
        return json.dumps(as_dict(view, playbook.default_language), ensure_ascii=False, indent=2) + "\n"
    if output == "ics":
        from cs_team.render.ics import plan_calendar

        return plan_calendar(view, language(playbook, mode), previous)
    return onboarding_plan(playbook, view, "html" if output == "pdf" else output, mode)


def previous(path: Path | None) -> bytes | None:
    """The calendar file about to be replaced: its events' SEQUENCE numbers carry on."""
    if path is None or not path.is_file() or path.stat().st_size > CALENDAR_READ_LIMIT:
        return None
    return path.read_bytes()


def cohort_files(playbook: Playbook, together: Cohort, output: str, mode: str | None,
                 folder: Path) -> dict[Path, bytes]:
    """Each hire's plan and the trainer's ``cohort.<output>``, by the path each goes to."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(phrase("onboarding.out_folder", folder=str(folder)))
    views = together.views
    paths = [folder / f"{stem}.{output}" for stem in file_stems([v.hire for v in views])]
    combined = folder / f"cohort.{output}"
    if output == "json":
        files = {path: _bytes(plan_file(playbook, view, output, mode))
                 for path, view in zip(paths, views, strict=True)}
        files[combined] = _bytes(json.dumps(
            {"hires": [dict(as_dict(v, playbook.default_language), group=g)
                       for v, g in zip(views, together.groups, strict=True)]},
            ensure_ascii=False, indent=2) + "\n")
        return files
    if output == "ics":
        from cs_team.render.ics import calendar_bytes, cohort_entries
        from cs_team.render.notices import notice_texts

        files = {path: _bytes(plan_file(playbook, view, output, mode, previous(path)))
                 for path, view in zip(paths, views, strict=True)}
        lang = language(playbook, mode)
        files[combined] = calendar_bytes(cohort_entries(together, lang), lang, lang.label("cohort_plan"),
                                         views[0].timezone, min(v.plan.first_day for v in views),
                                         notice_texts(lang, together.notices), previous(combined))
        return files
    pages = {path: plan_file(playbook, view, output, mode) for path, view in zip(paths, views, strict=True)}
    pages[combined] = cohort_plan(playbook, together, "html" if output == "pdf" else output, mode)
    if output != "pdf":
        return {path: _bytes(content) for path, content in pages.items()}
    from cs_team.render.pdf_batch import print_pdfs

    # the trainer's overview untagged: a tag tree for its long table would be most of the file
    printed = print_pdfs(list(pages.values()), tagged=[True] * len(views) + [False])
    return dict(zip(pages, printed, strict=True))


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content
