"""A new hire's onboarding plan as documents show it: weeks, days, sessions, checkpoints."""

from __future__ import annotations

import datetime as dt

from cs_team.documents.common import stamp
from cs_team.documents.onboarding_template import checked_template
from cs_team.documents.onboarding_view import (
    AgendaDay,
    Bar,
    OnboardingStage,
    OnboardingView,
    Row,
    Week,
    quarter_hours,
)
from cs_team.model.role import Role
from cs_team.playbook import Playbook
from cs_team.schedule.calendar import WorkDays
from cs_team.schedule.cohort import Hire
from cs_team.schedule.plan import OnboardingPlan
from cs_team.schedule.planner import plan_onboarding
from cs_team.schedule.resources import room_of
from cs_team.schedule.sessions import led_by


def onboarding(playbook: Playbook, role: Role, hire: Hire, calendar: WorkDays,
               timezone: str) -> OnboardingView:
    """The plan of ``hire`` in ``role``; PlanError when the template cannot hold its curriculum."""
    template, modules = checked_template(playbook, role)
    plan = plan_onboarding(template, modules, hire.start or dt.date.today(), hire.pace, calendar)
    return plan_view(playbook, role, hire, plan, calendar, timezone)


def plan_view(playbook: Playbook, role: Role, hire: Hire, plan: OnboardingPlan, calendar: WorkDays,
              timezone: str) -> OnboardingView:
    """What the documents show of a laid plan: rows, stages, weeks, the Gantt bars, totals."""
    template, modules = plan.template, plan.modules
    rows, seen = [], set()
    for session in plan.sessions:
        module = modules.get(session.module) if session.module else None
        who_is = led_by(session, module)
        name = {"mentor": hire.mentor, "trainer": template.trainer}.get(who_is)
        own = module.location if module is not None and module.location else None
        location = room_of(template, module) if who_is == "trainer" else own or template.location
        first = session.kind in ("module", "micro-lesson") and session.module not in seen
        if first:
            seen.add(session.module)
        rows.append(Row(session, module, who_is, name, location, first))
    stages = [OnboardingStage(s, n, next((x for x in plan.sessions if x.kind == "review"
                                    and x.stage == s.stage.id), None))
              for n, s in enumerate(plan.stages, 1)]
    weeks = _weeks(plan, rows, calendar)
    bars = []
    for s in plan.stages:
        bars.append(Bar(s.stage.title, s.days[0], s.days[-1], True))
        for module_id in dict.fromkeys(x.module for x in plan.sessions
                                       if x.stage == s.stage.id and x.kind in ("module", "micro-lesson")):
            days = [x.day for x in plan.sessions if x.module == module_id and x.kind != "retake"]
            bars.append(Bar(modules[module_id].title, min(days), max(days), False))
    totals = {
        "module_hours": quarter_hours(plan.module_minutes()),
        "assessments": sum(1 for s in plan.sessions if s.kind == "assessment"),
        "working_days": sum(len(s.days) for s in plan.stages),
    }
    off = {plan.first_day + dt.timedelta(days=n) for n in range((plan.go_live - plan.first_day).days)}
    off = {day for day in off if not calendar.is_working(day)}
    return OnboardingView(hire, role, plan, stages, weeks, rows, bars, timezone, stamp(playbook), totals,
                          off)


def _weeks(plan: OnboardingPlan, rows: list[Row], calendar: WorkDays) -> list[Week]:
    from cs_team.schedule.daybook import DayBook

    stage_of = {day: s for s in plan.stages for day in s.days}
    by_day: dict[dt.date, list[Row]] = {}
    for row in rows:
        by_day.setdefault(row.session.day, []).append(row)
    weeks: dict[dt.date, Week] = {}
    first_monday = plan.first_day - dt.timedelta(days=plan.first_day.weekday())
    day = plan.first_day
    while day <= plan.go_live:
        monday = day - dt.timedelta(days=day.weekday())
        week = weeks.setdefault(monday, Week((monday - first_monday).days // 7 + 1, monday, [], []))
        info = calendar.info(day)
        if day in stage_of:
            day_rows = by_day.get(day, [])
            left = DayBook(plan.template, day).capacity - sum(r.session.minutes for r in day_rows)
            week.days.append(AgendaDay(day, stage_of[day], day_rows, info, max(0, left)))
        elif not info.working and day.weekday() < 5:
            week.off.append(info)
        day += dt.timedelta(days=1)
    return list(weeks.values())
