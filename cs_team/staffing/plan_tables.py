"""The program's answer as the tables a lead reads: role x month, channel x month, classes, budget."""

from __future__ import annotations

import datetime as dt

import numpy as np

from cs_team.model.hiring import HiringInputs
from cs_team.staffing.cover import Cover, Problem
from cs_team.staffing.funnel import funnel, resumes_per_qualified
from cs_team.staffing.plan_model import (
    LINES,
    ChannelMonth,
    ChannelStaffing,
    Costs,
    HiringPlan,
    MonthMix,
    Note,
    Optimisation,
    Requisition,
    RoleMonth,
    SourcingTotal,
    TrainingClass,
    WeekCover,
)
from cs_team.staffing.workforce import NEW_HIRE_DAYS, ClassDates, fitting_sources, hire_kept

URGENT_DAYS = 7  # a requisition that must open within a week of the plan is called urgent


def tabulate(inputs: HiringInputs, forecast: str, as_of: dt.date, staffing: list[ChannelStaffing],
             weeks: list[dt.date], problem: Problem, dates: list[ClassDates], cover: Cover,
             notes: list[Note], shrinkage: float) -> HiringPlan:
    classes = _classes(inputs, as_of, problem, dates, cover)
    sourcing = _sourcing(inputs, classes)
    wage = inputs.wage_per_hour or 0.0
    factor = inputs.overtime.cost_factor if inputs.overtime else 0.0
    temp_price = {t.id: t.cost_per_hour for t in inputs.temps}
    costs = Costs(
        round(sum(s.cost for s in sourcing), 2), round(sum(c.training_cost for c in classes), 2),
        round(sum(hires * c.paid for c, hires in zip(problem.candidates, cover.hires, strict=True)), 2),
        round(sum((float(h.sum()) for h in cover.overtime.values()), 0.0) * wage * factor, 2),
        round(sum((float(h.sum()) * temp_price[key[0]] for key, h in cover.temps.items()), 0.0), 2),
        0.0, None, inputs.currency)
    scope = inputs.budget_scope()
    if scope is not None:
        costs.budget, costs.covers = scope.amount, [line for line in LINES if line in scope.covers]
    costs.total = round(costs.hiring + costs.training + costs.salaries + costs.overtime + costs.temps, 2)
    months = [dt.date(w.year, w.month, 1) for w in weeks]
    week_cover = _week_cover(problem, cover, weeks)
    result = HiringPlan(
        inputs.id, forecast, as_of, _step(staffing), shrinkage,
        problem.productive_hours, staffing, weeks, _role_months(problem, cover, months),
        _channel_months(problem, cover, months), week_cover,
        _mix(week_cover, months, classes, wage * factor, inputs, cover), classes, sourcing,
        sum(c.hires for c in classes), costs,
        Optimisation(cover.status, round(cover.seconds, 3), cover.mip_gap,
                     len(cover.hires) + sum(len(h) for h in cover.hours.values())), notes)
    result.notes += _notes(result, problem, cover, as_of)
    return result


def _step(staffing: list[ChannelStaffing]) -> int:
    starts = staffing[0].starts
    return int((starts[1] - starts[0]).total_seconds()) if len(starts) > 1 else 3600


def _classes(inputs: HiringInputs, as_of: dt.date, problem: Problem, dates: list[ClassDates],
             cover: Cover) -> list[TrainingClass]:
    from cs_team.staffing.plan import split

    classes = []
    for candidate, when, hires in zip(problem.candidates, dates, cover.hires, strict=True):
        if not hires:
            continue
        start = when.training_starts
        fitting = fitting_sources(inputs, candidate.role, start, as_of)
        requisitions = []
        for source, count in zip(fitting, split(hires, [s.share_percent for s in fitting]), strict=True):
            if not count:
                continue
            counted = funnel(count, source.funnel)
            requisitions.append(Requisition(candidate.role, source.id, count,
                                            start - dt.timedelta(days=source.days_to_fill), counted.resumes,
                                            count * source.cost_per_hire, counted))
        qualified = round(sum(r.funnel.qualified for r in requisitions), 2)
        classes.append(TrainingClass(
            candidate.role, hires, min(r.open_by for r in requisitions), start, when.go_live,
            when.fully_productive, requisitions, qualified,
            round(qualified * hire_kept(inputs, NEW_HIRE_DAYS), 2),
            round(qualified * inputs.training_cost(candidate.role), 2)))
    return sorted(classes, key=lambda c: (c.training_starts, c.role))


