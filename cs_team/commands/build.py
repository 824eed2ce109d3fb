"""`cs-team build`: every kit and sheet of every role, published as a site."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cs_team.commands.base import LangOption, RepoOption, app, note, open_playbook
from cs_team.wording import phrase


@app.command()
def build(
    out: Annotated[Path, typer.Option(help="The site folder.")] = Path("site"),
    lang: LangOption = None,
    repo: RepoOption = None,
) -> None:
    """Every kit and sheet of every role, in HTML and Markdown, with an index.

    Roles by family and grade, and the traceability report of every role: the folder a team
    publishes from CI.

    Renders everything first, then writes a new sibling folder and swaps it in with a rename,
    under a lock: a failed, interrupted or killed build leaves the previous site whole, and a
    second build waits for the first. Files in the folder that cs-team did not write (it keeps a
    manifest) are carried over untouched; a link in it is never followed.

    [bold]Examples[/bold]

      cs-team build --out site

      cs-team build --out public --lang zh-en
    """
    from cs_team.documents.website import build as build_site

    playbook = open_playbook(repo)
    progress = None
    if sys.stderr.isatty():
        from rich.progress import track

        def progress(pages, total):
            return track(pages, total=total, description="Rendering", transient=True,
                         console=None)

    written = build_site(playbook, out, lang.value if lang else None, progress)
    note(phrase("done.built", count=len(written), folder=str(out), index=str(out / "index.html")))
