"""Rows describing what a repository holds, for `cs-team list`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from cs_team.playbook import Playbook

Row = dict[str, Any]


def _row(playbook: Playbook, item: Any, kind: str, title: Any, lang: str, **extra: Any) -> Row:
    """One item; ``file`` is relative to the repository root, wherever the command runs."""
    site = playbook.site(item)
    line = site.span().line
    default = playbook.default_language
    file = site.document.parsed.path.relative_to(playbook.repo.root).as_posix()
    return {"id": item.id, "kind": kind, "title": title.best(lang, default) if title else "", "file": file,
            "line": line, **extra}


def _roles(p: Playbook, lang: str) -> Iterator[Row]:
    for role in p.roles.values():
        yield _row(p, role, "role", role.title, lang, family=role.family, grade=role.grade,
                   level=p.level_of(role))


def _competencies(p: Playbook, lang: str) -> Iterator[Row]:
    for c in p.competencies.values():
        yield _row(p, c, "competency", c.name, lang, category=c.category)


def _questions(p: Playbook, lang: str) -> Iterator[Row]:
    for q in p.questions.values():
        yield _row(p, q, "question", q.text, lang, type=q.type, competencies=list(q.competencies),
                   minutes=q.minutes)


def _modules(p: Playbook, lang: str) -> Iterator[Row]:
    for m in p.modules.values():
        yield _row(p, m, "module", m.title, lang, area=m.area, format=m.format, hours=m.hours)


def _simple(attribute: str, kind: str, title: str) -> Callable[[Playbook, str], Iterator[Row]]:
    def rows(p: Playbook, lang: str) -> Iterator[Row]:
        items = getattr(p, attribute)
        for item in items.values() if isinstance(items, dict) else items:
            yield _row(p, item, kind, getattr(item, title), lang)

    return rows


LISTERS: dict[str, Callable[[Playbook, str], Iterator[Row]]] = {
    "roles": _roles,
    "competencies": _competencies,
    "questions": _questions,
    "modules": _modules,
    "curricula": _simple("curricula", "curriculum", "title"),
    "onboarding-templates": _simple("onboarding", "onboarding-template", "title"),
    "rating-scales": _simple("scales", "rating-scale", "name"),
    "families": _simple("families", "family", "name"),
    "grades": _simple("grades", "grade", "name"),
    "evaluation-rules": _simple("evaluation", "evaluation-rules", "title"),
    "hiring-inputs": _simple("hiring", "hiring-inputs", "title"),
    "hiring-scenarios": _simple("scenarios", "hiring-scenario", "title"),
    "work-calendars": _simple("calendars", "work-calendar", "title"),
}
ALIASES = {"role": "roles", "competency": "competencies", "question": "questions",
           "module": "modules", "curriculum": "curricula", "onboarding": "onboarding-templates",
           "onboarding-template": "onboarding-templates", "scales": "rating-scales",
           "rating-scale": "rating-scales", "family": "families", "grade": "grades",
           "evaluation": "evaluation-rules", "hiring": "hiring-inputs", "scenario": "hiring-scenarios",
           "hiring-scenario": "hiring-scenarios", "work-calendar": "work-calendars",
           "calendar": "work-calendars", "calendars": "work-calendars"}


def rows(playbook: Playbook, kind: str, lang: str) -> list[Row]:
    return list(LISTERS[ALIASES.get(kind, kind)](playbook, lang))
