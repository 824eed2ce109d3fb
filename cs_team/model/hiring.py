"""Hiring inputs (招聘规划参数): service targets, shrinkage, attrition, ramp and sourcing."""

from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from cs_team.model.common import Document, Id, LocalText, Percent, Strict
from cs_team.model.shifts import ShiftRules
from cs_team.wording import phrase

Share = Annotated[float, Field(ge=0, le=100, description="A percentage written as 85 for 85 %")]
"""A part of a whole, 0 to 100 (a share, a funnel step, shrinkage, attrition)."""

Step = Annotated[float, Field(ge=0.01, le=100, description="A percentage, at least 0.01 %")]
"""A funnel step or a sourcing share: never 0 (nor a vanishing 5e-324), since the applicants
needed are the hires divided by every step, and a channel with no share takes no hires."""

MAX_MONEY = 1e12
"""Costs and budgets: a trillion is past any hiring budget, and keeps sums finite."""


class ServiceLevel(Strict):
    percent: Percent
    within_seconds: float = Field(le=86_400)


class ServiceChannel(Strict):
    id: Id
    name: LocalText
    type: Literal["voice", "chat", "messaging", "email", "social"]
    roles: list[Id] = Field(min_length=1, description="Roles that staff this channel")
    service_level: ServiceLevel | None = None
    asa_seconds: float | None = Field(None, le=86_400)
    response_hours: float | None = Field(None, le=720, description="Email/tickets: first response within")
    concurrency: float = Field(1, le=20, description="Contacts one agent handles at once (chat: 2-3)")
    max_occupancy_percent: Percent | None = None
    patience_seconds: float | None = Field(
        None, gt=0, description="Callers' average patience: staff by Erlang A, with abandonment")
    abandon_percent: Percent | None = Field(None, description="Highest abandonment allowed (with patience)")


class ShrinkageItems(Strict):
    holidays: Share = 0
    sickness: Share = 0
    breaks: Share = 0
    training: Share = 0
    meetings: Share = 0
    other: Share = 0

    def total(self) -> float:
        return sum(getattr(self, name) for name in type(self).model_fields)


def _shrinkage_form(value: object) -> str:
    return "itemised" if isinstance(value, dict) else "total"


Shrinkage = Annotated[
    Annotated[Share, Tag("total")] | Annotated[ShrinkageItems, Tag("itemised")],
    Discriminator(_shrinkage_form),
]


class Funnel(Strict):
    """Conversion from one stage of the hiring funnel to the next, in percent: résumés → passed
    the screen (初筛) → came to the interview (到面率) → passed it (面试通过率) → accepted the
    offer (offer 接受率) → came on day one (报到率) → passed training (培训通过率)."""

    screened_percent: Step = Field(description="Résumés that pass the screen and are invited (初筛通过率)")
    interviewed_percent: Step = Field(description="Invited candidates who come to the interview (到面率)")
    offered_percent: Step = Field(description="Interviewed candidates who pass and get an offer (面试通过率)")
    accepted_percent: Step = Field(description="Offers accepted (offer 接受率)")
    joined_percent: Step = Field(100, description="Accepted offers who come on the first day (报到率)")
    trained_percent: Step = Field(100, description="Starters who pass training and go live (培训通过率)")


class SourcingChannel(Strict):
    id: Id
    name: LocalText
    days_to_fill: int = Field(ge=0, le=365)
    funnel: Funnel
    cost_per_hire: float = Field(0, ge=0, le=MAX_MONEY)
    fixed_cost: float = Field(0, ge=0, le=MAX_MONEY)
    share_percent: Step = Field(description="Share of hires planned through this channel")
    one_year_retention_percent: Share | None = None
    campus: bool = Field(False, description="Campus hiring: graduates start training from 1 July of "
                         "their graduation year, so this source fills no class that starts earlier")
    roles: list[Id] = Field(default_factory=list, description="Roles this source fills (default: every role)")

    def fills(self, role: str) -> bool:
        return not self.roles or role in self.roles


class RosterEntry(Strict):
    role: Id
    headcount: int = Field(ge=0, le=1_000_000)
    channel_order: list[Id] = Field(
        default_factory=list, description="Channels this role answers first, most preferred first")
    max_share_percent: dict[Id, Share] = Field(
        default_factory=dict, description="Most of this role's working hours a channel may take")


class ClassSize(Strict):
    min: int = Field(1, ge=1, le=1000)
    max: int = Field(20, ge=1, le=1000)

    @model_validator(mode="after")
    def _ordered(self) -> "ClassSize":
        if self.min > self.max:
            raise ValueError(phrase("model.class_size", min=self.min, max=self.max))
        return self


class Overtime(Strict):
    max_hours_per_person_week: float = Field(ge=0, le=36, description="Labour law caps it at 36 a month")
    cost_factor: float = Field(1.5, ge=1, le=10, description="An overtime hour costs this many normal hours")


