"""From a forecast and the hiring inputs to heads, hires, requisition dates, sourcing and cost.

1. Agents on the floor per interval and channel (``channels.floor_agents``).
2. Each channel's agent-hours are shared among the roles that staff it, in proportion to their
   current headcount (equally when none is rostered yet).
3. FTE a role needs in a month = its agent-hours in the month / (productive hours one FTE gives
   in the same span): hours_per_fte_week x (1 - shrinkage) x the weeks the forecast covers.
4. Month by month, today's roster shrinks by attrition; where it falls short of the need, that
   many hires must be fully productive on the first day of the month.
5. Each hire works back from that date: ramp (weeks until 100 %), nesting, training, and the
   sourcing channel's days to fill give the day its requisition must open.
6. Hires are split over sourcing channels by share (largest remainder); the funnel gives the
   applicants each channel must bring; costs are summed and compared with the budget.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict, dataclass, field

import numpy as np

from cs_team.model.hiring import HiringInputs
from cs_team.staffing.channels import floor_agents, on_grid
from cs_team.staffing.erlang import ceil_tolerant
from cs_team.staffing.forecast import Forecast, ForecastError

WEEK_SECONDS = 7 * 24 * 3600


@dataclass
class ChannelStaffing:
    channel: str
    starts: list[dt.datetime]
    volume: list[float]
    aht_seconds: list[float]
    agents: list[int]


@dataclass
class RoleMonth:
    month: dt.date
    role: str
    agent_hours: float
    required_fte: int
    supply_fte: float
    """The roster left after attrition, before this month's hires."""
    hires: int


@dataclass
class Requisition:
    role: str
    sourcing: str
    hires: int
    productive_by: dt.date
    go_live: dt.date
    training_starts: dt.date
    open_by: dt.date
    applicants: int
    cost: float


@dataclass
class SourcingTotal:
    sourcing: str
    hires: int
    applicants: int
    cost: float


@dataclass
class HiringPlan:
    inputs: str
    forecast: str
    as_of: dt.date
    """The day the plan is made: requisitions that should have opened before it are late."""
    interval_seconds: int
    shrinkage_percent: float
    channels: list[ChannelStaffing]
    months: list[RoleMonth]
    requisitions: list[Requisition]
    sourcing: list[SourcingTotal]
    total_hires: int
    total_cost: float
    budget: float | None
    currency: str
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        """Every figure, JSON-ready. Channels share one grid, so interval starts are given once."""
        starts = self.channels[0].starts if self.channels else []
        return {
            "inputs": self.inputs, "forecast": self.forecast, "as_of": self.as_of.isoformat(),
            "interval_seconds": self.interval_seconds, "shrinkage_percent": self.shrinkage_percent,
            "interval_starts": [start.isoformat(timespec="minutes") for start in starts],
            "channels": [{"channel": c.channel, "volume": c.volume, "aht_seconds": c.aht_seconds,
                          "agents": c.agents} for c in self.channels],
            "months": [_dated(asdict(m)) for m in self.months],
            "requisitions": [_dated(asdict(r)) for r in self.requisitions],
            "sourcing": [asdict(s) for s in self.sourcing],
            "total_hires": self.total_hires, "total_cost": self.total_cost, "budget": self.budget,
            "currency": self.currency, "warnings": self.warnings,
        }


def _dated(row: dict) -> dict:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}


def shrinkage_percent(inputs: HiringInputs) -> float:
    return float(inputs.shrinkage) if isinstance(inputs.shrinkage, int | float) else inputs.shrinkage.total()


def ramp_weeks(inputs: HiringInputs) -> int:
    """Weeks after go-live until a new hire is fully productive."""
    for week, percent in enumerate(inputs.ramp_percent, start=1):
        if percent >= 100:
            return week
    return len(inputs.ramp_percent)


