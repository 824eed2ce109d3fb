"""An onboarding plan for other tools (`onboarding-plan --format json`): every session with its
local start and end, and the calendar and notices the documents print."""

from __future__ import annotations

import datetime as dt

from cs_team.documents.onboarding_view import OnboardingView
from cs_team.model.common import Text
from cs_team.render.language import Language
from cs_team.render.notices import notice_texts


def _text_dict(value: Text | None, default: str) -> dict[str, str] | None:
    if value is None:
        return None
    return {default: value.translations[0][1]} if value.plain else dict(value.translations)


def _name(value: Text | str | None, default: str) -> str | dict[str, str] | None:
    """A name for JSON: as written when written once, by language when written in several."""
    if isinstance(value, Text) and value.plain:
        return value.translations[0][1]
    return _text_dict(value, default) if isinstance(value, Text) else value


def _nesting(nesting: object, default_language: str) -> dict | None:
    """A nesting stage's load (per cent of a tenured agent's contacts), mentor ratio and target."""
    if nesting is None:
        return None
    return {"load_percent": nesting.load_percent, "hires_per_mentor": nesting.hires_per_mentor,
            "target": _text_dict(nesting.target, default_language)}


def as_dict(view: OnboardingView, default_language: str) -> dict:
    """The plan for other tools: every session with its local start and end (ISO 8601 with the
    offset), kind, module and stage; the days off and worked weekend days on the way."""
    from zoneinfo import ZoneInfo

    from cs_team.render.ics import uid

    zone, plan = ZoneInfo(view.timezone), view.plan

    def at(day: dt.date, minutes: int) -> str:
        return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), zone).isoformat()

    return {
        "role": view.role.id,
        "template": plan.template.id,
        "hire": {"name": view.hire.name, "mentor": view.hire.mentor},
        "start": plan.start.isoformat(),
        "first_day": plan.first_day.isoformat(),
        "go_live": plan.go_live.isoformat(),
        "pace": plan.pace,
        "pace_factor": plan.factor,
        "timezone": view.timezone,
        "module_minutes": plan.module_minutes(),
        "stages": [{"id": s.stage.id, "first_day": s.days[0].isoformat(), "last_day": s.days[-1].isoformat(),
                    "working_days": len(s.days), "nesting": _nesting(s.stage.nesting, default_language)}
                   for s in plan.stages],
        "sessions": [{
            "start": at(r.session.day, r.session.start),
            "end": at(r.session.day, r.session.end),
            "minutes": r.session.minutes,
            "kind": r.session.kind,
            "stage": r.session.stage,
            "module": r.session.module,
            "part": r.session.part,
            "parts": r.session.parts,
            "led_by": r.led_by,
            "with": _name(r.who, default_language),
            "location": _name(r.location, default_language),
            "uid": uid(view, r.session),
        } for r in view.rows],
        "calendar": [{"date": info.day.isoformat(), "working": info.working,
                      "reason": _text_dict(info.reason, default_language), "official": info.official}
                     for info in plan.calendar_days],
        "notices": notice_texts(Language("en", default_language), plan.notices, capital=False),
    }
