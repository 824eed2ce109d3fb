"""The playbook format: one pydantic model per kind, the single source of the schema.

The model modules leave annotations evaluated (no ``from __future__ import annotations``):
pydantic turns each string annotation back into a type by compiling it, some 700 at every start,
which cost a fifth of the models' import time (a name used before its class ends is quoted).
"""

from cs_team.model.calendar import WorkCalendar
from cs_team.model.common import FORMAT_VERSION, Document, Text
from cs_team.model.competency import Competency
from cs_team.model.config import Config
from cs_team.model.curriculum import Curriculum
from cs_team.model.demand import DemandPattern
from cs_team.model.evaluation import EvaluationRules
from cs_team.model.framework import CareerFramework
from cs_team.model.hiring import HiringInputs
from cs_team.model.onboarding import OnboardingTemplate
from cs_team.model.qa import QaForm
from cs_team.model.questions import QuestionBank
from cs_team.model.role import Role
from cs_team.model.scale import RatingScale
from cs_team.model.scenario import HiringScenario
from cs_team.model.survey import Survey

KINDS: dict[str, type[Document]] = {
    "career-framework": CareerFramework,
    "rating-scale": RatingScale,
    "competency": Competency,
    "role": Role,
    "question-bank": QuestionBank,
    "curriculum": Curriculum,
    "onboarding-template": OnboardingTemplate,
    "evaluation-rules": EvaluationRules,
    "hiring-inputs": HiringInputs,
    "hiring-scenario": HiringScenario,
    "demand-pattern": DemandPattern,
    "work-calendar": WorkCalendar,
    "qa-form": QaForm,
    "survey": Survey,
}

RESULT_KINDS = frozenset({"scorecard", "training-results", "promotion-records"})
"""Kinds of results files (read by ``cs_team.results``): the playbook loader leaves them alone."""

# Lists whose items carry repository-wide ids: kind -> ((field, namespace), ...).
# Such items stand alone: one broken item does not make its siblings unusable.
ITEM_LISTS: dict[str, tuple[tuple[str, str], ...]] = {
    "career-framework": (("families", "family"), ("grades", "grade")),
    "question-bank": (("questions", "question"),),
    "curriculum": (("modules", "module"),),
    "evaluation-rules": (("promotions", "promotion"),),
}

__all__ = ["FORMAT_VERSION", "ITEM_LISTS", "KINDS", "RESULT_KINDS", "Config", "Document", "Text"]
