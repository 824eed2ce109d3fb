"""Onboarding plans as iCalendar (RFC 5545) files, through the ``icalendar`` library.

- One VEVENT per session, in the plan's time zone with its VTIMEZONE, so every calendar app
  places it at the right local time.
- UIDs are stable: they name the hire, the role and the session (module and part, the n-th
  one-to-one ...), never its time, so importing an updated plan moves events instead of
  duplicating them.
- SEQUENCE rises when an event's time or words change against the file being replaced.
- DTSTAMP is the plan's first day at 00:00 UTC, whatever the clock or ``SOURCE_DATE_EPOCH``
  say: no document cs-team writes carries the time it was made, so the same playbooks give
  byte-identical files in every format.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from cs_team.render.language import Language

PRODUCT_ID = "-//cs-team//onboarding-plan//EN"


def hire_key(role_id: str, name: str | None, start: dt.date) -> str:
    """Who the plan is for, as UIDs carry it: the name when given, else the first day."""
    who = name if name else start.isoformat()
    return hashlib.sha256(f"{role_id}\n{who}".encode()).hexdigest()[:16]


def uid(view: object, session: object) -> str:
    hire = hire_key(view.role.id, view.hire.name, view.plan.start)
    return f"{hire}-{session.key.replace('/', '-')}@cs-team"


def _stamp(first_day: dt.date) -> dt.datetime:
    return dt.datetime.combine(first_day, dt.time(), dt.timezone.utc)


def summary(lang: Language, row: object) -> str:
    session = row.session
    if session.kind in ("module", "micro-lesson"):
        title = lang.plain(row.module.title)
        if session.parts > 1:
            mark = lang.marks
            title += f"{mark['open']}{lang.label('part_of', n=session.part, of=session.parts)}{mark['close']}"
        return title
    kind = lang.label(f"session_kinds.{session.kind}")
    return f"{kind} · {lang.plain(row.module.title)}" if row.module is not None else kind


def description(lang: Language, view: object, row: object) -> str:
    session, lines, mark = row.session, [], lang.marks
    colon = mark["colon"]
    stage = next((s.stage for s in view.plan.stages if s.stage.id == session.stage), None)
    if stage is not None:
        lines.append(f"{lang.label('stage')}{colon}{lang.plain(stage.title)}")
    if session.kind in ("module", "micro-lesson"):
        lines.append(f"{lang.label('format')}{colon}{lang.label('module_formats.' + row.module.format)}")
    if session.kind in ("assessment", "retake") and row.module.assessment is not None:
        assessment = row.module.assessment
        methods = mark["comma"].join(lang.label(f"methods.{m}") for m in assessment.methods)
        lines.append(f"{methods} · {lang.label('pass_mark')} {assessment.pass_mark:g}")
    who = lang.label(f"led_by_kinds.{row.led_by}") + (f" {lang.plain(row.who)}" if row.who else "")
    lines.append(f"{lang.label('led_by')}{colon}{who}")
    if row.first_of_module and row.module is not None and row.module.prepare:
        items = mark["semicolon"].join(lang.plain(item) for item in row.module.prepare)
        lines.append(f"{lang.label('prepare')}{colon}{items}")
    if session.kind == "review" and stage is not None and stage.checkpoint is not None:
        lines.append(f"{lang.label('checkpoint')}{colon}{lang.plain(stage.checkpoint)}")
    if session.kind == "go-live" and view.plan.template.go_live is not None:
        lines.append(f"{lang.label('go_live_when')}{colon}{lang.plain(view.plan.template.go_live)}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Entry:
    """One VEVENT as the calendar file writes it."""

    uid: str
    day: dt.date
    start: int
    end: int
    summary: str
    description: str
    location: str | None
    kind: str


def plan_entries(view: object, lang: Language) -> list[Entry]:
    """Every session of one hire's plan, as that hire's calendar holds it."""
    entries = []
    for row in view.rows:
        session, title = row.session, summary(lang, row)
        entries.append(Entry(uid(view, session), session.day, session.start, session.end,
                             f"{view.hire.name}{lang.marks['colon']}{title}" if view.hire.name else title,
                             description(lang, view, row), lang.plain(row.location) if row.location else None,
                             session.kind))
    return entries


def plan_calendar(view: object, lang: Language, previous: bytes | None = None) -> bytes:
    """A hire's own calendar file: their sessions, and the plan's notices as its description."""
    from cs_team.render.notices import notice_texts

    title = lang.plain(view.role.title)
    name = f"{view.hire.name} · {title}" if view.hire.name else title
    return calendar_bytes(plan_entries(view, lang), lang, name, view.timezone, view.plan.first_day,
                          notice_texts(lang, view.plan.notices), previous)


def cohort_entries(cohort: object, lang: Language) -> list[Entry]:
    """The trainer's calendar: each session of the cohort once, its attendees in the description.
    A UID names the session and who attends it, so a re-issued cohort updates its events."""
    views = {view.hire.name or f"#{n}": view for n, view in enumerate(cohort.views, 1)}
    entries = []
    for _, gatherings in cohort.days:
        for g in gatherings:
            row, view = g.row, views[g.hires[0]]
            what = "\n".join((row.session.key, lang.plain(row.who) if row.who else "", *g.hires))
            who = hashlib.sha256(what.encode()).hexdigest()[:16]
            mark = lang.marks
            attending = f"{lang.label('attending')}{mark['colon']}{mark['comma'].join(g.hires)}"
            text = f"{description(lang, view, row)}\n{attending}"
            entries.append(Entry(f"cohort-{who}@cs-team", row.session.day, row.session.start, row.session.end,
                                 summary(lang, row), text, lang.plain(row.location) if row.location else None,
                                 row.session.kind))
    return entries


def calendar_bytes(entries: Iterable[Entry], lang: Language, name: str, timezone: str,
                   first_day: dt.date, notes: Iterable[str] = (), previous: bytes | None = None) -> bytes:
    """One VCALENDAR of ``entries``. ``notes`` go into the calendar's description; ``previous``
    is the file this one replaces: an event whose time or words changed since gets the next
    SEQUENCE, so calendar apps take the update (the digest of what it said is kept in the file)."""
    from icalendar import Calendar, Event, vText

    before = _sequences(previous)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone)
    notes = "\n".join(notes)
    if notes:
        calendar.add("description", notes)
        calendar.add("x-wr-caldesc", vText(notes))  # a text, escaped as DESCRIPTION is
    zone, stamp = ZoneInfo(timezone), _stamp(first_day)
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", _at(entry.day, entry.start, zone))
        event.add("dtend", _at(entry.day, entry.end, zone))
        event.add("summary", entry.summary)
        event.add("description", entry.description)
        if entry.location:
            event.add("location", entry.location)
        event.add("categories", [entry.kind])
        event.add("transp", "OPAQUE")
        digest = _digest(entry, timezone)
        sequence, said = before.get(entry.uid, (0, digest))
        event.add("sequence", sequence if said == digest else sequence + 1)
        event.add("x-cs-team-digest", digest)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _digest(entry: Entry, timezone: str) -> str:
    what = (timezone, entry.day.isoformat(), entry.start, entry.end, entry.summary, entry.description,
            entry.location or "", entry.kind)
    return hashlib.sha256(repr(what).encode()).hexdigest()[:16]


def _sequences(previous: bytes | None) -> dict[str, tuple[int, str]]:
    """Each event's SEQUENCE and digest in the file being replaced (none when it is not one of
    ours or does not parse)."""
    if not previous:
        return {}
    from icalendar import Calendar

    try:
        events = Calendar.from_ical(previous).walk("VEVENT")
        return {str(e["uid"]): (int(e.get("sequence", 0)), str(e.get("x-cs-team-digest", "")))
                for e in events if "uid" in e}
    except (ValueError, KeyError, TypeError):
        return {}


def _at(day: dt.date, minutes: int, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), zone)
