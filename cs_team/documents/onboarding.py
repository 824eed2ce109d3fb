"""A new hire's onboarding plan as documents show it: weeks, days, sessions, checkpoints."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cs_team.documents.common import Stamp, stamp
from cs_team.errors import UsageError
from cs_team.model.common import Text
from cs_team.model.curriculum import Module
from cs_team.model.onboarding import OnboardingTemplate
from cs_team.model.role import Role
from cs_team.playbook import Playbook
from cs_team.schedule.calendar import DayInfo, WorkDays
from cs_team.schedule.cohort import Hire
from cs_team.schedule.design import describe_shortfall, design_shortfalls
from cs_team.schedule.pacing import PlanError
from cs_team.schedule.plan import OnboardingPlan, StageDays, StageShortfall
from cs_team.schedule.planner import plan_onboarding
from cs_team.schedule.resources import room_of
from cs_team.schedule.sessions import Session, led_by
from cs_team.wording import listed, phrase


@dataclass(frozen=True)
class Row:
    """One session as a line of the agenda."""

    session: Session
    module: Module | None
    led_by: str
    """trainer, mentor, self, panel or supervisor."""
    who: Text | str | None
    """The person's name when known (the mentor's, the template's trainer)."""
    location: Text | None
    first_of_module: bool

    @property
    def time(self) -> str:
        return f"{clock(self.session.start)}–{clock(self.session.end)}"


@dataclass(frozen=True)
class AgendaDay:
    day: dt.date
    stage: StageDays
    rows: list[Row]
    info: DayInfo
    free_minutes: int
    """Training time left: the stage's activities (live practice ...) fill it."""


@dataclass(frozen=True)
class Week:
    number: int
    monday: dt.date
    days: list[AgendaDay]
    off: list[DayInfo]
    """Weekdays of the week inside the plan that are off (holidays, company days)."""


@dataclass(frozen=True)
class OnboardingStage:
    plan: StageDays
    number: int
    review: Session | None

    @property
    def first(self) -> dt.date:
        return self.plan.days[0]

    @property
    def last(self) -> dt.date:
        return self.plan.days[-1]


@dataclass(frozen=True)
class Bar:
    """A row of the Gantt view: a stage or a module, from its first to its last day."""

    label: Text
    first: dt.date
    last: dt.date
    stage: bool


@dataclass
class OnboardingView:
    hire: Hire
    role: Role
    plan: OnboardingPlan
    stages: list[OnboardingStage]
    weeks: list[Week]
    rows: list[Row]
    bars: list[Bar]
    timezone: str
    stamp: Stamp
    totals: dict[str, object] = field(default_factory=dict)
    off_days: set[dt.date] = field(default_factory=set)
    """Every day off between the first day and go-live, weekends included (shaded in the chart)."""


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def role_template(playbook: Playbook, role: Role) -> tuple[object, dict[str, Module]]:
    if role.onboarding is None:
        raise UsageError(phrase("onboarding.no_template", role=role.id))
    template = playbook.onboarding.get(role.onboarding)
    if template is None:
        raise PlanError(phrase("onboarding.template_missing", role=role.id, template=role.onboarding))
    modules = {m.id: m for m in playbook.curriculum_modules(template.curriculum)}
    if not modules:
        raise PlanError(phrase("onboarding.curriculum_empty", template=template.id,
                               curriculum=template.curriculum))
    return template, modules


class TemplateChecks:
    """Each template's design check, made once however many hires a cohort has."""

    def __init__(self, playbook: Playbook) -> None:
        self.shortfalls: dict[str, list[StageShortfall]] = {}

    def of(self, template: OnboardingTemplate, modules: dict[str, Module]) -> list[StageShortfall]:
        if template.id not in self.shortfalls:
            self.shortfalls[template.id] = design_shortfalls(template, modules)
        return self.shortfalls[template.id]


def checked_template(playbook: Playbook, role: Role) -> tuple[object, dict[str, Module]]:
    """The role's template and modules; PlanError when the template cannot hold its curriculum."""
    template, modules = role_template(playbook, role)
    shortfalls = playbook.index(TemplateChecks).of(template, modules)
    if shortfalls:
        problems = listed(describe_shortfall(template, gap) for gap in shortfalls)
        where = playbook.site(template).at("stages", shortfalls[0].stage_index, "days").where()
        raise PlanError(phrase("onboarding.cannot_hold", where=where, template=template.id,
                               problems=problems))
    return template, modules


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


def quarter_hours(minutes: int) -> str:
    """Hours to the nearest quarter, as a document prints them: 40.75, 12.5, 6."""
    return f"{round(minutes / 15) / 4:g}"
