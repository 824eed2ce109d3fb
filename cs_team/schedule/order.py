"""What a stage holds, in which order, and which days carry the weekly one-to-one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from cs_team.model.curriculum import Module
from cs_team.model.onboarding import WEEKDAYS, OnboardingTemplate
from cs_team.schedule.pacing import PlanError
from cs_team.wording import phrase


def stage_order(template: OnboardingTemplate, modules: dict[str, Module], stage_index: int,
                strict: bool) -> list[Module]:
    """The stage's modules in template order, prerequisites inside the stage first. ``strict``
    refuses a missing module or a prerequisite in a later stage; otherwise they are skipped (lint
    reports them under their own rules)."""
    stage = template.stages[stage_index]
    later = {m: s.id for s in template.stages[stage_index + 1:] for m in s.modules}
    present = []
    for module_id in stage.modules:
        module = modules.get(module_id)
        if module is None:
            if strict:
                raise PlanError(phrase("onboarding.module_missing", template=template.id, stage=stage.id,
                                       module=module_id))
            continue
        for needed in module.prerequisites:
            if needed in later and strict:
                raise PlanError(phrase("onboarding.needs_later", template=template.id, module=module_id,
                                       stage=stage.id, needed=needed, later=later[needed]))
        if module not in present:
            present.append(module)
    ids = [m.id for m in present]
    ordered: list[Module] = []
    placed: set[str] = set()
    while len(ordered) < len(present):
        for module in present:
            waiting = [p for p in module.prerequisites if p in ids and p not in placed]
            if module.id not in placed and not waiting:
                ordered.append(module)
                placed.add(module.id)
                break
        else:  # a cycle (lint CS206): keep the template's order for the rest
            ordered += [m for m in present if m.id not in placed]
            break
    return ordered


def one_to_one_days(template: OnboardingTemplate, is_working: Callable[[dt.date], bool],
                    first_day: dt.date, days: list[dt.date], last: bool) -> dict[dt.date, int]:
    """The one-to-one among ``days`` of each ISO week they touch (every ``every_weeks`` weeks
    from the first), numbered from 1. The week's day comes from the calendar, not from the
    stage, so two stages sharing a week agree on it: the template's weekday, else the nearest
    earlier working day of the week in the plan, else the first one after. ``last`` says no
    stage follows: the plan ends with ``days``, so the final week's day is on or before its end."""
    setting = template.one_to_one
    if setting is None:
        return {}
    wanted = WEEKDAYS.index(setting.weekday)
    first_week = first_day - dt.timedelta(days=first_day.weekday())
    end = days[-1] if last else None
    chosen: dict[dt.date, int] = {}
    for monday in sorted({d - dt.timedelta(days=d.weekday()) for d in days}):
        number = (monday - first_week).days // 7
        if number % setting.every_weeks:
            continue
        week = [day for n in range(7) if (day := monday + dt.timedelta(days=n)) >= first_day
                and (end is None or day <= end) and is_working(day)]
        earlier = [d for d in week if d.weekday() <= wanted]
        day = earlier[-1] if earlier else week[0]
        if day in days:
            chosen[day] = number // setting.every_weeks + 1
    return chosen
