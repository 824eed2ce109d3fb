"""What a hiring plan holds: every figure its report shows, JSON-ready, computed once by the core."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from cs_team.staffing.funnel import FunnelCount


@dataclass
class ChannelStaffing:
    channel: str
    starts: list[dt.datetime]
    volume: list[float]
    aht_seconds: list[float]
    agents: list[int]
    work: list[float] | None = None
    """Deferred work (email, tickets): agent-intervals arriving in each interval, done within
    ``window`` intervals while the floor is staffed; None for a live channel."""
    window: int = 0


@dataclass
class RoleMonth:
    """One cell column of the role x month pivot, figures of the month's busiest week."""

    month: dt.date
    role: str
    need: float
    """People's worth of work the plan gives the role (productive hours / one person's)."""
    roster: float
    """Today's people still there after attrition and internal moves."""
    new_hires: float
    """People from the plan's classes on the payroll (in training or live)."""
    overtime_hours: float
    """Summed over the month."""
    surplus: float
    """People's worth of productive hours no channel needs."""


@dataclass
class ChannelMonth:
    month: dt.date
    channel: str
    need_hours: float
    by_role: dict[str, float]
    temp_hours: float
    uncovered_hours: float


@dataclass
class WeekCover:
    """A week's hours and what covers them: the mix of levers week by week."""

    week: dt.date
    need_hours: float
    people_hours: float
    """Given by the roster and the classes in their paid hours."""
    overtime_hours: float
    temp_hours: float
    uncovered_hours: float


@dataclass
class MonthMix:
    """How a month's hours are met: the summary row of the pivot, for the lead's first look."""

    month: dt.date
    need_hours: float
    people_hours: float
    overtime_hours: float
    temp_hours: float
    uncovered_hours: float
    going_live: int
    """Hires whose class goes live this month (in the first month: by its end)."""
    overtime_cost: float
    temps_cost: float


@dataclass
class Requisition:
    role: str
    sourcing: str
    hires: int
    """People who must come on day one and start training (报到)."""
    open_by: dt.date
    applicants: int
    """Résumés to screen: the funnel's first stage."""
    cost: float
    funnel: FunnelCount


@dataclass
class TrainingClass:
    role: str
    hires: int
    open_by: dt.date
    """The first requisition of the class must open by then."""
    training_starts: dt.date
    go_live: dt.date
    fully_productive: dt.date
    requisitions: list[Requisition]
    qualified: float
    """Expected to pass training (the sources' 培训通过率)."""
    after_90_days: float
    """Of those, expected still there 90 days after the first day of training."""
    training_cost: float
    """Training cost per qualified agent x the agents expected to qualify."""


@dataclass
class SourcingTotal:
    sourcing: str
    hires: int
    applicants: int
    cost: float
    """``per_hire_cost`` and ``fixed_cost`` together."""
    resumes_per_qualified: float
    """Résumés this source needs for one agent who passes training: the plan's résumés over the
    agents they are expected to give, so the figure agrees with the funnel table's rows (whole
    people at every step); a source that hires nobody shows its rates' 1 ÷ every funnel rate."""
    per_hire_cost: float = 0.0
    """What the source charges per hire, summed over its requisitions."""
    fixed_cost: float = 0.0
    """Its fixed fees (a job board's yearly subscription), paid once when it hires anyone."""


LINES = ("recruiting", "training", "wages", "overtime", "temps")
"""The cost lines, in the report's order; a budget covers some of them."""


@dataclass
class Costs:
    hiring: float
    """Recruiting: the sources' cost per hire and their fixed costs."""
    training: float
    """Training the agents expected to qualify, at the role's cost per qualified agent."""
    salaries: float
    """New hires' wages from the end of training to the end of the forecast, as long as they stay."""
    overtime: float
    temps: float
    total: float
    budget: float | None
    currency: str
    covers: list[str] = field(default_factory=lambda: ["recruiting", "training"])
    """The lines the budget pays for; the others are shown for information (another budget's)."""

    def line(self, name: str) -> float:
        return {"recruiting": self.hiring, "training": self.training, "wages": self.salaries,
                "overtime": self.overtime, "temps": self.temps}[name]

    @property
    def budgeted(self) -> float:
        """The cost the budget is weighed against: its lines only, like with like."""
        return round(sum(self.line(name) for name in LINES if name in self.covers), 2)

    @property
    def over_budget(self) -> bool:
        return self.budget is not None and self.budgeted > self.budget


@dataclass
class Note:
    """A sentence of the report, as a catalogue key and its values (ids, dates, figures): the
    renderer words it in the report's language with names instead of ids."""

    key: str
    values: dict[str, object]


@dataclass
class Optimisation:
    status: str
    seconds: float
    mip_gap: float
    variables: int


@dataclass
class HiringPlan:
    inputs: str
    forecast: str
    as_of: dt.date
    interval_seconds: int
    shrinkage_percent: float
    productive_hours: float
    """Hours one person gives the floor in a full week, after shrinkage."""
    channels: list[ChannelStaffing]
    weeks: list[dt.date]
    months: list[RoleMonth]
    channel_months: list[ChannelMonth]
    week_cover: list[WeekCover]
    mix: list[MonthMix]
    classes: list[TrainingClass]
    sourcing: list[SourcingTotal]
    total_hires: int
    costs: Costs
    optimisation: Optimisation
    notes: list[Note] = field(default_factory=list)
    scenario: dict | None = None
    """The what-if the plan was made under: its id and the changes it makes."""
    reference: object = None
    """``reference.Reference``: the hires attrition backfill and the gap to the need call for."""

    @property
    def requisitions(self) -> list[Requisition]:
        return [r for c in self.classes for r in c.requisitions]

    def as_dict(self) -> dict:
        """Every figure, JSON-ready. Channels share one grid, so interval starts are given once."""
        starts = self.channels[0].starts if self.channels else []
        return {
            "inputs": self.inputs, "forecast": self.forecast, "as_of": self.as_of.isoformat(),
            "scenario": self.scenario,
            "reference": asdict(self.reference) if self.reference is not None else None,
            "interval_seconds": self.interval_seconds, "shrinkage_percent": self.shrinkage_percent,
            "productive_hours_per_person_week": self.productive_hours,
            "total_hires": self.total_hires, "costs": {**asdict(self.costs), "budgeted": self.costs.budgeted,
                                                       "over_budget": self.costs.over_budget},
            "months": [_dated(asdict(m)) for m in self.months],
            "channel_months": [_dated(asdict(m)) for m in self.channel_months],
            "week_cover": [_dated(asdict(w)) for w in self.week_cover],
            "mix": [_dated(asdict(m)) for m in self.mix],
            "classes": [_dated(asdict(c)) for c in self.classes],
            "sourcing": [asdict(s) for s in self.sourcing],
            "notes": [{"key": n.key, "values": _dated(n.values)} for n in self.notes],
            # not its seconds: the same inputs give the same bytes
            "optimisation": {k: v for k, v in asdict(self.optimisation).items() if k != "seconds"},
            "interval_starts": [start.isoformat(timespec="minutes") for start in starts],
            "channels": [{"channel": c.channel, "volume": c.volume, "aht_seconds": c.aht_seconds,
                          "agents": c.agents} for c in self.channels],
        }


def _dated(value: object) -> object:
    if isinstance(value, dict):
        return {k: _dated(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dated(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value
