"""Evaluation rules (考核规则): probation review and the internal promotion competition."""

from typing import Annotated, Literal

from pydantic import Field, model_validator

from cs_team.model.common import Document, Id, Level, LocalText, Strict
from cs_team.model.kpi import KpiName, KpiTargets
from cs_team.wording import phrase


class Decision(Strict):
    id: Id
    label: LocalText
    when: LocalText


class ProbationReview(Strict):
    month: int = Field(ge=1, le=24)
    focus: LocalText
    expected_percent_of_target: float = Field(
        100, gt=0, le=100, description="How much of the full target a new hire should reach by then"
    )
    ramp_percent: dict[KpiName, Annotated[float, Field(gt=0, le=100)]] = Field(
        default_factory=dict,
        description="Per-KPI share of the target expected by then (FCR and AHT ramp; QA, adherence "
        "and CSAT hold near target from go-live); a KPI not listed uses expected_percent_of_target",
    )

    def percent_for(self, kpi: str) -> float:
        return self.ramp_percent.get(kpi, self.expected_percent_of_target)  # type: ignore[call-overload]


class Probation(Strict):
    contract_months: Annotated[int, Field(ge=1)] | Literal["open-ended"] | None = Field(
        None, description="Term of the labour contract the probation belongs to, in months, or "
        "open-ended: the Labour Contract Law (art. 19) caps probation by it")
    months: int = Field(ge=1, le=12)
    targets: dict[Level, KpiTargets] = Field(description="KPI targets per level")
    reviews: list[ProbationReview] = Field(default_factory=list)
    decisions: list[Decision] = Field(min_length=1)


class Eligibility(Strict):
    min_grade: Id
    min_tenure_months: int = Field(0, ge=0, le=600)
    min_performance: str = Field(description="Lowest acceptable performance rating, e.g. B+")
    consecutive_reviews: int = Field(1, ge=1, le=24)
    no_major_incident_months: int = Field(0, ge=0, le=600)
    max_complaint_rate_percent: float | None = Field(None, ge=0, le=100)


class SpecialTrack(Strict):
    description: LocalText
    qualifications: list[LocalText] = Field(min_length=1)
    min_tenure_months: int = Field(ge=0, le=600, description="Tenure required on this track")


class CompetitionStage(Strict):
    id: Id
    title: LocalText
    description: LocalText


# The fields of a candidate's promotion record: a component of the final model named like one of
# them could not be told apart from it in a CSV column or a record's key.
RECORD_FIELDS = frozenset({"name", "grade", "tenure_months", "performance", "months_since_major_incident",
                           "complaint_rate_percent", "special_track", "scores", "promotion", "line"})


class ModelComponent(Strict):
    id: Id
    title: LocalText
    weight: float = Field(gt=0, le=100)
    source: Literal["written-test", "simulation", "interview", "attendance", "performance",
                    "kpi-attainment", "collaboration", "improvement"] = Field(
        description="Where the score comes from: kpi-attainment (KPI达成率), collaboration (跨部门协作, "
        "rated by the departments worked with), improvement (流程优化贡献, rated by a panel)")


class ServiceLine(Strict):
    """A line of service (电话, 在线, VIP专属服务) the competition's places are shared over."""

    id: Id
    name: LocalText
    headcount: int = Field(ge=1, le=100_000, description="People on the line: places follow it")


class Promotion(Strict):
    id: Id
    title: LocalText
    target_roles: list[Id] = Field(min_length=1)
    eligibility: Eligibility
    special_track: SpecialTrack | None = None
    stages: list[CompetitionStage] = Field(min_length=1)
    final_model: list[ModelComponent] = Field(min_length=1)
    pass_score: float | None = Field(None, gt=0, le=100)
    places: int | None = Field(None, ge=1, le=1000, description="Places to fill")
    lines: list[ServiceLine] = Field(
        default_factory=list, description="Lines the places are split over in proportion to head-count "
        "(largest remainder); each candidate names their line and is ranked within it")

    @model_validator(mode="after")
    def _lines_need_places(self) -> "Promotion":
        if self.lines and self.places is None:
            raise ValueError(phrase("model.lines_need_places"))
        for component in self.final_model:
            if component.id in RECORD_FIELDS:
                raise ValueError(phrase("model.component_is_a_field", component=component.id))
        return self


class EvaluationRules(Document):
    kind: Literal["evaluation-rules"]
    id: Id
    title: LocalText
    performance_ratings: list[str] = Field(
        min_length=2, description="Performance ratings, best first, e.g. [A, B+, B, C, D]"
    )
    probation: Probation
    promotions: list[Promotion] = Field(default_factory=list)
