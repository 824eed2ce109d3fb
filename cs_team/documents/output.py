"""Render a document of a playbook repository: its language, its template folder, its format."""

from __future__ import annotations

from typing import Any

from cs_team.errors import UsageError
from cs_team.playbook import Playbook
from cs_team.render.engine import FORMATS, Renderer
from cs_team.render.language import MODES, Language


def language(playbook: Playbook, mode: str | None) -> Language:
    default = playbook.default_language
    chosen = mode or (default if default in MODES else "zh")
    if chosen not in MODES:
        raise UsageError(f"--lang {chosen!r}: use one of {', '.join(MODES)}")
    return Language(chosen, default)


def render(playbook: Playbook, template: str, output: str, mode: str | None, **context: Any) -> str:
    if output not in FORMATS:
        raise UsageError(f"--format {output!r}: use one of {', '.join(FORMATS)}")
    folder = playbook.repo.root / playbook.config.templates if playbook.config.templates else None
    return Renderer(language(playbook, mode), output, folder).render(template, **context)