def _sourcing(inputs: HiringInputs, classes: list[TrainingClass]) -> list[SourcingTotal]:
    totals = []
    for source in inputs.sourcing:
        mine = [r for c in classes for r in c.requisitions if r.sourcing == source.id]
        hired = sum(r.hires for r in mine)
        per_hire = sum(r.cost for r in mine)
        fixed = source.fixed_cost if hired else 0.0
        applicants = sum(r.applicants for r in mine)
        qualified = sum(r.funnel.qualified for r in mine)
        rate = round(applicants / qualified, 1) if qualified else resumes_per_qualified(source.funnel)
        totals.append(SourcingTotal(source.id, hired, applicants, round(per_hire + fixed, 2), rate,
                                    round(per_hire, 2), round(fixed, 2)))
    return totals


def _role_months(problem: Problem, cover: Cover, months: list[dt.date]) -> list[RoleMonth]:
    p, rows = problem, []
    load = p.need.sum(axis=1)
    hired = np.array(cover.hires, dtype=float)
    for r_at, role in enumerate(p.roles):
        mine = [k for k, c in enumerate(p.candidates) if c.role == role]
        gives = sum((hired[k] * p.candidates[k].gives for k in mine), np.zeros(len(months)))
        employed = sum((hired[k] * p.candidates[k].employed for k in mine), np.zeros(len(months)))
        used = sum((cover.hours[role, c] for c in p.staffs[role]), np.zeros(len(months)))
        overtime = cover.overtime.get(role, np.zeros(len(months)))
        full = p.productive_hours * p.week_share
        capacity = (p.tenured[:, r_at] * p.week_share + gives) * p.productive_hours + overtime
        for month in sorted(set(months)):
            span = [w for w, m in enumerate(months) if m == month]
            w = max(span, key=lambda i: (load[i], -i))
            rows.append(RoleMonth(month, role, round(used[w] / full[w], 2), round(p.tenured[w, r_at], 2),
                                  round(employed[w], 2), round(float(overtime[span].sum()), 2),
                                  round(max(capacity[w] - used[w], 0.0) / full[w], 2)))
    return sorted(rows, key=lambda r: (p.roles.index(r.role), r.month))


def _channel_months(problem: Problem, cover: Cover, months: list[dt.date]) -> list[ChannelMonth]:
    p, rows = problem, []
    for c_at, channel in enumerate(p.channels):
        temps = sum((h for (_, c), h in cover.temps.items() if c == channel), np.zeros(len(months)))
        for month in sorted(set(months)):
            span = [w for w, m in enumerate(months) if m == month]
            by_role = {r: round(float(cover.hours[r, channel][span].sum()), 2)
                       for r in p.roles if channel in p.staffs[r]}
            rows.append(ChannelMonth(month, channel, round(float(p.need[span, c_at].sum()), 2), by_role,
                                     round(float(temps[span].sum()), 2),
                                     round(float(cover.uncovered[span, c_at].sum()), 2)))
    return rows


def _week_cover(problem: Problem, cover: Cover, weeks: list[dt.date]) -> list[WeekCover]:
    zero = np.zeros(len(weeks))
    given = sum(cover.hours.values(), zero)
    overtime = sum(cover.overtime.values(), zero)
    temps = sum(cover.temps.values(), zero)
    # overtime is spent first where it is bought: what people give in paid hours is the rest
    return [WeekCover(week, round(float(problem.need[w].sum()), 2), round(float(given[w] - overtime[w]), 2),
                      round(float(overtime[w]), 2), round(float(temps[w]), 2),
                      round(float(cover.uncovered[w].sum()), 2)) for w, week in enumerate(weeks)]