def split(total: int, shares: list[float]) -> list[int]:
    """``total`` whole hires in proportion to ``shares``, by largest remainder (ties: first)."""
    exact = [total * s / sum(shares) for s in shares] if sum(shares) else [0.0] * len(shares)
    parts = [math.floor(x + 1e-9) for x in exact]
    order = sorted(range(len(shares)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def plan(inputs: HiringInputs, forecast: Forecast, as_of: dt.date) -> HiringPlan:
    step = forecast.interval_seconds
    first = forecast.first
    count = int((forecast.last - first).total_seconds()) // step + 1
    known = {c.id: c for c in inputs.channels}
    unknown = sorted(set(forecast.channels) - set(known))
    if unknown:
        raise ForecastError(f"{forecast.path}: channel {', '.join(unknown)} is not in hiring inputs "
                            f"'{inputs.id}' (it has {', '.join(known)})")
    warnings = [f"channel '{c}' has no forecast: it is not staffed in this plan"
                for c in known if c not in forecast.channels]
    starts = [first + dt.timedelta(seconds=i * step) for i in range(count)]
    months = np.array([(s.year, s.month) for s in starts])
    roster = {entry.role: entry.headcount for entry in inputs.roster}
    hours: dict[tuple[int, int], dict[str, float]] = {}
    covered: dict[tuple[int, int], int] = {}
    for key in {tuple(m) for m in months}:
        covered[key] = int(np.sum(np.all(months == key, axis=1)))
    staffing = []
    for channel_id, channel_forecast in forecast.channels.items():
        channel = known[channel_id]
        volume, aht = on_grid(channel_forecast, first, count, step)
        agents = floor_agents(channel, volume, aht, step)
        staffing.append(ChannelStaffing(channel_id, starts, volume.tolist(), aht.tolist(), agents.tolist()))
        heads = [roster.get(role, 0) for role in channel.roles]
        shares = [h / sum(heads) for h in heads] if sum(heads) else [1 / len(heads)] * len(heads)
        for key in covered:
            in_month = np.all(months == key, axis=1)
            month_hours = float(agents[in_month].sum()) * step / 3600
            for role, share in zip(channel.roles, shares, strict=True):
                hours.setdefault(key, {}).setdefault(role, 0.0)
                hours[key][role] += month_hours * share
    shrink = shrinkage_percent(inputs) / 100
    attrition = inputs.attrition_percent_per_month / 100
    supply = {role: float(roster.get(role, 0)) for role in {r for h in hours.values() for r in h}}
    rows: list[RoleMonth] = []
    for key in sorted(hours):
        weeks = covered[key] * step / WEEK_SECONDS
        productive_hours = inputs.hours_per_fte_week * (1 - shrink) * weeks
        month = dt.date(key[0], key[1], 1)
        for role in sorted(hours[key]):
            required = ceil_tolerant(hours[key][role] / productive_hours) if productive_hours else 0
            hires = max(0, ceil_tolerant(required - supply[role]))
            rows.append(RoleMonth(month, role, round(hours[key][role], 2), required,
                                  round(supply[role], 2), hires))
            supply[role] = (supply[role] + hires) * (1 - attrition)
    requisitions, totals = _requisitions(inputs, rows, as_of, warnings)
    total_cost = round(sum(t.cost for t in totals), 2)
    if inputs.budget is not None and total_cost > inputs.budget:
        warnings.append(f"hiring costs {total_cost:,.0f} {inputs.currency}, over the budget of "
                        f"{inputs.budget:,.0f} by {total_cost - inputs.budget:,.0f}")
    return HiringPlan(inputs.id, forecast.path, as_of, step, shrinkage_percent(inputs), staffing, rows,
                      requisitions, totals, sum(r.hires for r in rows), total_cost, inputs.budget,
                      inputs.currency, warnings)


def _requisitions(inputs: HiringInputs, rows: list[RoleMonth], as_of: dt.date,
                  warnings: list[str]) -> tuple[list[Requisition], list[SourcingTotal]]:
    sources = inputs.sourcing
    hires_by_source = {s.id: 0 for s in sources}
    requisitions = []
    lead = dt.timedelta(weeks=ramp_weeks(inputs) + inputs.nesting_weeks + inputs.training_weeks)
    for row in rows:
        if not row.hires:
            continue
        for source, hires in zip(sources, split(row.hires, [s.share_percent for s in sources]), strict=True):
            if not hires:
                continue
            go_live = row.month - dt.timedelta(weeks=ramp_weeks(inputs))
            training = row.month - lead
            open_by = training - dt.timedelta(days=source.days_to_fill)
            funnel = source.funnel
            rate = (funnel.screened_percent * funnel.interviewed_percent * funnel.offered_percent
                    * funnel.accepted_percent) / 100**4
            applicants = ceil_tolerant(hires / rate)
            requisitions.append(Requisition(row.role, source.id, hires, row.month, go_live, training,
                                            open_by, applicants, hires * source.cost_per_hire))
            hires_by_source[source.id] += hires
            if open_by < as_of:
                warnings.append(f"{row.role}: {hires} hire(s) via {source.id} for {row.month:%Y-%m} "
                                f"should have been requested by {open_by:%Y-%m-%d}; they will be late")
    totals = []
    for source in sources:
        hired = hires_by_source[source.id]
        mine = [r for r in requisitions if r.sourcing == source.id]
        cost = sum(r.cost for r in mine) + (source.fixed_cost if hired else 0.0)
        totals.append(SourcingTotal(source.id, hired, sum(r.applicants for r in mine), round(cost, 2)))
    return requisitions, totals
