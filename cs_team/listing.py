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
    "qa-forms": _simple("qa_forms", "qa-form", "title"),
    "surveys": _simple("surveys", "survey", "title"),
}
ALIASES = {"role": "roles", "competency": "competencies", "question": "questions",
           "module": "modules", "curriculum": "curricula", "onboarding": "onboarding-templates",
           "onboarding-template": "onboarding-templates", "scales": "rating-scales",
           "rating-scale": "rating-scales", "family": "families", "grade": "grades",
           "evaluation": "evaluation-rules", "hiring": "hiring-inputs", "scenario": "hiring-scenarios",
           "hiring-scenario": "hiring-scenarios", "work-calendar": "work-calendars",
           "calendar": "work-calendars", "calendars": "work-calendars",
           "qa-form": "qa-forms", "qa": "qa-forms", "survey": "surveys"}


def rows(playbook: Playbook, kind: str, lang: str) -> list[Row]:
    return list(LISTERS[ALIASES.get(kind, kind)](playbook, lang))


# Columns whose ids a person reads by name in a table (JSON keeps the ids).
_VALUE_LABELS = {"level": "levels", "type": "question_types", "category": "competency_categories",
                 "area": "content_areas", "format": "module_formats"}


def table(playbook: Playbook, found: list[Row], lang: str) -> tuple[list[str], list[list[str]]]:
    """Headers and cells of ``cs-team list`` as people read it: in Chinese, headers, grades,
    families and the listed categories by their names; file and line as one place."""
    from cs_team.render.language import catalogue

    labels = catalogue()
    columns = [c for c in (found[0] if found else ["id", "title", "file"]) if c not in ("kind", "line")]

    def word(column: str, value: Any) -> str:
        if isinstance(value, list):
            return ", ".join(word(column, v) for v in value)
        if lang != "zh":
            return str(value)
        if column == "grade" and value in playbook.grades:
            return playbook.grades[value].name.best(lang, playbook.default_language)
        if column == "family" and value in playbook.families:
            return playbook.families[value].name.best(lang, playbook.default_language)
        if column == "competencies" and value in playbook.competencies:
            return playbook.competencies[value].name.best(lang, playbook.default_language)
        names = labels.get(_VALUE_LABELS.get(column, ""), {})
        return names[value][lang] if value in names else str(value)

    headers = [labels["list_columns"][c][lang] if lang == "zh" and c in labels["list_columns"] else c
               for c in columns]
    cells = [[word(c, f"{row['file']}:{row['line']}" if c == "file" else row[c]) for c in columns]
             for row in found]
    return headers, cells