def _mix(weeks: list[WeekCover], months: list[dt.date], classes: list[TrainingClass], overtime_price: float,
         inputs: HiringInputs, cover: Cover) -> list[MonthMix]:
    price = {t.id: t.cost_per_hour for t in inputs.temps}
    temp_cost = sum((h * price[key[0]] for key, h in cover.temps.items()), np.zeros(len(weeks)))
    rows = []
    ordered = sorted(set(months))
    for month in ordered:
        span = [w for w, m in enumerate(months) if m == month]
        after = month.replace(day=28) + dt.timedelta(days=4)
        following = after.replace(day=1)

        def total(field: str, span: list[int] = span) -> float:
            return round(sum(getattr(weeks[w], field) for w in span), 2)

        starting = sum(c.hires for c in classes if c.go_live < following
                       and (month == ordered[0] or c.go_live >= month))
        rows.append(MonthMix(month, total("need_hours"), total("people_hours"), total("overtime_hours"),
                             total("temp_hours"), total("uncovered_hours"), starting,
                             round(total("overtime_hours") * overtime_price, 2),
                             round(float(temp_cost[span].sum()), 2)))
    return rows


def _notes(plan: HiringPlan, problem: Problem, cover: Cover, as_of: dt.date) -> list[Note]:
    notes = []
    for c_at, channel in enumerate(problem.channels):
        short = np.flatnonzero(cover.uncovered[:, c_at] > 0.005)
        if short.size:
            notes.append(Note("plan_note.uncovered", {
                "channel": channel, "hours": round(float(cover.uncovered[:, c_at].sum()), 1),
                "weeks": int(short.size), "first": plan.weeks[int(short[0])]}))
    peak: dict[str, RoleMonth] = {}
    for row in plan.months:  # a role's largest surplus, the first month it occurs
        if row.surplus >= 1 and (row.role not in peak or row.surplus > peak[row.role].surplus):
            peak[row.role] = row
    for role, row in peak.items():
        notes.append(Note("plan_note.surplus",
                          {"role": role, "people": row.surplus, "month": f"{row.month:%Y-%m}"}))
    for requisition in plan.requisitions:
        if (requisition.open_by - as_of).days <= URGENT_DAYS:
            notes.append(Note("plan_note.urgent", {
                "role": requisition.role, "source": requisition.sourcing, "hires": requisition.hires,
                "open_by": requisition.open_by}))
    bought = [(m.overtime_hours + m.temp_hours, m.month) for m in plan.mix]
    need = sum(m.need_hours for m in plan.mix)
    total = sum(h for h, _ in bought)
    # peaks bought by the hour: say where (a forecast under a quarter has its own note instead)
    if need and total >= 0.01 * need and problem.own_week is not None:
        busiest = sorted(month for _, month in sorted(bought, key=lambda b: (-b[0], b[1]))[:3])
        notes.append(Note("plan_note.peaks", {"hours": round(total), "share": round(100 * total / need, 1),
                                              "months": [f"{m:%Y-%m}" for m in busiest]}))
    if problem.own_week is not None:
        notes.append(Note("plan_note.handover", {"week": plan.weeks[problem.own_week]}))
    if plan.costs.over_budget:
        notes.append(Note("plan_note.over_budget", {
            "cost": plan.costs.budgeted, "budget": plan.costs.budget, "lines": plan.costs.covers,
            "over": round(plan.costs.budgeted - plan.costs.budget, 2), "currency": plan.costs.currency}))
    if cover.status == "feasible":
        notes.append(Note("plan_note.not_proven", {"gap": round(cover.mip_gap * 100, 2)}))
    return notes