class TempSource(Strict):
    """Temporary or outsourced agents: hours bought when needed, after a lead time."""

    id: Id
    name: LocalText
    lead_days: int = Field(ge=0, le=365, description="Days from the order to the first shift")
    cost_per_hour: float = Field(gt=0, le=MAX_MONEY)
    channels: list[Id] = Field(min_length=1, description="Channels these agents may answer")
    max_hours_per_week: float | None = Field(None, gt=0, le=1_000_000)


class InternalMove(Strict):
    """A share of one role moves up to another each quarter (the career framework's ladder)."""

    from_role: Id
    to_role: Id
    percent_per_quarter: Share


BudgetLine = Literal["recruiting", "training", "wages", "overtime", "temps"]
BUDGET_LINES: tuple[str, ...] = ("recruiting", "training", "wages", "overtime", "temps")
RECRUITING_BUDGET: tuple[str, ...] = ("recruiting", "training")
"""What a budget covers when the inputs do not say: the 招聘预算 of Chinese practice, recruiting and
training; new hires' wages, overtime and temps are the headcount budget's (人力成本)."""


class Budget(Strict):
    amount: float = Field(ge=0, le=MAX_MONEY)
    covers: list[BudgetLine] = Field(
        default_factory=lambda: list(RECRUITING_BUDGET), min_length=1,
        description="The plan's cost lines this budget pays for (default: recruiting and training, the "
        "招聘预算; new hires' wages, overtime and temps are usually the headcount budget's, 人力成本)")


class HiringInputs(Document):
    kind: Literal["hiring-inputs"]
    id: Id
    title: LocalText
    currency: str = Field("CNY", pattern=r"^[A-Z]{3}$")
    hours_per_fte_week: float = Field(40, gt=0, le=80)
    shrinkage: Shrinkage
    attrition_percent_per_month: Share
    training_weeks: float = Field(ge=0, le=52)
    training_weeks_by_role: dict[Id, Annotated[float, Field(ge=0, le=52)]] = Field(
        default_factory=dict, description="training_weeks of roles whose onboarding trains longer or shorter")
    nesting_weeks: float = Field(0, ge=0, le=52)
    ramp_percent: list[Share] = Field(
        default_factory=list, max_length=104, description="Productivity per week after go-live, in percent"
    )
    channels: list[ServiceChannel] = Field(min_length=1)
    roster: list[RosterEntry] = Field(default_factory=list)
    sourcing: list[SourcingChannel] = Field(min_length=1)
    budget: Budget | Annotated[float, Field(ge=0, le=MAX_MONEY)] | None = Field(
        None, description="The hiring budget: {amount, covers}; a bare amount covers recruiting and training")
    shifts: ShiftRules | None = Field(
        None, description="Shift rules: the plan's head-count then comes from a roster of these shifts")
    forecast: str | None = Field(
        None, description="The demand forecast CSV, relative to the repository root")
    new_hire_attrition_percent_per_month: Share | None = Field(
        None, description="Monthly attrition in a hire's first 90 days (default: the tenured rate)")
    new_hire_90_day_attrition_percent: Share | None = Field(
        None, description="Share of hires gone within 90 days of their first day (20-40 % in Chinese "
        "centres), instead of new_hire_attrition_percent_per_month")
    training_cost_per_qualified: float = Field(
        0, ge=0, le=MAX_MONEY, description="What training one agent to qualification costs: trainer "
        "time, rooms, materials, the trainees' pay while in class and the drop-outs' share")
    training_cost_by_role: dict[Id, Annotated[float, Field(ge=0, le=MAX_MONEY)]] = Field(
        default_factory=dict,
        description="training_cost_per_qualified of roles whose curriculum costs otherwise")
    class_size: ClassSize = Field(default_factory=ClassSize)
    class_every_weeks: int = Field(4, ge=1, le=26, description="How often a role may start a class")
    class_weekday: Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"] = Field(
        "mon", description="The weekday a training class starts")
    wage_per_hour: float | None = Field(
        None, gt=0, le=MAX_MONEY,
        description="What an hour of an agent costs the centre (wages and on-costs)")
    overtime: Overtime | None = None
    temps: list[TempSource] = Field(default_factory=list)
    moves: list[InternalMove] = Field(default_factory=list)

    @model_validator(mode="after")
    def _priced(self) -> "HiringInputs":
        if (self.overtime or self.temps) and self.wage_per_hour is None:
            raise ValueError(phrase("model.wage_needed"))
        if None not in (self.new_hire_attrition_percent_per_month, self.new_hire_90_day_attrition_percent):
            raise ValueError(phrase("model.new_hire_twice"))
        return self

    def budget_scope(self) -> Budget | None:
        """The budget with what it covers (a bare amount: recruiting and training)."""
        if self.budget is None or isinstance(self.budget, Budget):
            return self.budget
        return Budget(amount=self.budget)

    def training_weeks_of(self, role: str) -> float:
        """Weeks a class of the role trains before nesting."""
        return float(self.training_weeks_by_role.get(role, self.training_weeks))

    def training_cost(self, role: str) -> float:
        """Training one agent of the role to qualification."""
        return float(self.training_cost_by_role.get(role, self.training_cost_per_qualified))
