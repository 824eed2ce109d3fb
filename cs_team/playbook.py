"""The content of a loaded repository, indexed by id, with the place each item is written.

Rules, documents and plans read playbooks through this one index, so lookups
(a curriculum's modules through ``extends``, a competency's scale, a role's
level) are written once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cached_property
from typing import Any, TypeVar

from cs_team.errors import InputError
from cs_team.findings import Span
from cs_team.loader import LoadedDocument, Repository
from cs_team.model import ITEM_LISTS
from cs_team.model.calendar import WorkCalendar
from cs_team.model.competency import Competency
from cs_team.model.curriculum import Curriculum, Module
from cs_team.model.evaluation import EvaluationRules, Promotion
from cs_team.model.framework import CareerFramework, Family, Grade
from cs_team.model.hiring import HiringInputs
from cs_team.model.onboarding import OnboardingTemplate
from cs_team.model.qa import QaForm
from cs_team.model.questions import Question, QuestionBank
from cs_team.model.role import Role
from cs_team.model.scale import RatingScale, ScalePoint
from cs_team.model.scenario import HiringScenario
from cs_team.model.survey import Survey
from cs_team.node_path import span_at
from cs_team.wording import phrase


@dataclass(frozen=True)
class Site:
    """Where something is written: a document and the path to it inside."""

    document: LoadedDocument
    path: tuple = ()
    in_model: bool = True
    """The path indexes the validated model's lists, which skip items left out for their
    errors; False: it indexes the file's (ids gathered from the raw data)."""

    def at(self, *more: str | int) -> Site:
        return Site(self.document, self.path + more, self.in_model)

    def span(self, *, key: bool = False) -> Span:
        """The place in the file (``key``: the key's rather than its value's)."""
        path = self.document.file_path(self.path) if self.in_model else self.path
        return span_at(self.document.parsed.node, path, key=key)

    def where(self) -> str:
        """``file:line`` for messages that point at a second place."""
        return f"{self.document.display}:{self.span().line}"


@dataclass
class QuestionPool:
    """The bank indexed once for every role's kit: questions by (type, competency), in bank order."""

    by_slot: dict[tuple[str, str], list[Question]] = dataclass_field(default_factory=dict)
    order: dict[str, int] = dataclass_field(default_factory=dict)
    """Question id -> its place in the bank."""


T = TypeVar("T")


class Playbook:
    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.config = repo.config
        self.default_language = repo.config.default_language
        self.sites: dict[int, Site] = {}
        self._indexes: dict[type, Any] = {}
        self.declared: dict[str, dict[str, list[Site]]] = {}
        self.unreadable_ids: set[str] = set()
        """Ids a file that could not be parsed may define: a reference to one is not reported as
        unknown, since the file's own error is the problem to fix."""
        self._declare(repo.documents)

        self.frameworks: list[CareerFramework] = self._all("career-framework")
        self.families: dict[str, Family] = {}
        self.grades: dict[str, Grade] = {}
        self.grade_order: list[str] = []
        for framework in self.frameworks:
            for i, family in enumerate(framework.families):
                self._keep(self.families, family.id, family, framework, ("families", i))
            for i, grade in enumerate(framework.grades):
                if self._keep(self.grades, grade.id, grade, framework, ("grades", i)):
                    self.grade_order.append(grade.id)
        self.scales: dict[str, RatingScale] = self._by_id("rating-scale")
        self.competencies: dict[str, Competency] = self._by_id("competency")
        self.roles: dict[str, Role] = self._by_id("role")
        self.curricula: dict[str, Curriculum] = self._by_id("curriculum")
        self.onboarding: dict[str, OnboardingTemplate] = self._by_id("onboarding-template")
        self.hiring: dict[str, HiringInputs] = self._by_id("hiring-inputs")
        self.scenarios: dict[str, HiringScenario] = self._by_id("hiring-scenario")
        self.evaluation: list[EvaluationRules] = self._all("evaluation-rules")
        self.calendars: list[WorkCalendar] = self._all("work-calendar")
        self.qa_forms: list[QaForm] = self._all("qa-form")
        self.surveys: list[Survey] = self._all("survey")
        self.banks: list[QuestionBank] = self._all("question-bank")
        self.questions: dict[str, Question] = {}
        for bank in self.banks:
            for i, question in enumerate(bank.questions):
                self._keep(self.questions, question.id, question, bank, ("questions", i))
        self.modules: dict[str, Module] = {}
        for curriculum in self.curricula.values():
            for i, module in enumerate(curriculum.modules):
                self._keep(self.modules, module.id, module, curriculum, ("modules", i))

    def left_out(self, kind: str, field: str) -> Iterator[tuple[Site, Any]]:
        """Items of ``field`` written in ``kind`` documents that the model lacks for their errors."""
        for document in self.repo.documents:
            items = document.data.get(field) if isinstance(document.data, dict) else None
            if document.kind != kind or not isinstance(items, list):
                continue
            if document.model is not None and field not in document.kept:
                continue
            kept = set(document.kept.get(field, ()))
            for i, item in enumerate(items):
                if document.model is None or i not in kept:
                    yield Site(document, (field, i), in_model=False), item

    @cached_property
    def question_pool(self) -> QuestionPool:
        pool = QuestionPool(order={qid: i for i, qid in enumerate(self.questions)})
        for question in self.questions.values():
            for competency in question.competencies:
                pool.by_slot.setdefault((question.type, competency), []).append(question)
        return pool

    def index(self, kind: Callable[[Playbook], T]) -> T:
        """The one ``kind(self)`` of this playbook, made on first use and then shared.

        For what layers above the playbook derive from it once and read many times (every
        role's interview plan, each document's texts): ``kind`` is a small class of theirs,
        so the playbook holds it without importing it, and its type is known to the reader.
        """
        if kind not in self._indexes:
            self._indexes[kind] = kind(self)
        return self._indexes[kind]

    # -- building -------------------------------------------------------------
    def _declare(self, documents: list[LoadedDocument]) -> None:
        """Record every id written, from raw data, so that invalid documents still resolve."""
        for document in documents:
            data = document.data
            if not document.parsed.has_document and document.parsed.text:
                self.unreadable_ids |= _ids_written_in(document.parsed.text)
                self.unreadable_ids.add(document.parsed.path.stem)
            if document.kind is None or not isinstance(data, dict):
                continue
            if isinstance(data.get("id"), str):
                self.declared.setdefault(document.kind, {}).setdefault(data["id"], []).append(
                    Site(document, ("id",), in_model=False))
            for field, namespace in ITEM_LISTS.get(document.kind, ()):
                items = data.get(field)
                for i, item in enumerate(items if isinstance(items, list) else []):
                    if isinstance(item, dict) and isinstance(item.get("id"), str):
                        self.declared.setdefault(namespace, {}).setdefault(item["id"], []).append(
                            Site(document, (field, i, "id"), in_model=False))

    def _all(self, kind: str) -> list[Any]:
        models = []
        for document, model in self.repo.models(kind):
            self.sites[id(model)] = Site(document)
            models.append(model)
        return models

    def _by_id(self, kind: str) -> dict[str, Any]:
        index: dict[str, Any] = {}
        for model in self._all(kind):
            index.setdefault(model.id, model)
        return index

    def _keep(self, index: dict, key: str, item: Any, parent: Any, path: tuple) -> bool:
        self.sites[id(item)] = self.sites[id(parent)].at(*path)
        if key in index:
            return False
        index[key] = item
        return True

    # -- lookups --------------------------------------------------------------
    def site(self, item: Any) -> Site:
        return self.sites[id(item)]

    def exists(self, namespace: str, key: str) -> bool:
        return key in self.declared.get(namespace, {})

    def curriculum_modules(self, curriculum_id: str) -> list[Module]:
        """Modules of a curriculum, those of the one it extends first (cycles cut)."""
        chain: list[Curriculum] = []
        current = self.curricula.get(curriculum_id)
        while current is not None and current not in chain:
            chain.insert(0, current)
            current = self.curricula.get(current.extends) if current.extends else None
        return [module for curriculum in chain for module in curriculum.modules]

    def scale_points(self, competency: Competency) -> list[ScalePoint]:
        if isinstance(competency.scale, str):
            scale = self.scales.get(competency.scale)
            return list(scale.points) if scale else []
        return list(competency.scale)

    def level_of(self, role: Role) -> str | None:
        grade = self.grades.get(role.grade)
        return grade.level if grade else None

    def probation_targets(self, role: Role) -> dict[str, float]:
        """KPI -> target the role's probation measures: its level's, the role's own winning."""
        targets: dict[str, float] = {}
        level = self.level_of(role)
        if role.kpis_from_level and self.evaluation and level in self.evaluation[0].probation.targets:
            targets.update(self.evaluation[0].probation.targets[level].items())
        if role.kpi_targets is not None:
            targets.update(role.kpi_targets.items())
        return targets

    def acceptable_ratings(self, promotion: Promotion) -> list[str]:
        """The performance ratings that let a candidate enter ``promotion``: the listed ones,
        from the best down to its minimum. The promotion sheet and the ranking both ask here.

        A minimum that is not a listed rating (lint's CS218) is an error, not a guess: read as
        itself it let nobody in, read as "any rating" it let D, D, D in.
        """
        rules = next(r for r in self.evaluation if any(p is promotion for p in r.promotions))
        ratings = list(rules.performance_ratings)
        minimum = promotion.eligibility.min_performance
        if minimum not in ratings:
            index = next(i for i, p in enumerate(rules.promotions) if p is promotion)
            where = self.site(rules).at("promotions", index, "eligibility", "min_performance").where()
            raise InputError(phrase("document.min_performance", where=where, minimum=minimum,
                                    promotion=promotion.id, ratings=", ".join(ratings)))
        return ratings[: ratings.index(minimum) + 1]

    def grade_rank(self, grade_id: str) -> int | None:
        """Where a grade stands: its band when every grade has one (two tracks side by side,
        专家 level with 主管), else its place in the list."""
        if grade_id not in self.grade_order:
            return None
        bands = [self.grades[g].band for g in self.grade_order]
        if all(band is not None for band in bands):
            return self.grades[grade_id].band
        return self.grade_order.index(grade_id)


_ID_LINE = re.compile(r"""^[ \t-]*id:[ \t]*["']?([^\s"'#,{}\[\]]+)""", re.MULTILINE)


def _ids_written_in(text: str) -> set[str]:
    """The ids a text that did not parse seems to define (``id:`` lines), for silencing follow-on
    reference errors; a guess, so it only ever hides findings about a broken file's ids."""
    return set(_ID_LINE.findall(text))
