"""Cohorts planned together (issue 17): shared classes, no resource in two places, files apart."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from cs_team.documents.cohort import Cohort, cohort_plans, file_stems
from cs_team.render.ics import cohort_entries, plan_entries
from cs_team.render.language import Language
from cs_team.schedule.calendar import WorkDays
from cs_team.schedule.cohort import Hire
from cs_team.schedule.resources import room_of
from tests.conftest import FIXTURES, RepoCopy
from tests.test_cli import invoke
from tests.test_onboarding import BUNDLED, FIXTURE, check_retakes, closed, is_working, playbook_of, t

ZONE = "Asia/Shanghai"


@pytest.fixture
def team(tmp_path: Path) -> RepoCopy:
    shutil.copytree(FIXTURES / "onboarding", tmp_path / "team")
    return RepoCopy(tmp_path / "team")


def plan(playbook: object, hires: list[tuple[str, Hire]], rooms: dict[str, int] | None = None) -> Cohort:
    return cohort_plans(playbook, [(playbook.roles[r], h) for r, h in hires], WorkDays(playbook.calendars),
                        ZONE, rooms)


def resources(cohort: Cohort, gathering: object) -> set[tuple[str, str]]:
    """What a session takes, worked out from what the documents print: a trainer-led session its
    template's trainer and its room; a mentor's session, a review or a one-to-one the mentors of
    the hires attending it."""
    row = gathering.row
    views = {v.hire.name: v for v in cohort.views}
    if row.led_by == "trainer":
        template = views[gathering.hires[0]].plan.template
        trainer = template.trainer.best("zh", "zh") if template.trainer else template.id
        room = (("room", row.location.best("zh", "zh")),) if row.location else ()
        return {("trainer", trainer), *room}
    mentors = {views[h].hire.mentor for h in gathering.hires if views[h].hire.mentor}
    if row.led_by == "mentor" and row.session.kind == "module":  # listening in at the mentor's desk
        return {("desk", m) for m in mentors}
    if row.led_by in ("mentor", "panel"):
        return {("mentor", m) for m in mentors}
    return set()


def clash(a: set, b: set) -> set:
    """What two sessions at the same time would both need: a desk may host several groups'
    listeners, but not while its mentor sits in a meeting."""
    meeting = {("desk", name) for kind, name in a if kind == "mentor"}
    return {r for r in b if (r in a and r[0] != "desk") or (r[0] == "desk" and r in meeting)
            or (r[0] == "mentor" and ("desk", r[1]) in a)}


def check_cohort(playbook: object, cohort: Cohort) -> None:
    # no trainer, room or mentor in two places at once
    sessions = [(day, g) for day, gatherings in cohort.days for g in gatherings]
    for (day, a), (other, b) in itertools.combinations(sessions, 2):
        if day == other and a.row.session.start < b.row.session.end and b.row.session.start < a.row.session.end:
            assert not clash(resources(cohort, a), resources(cohort, b)), (day, a, b)
    # each hire's plan keeps the template's rules on its own
    for view in cohort.views:
        check_hire(playbook, view)
    # UIDs unique in every file: each hire's and the trainer's
    lang = Language("zh", "zh")
    for view in cohort.views:
        uids = [e.uid for e in plan_entries(view, lang)]
        assert len(uids) == len(set(uids))
    uids = [e.uid for e in cohort_entries(cohort, lang)]
    assert len(uids) == len(set(uids)) == len(sessions)


def check_hire(playbook: object, view: object) -> None:
    plan, template = view.plan, view.plan.template
    cap = round(template.max_training_hours_per_day * 60)
    by_day: dict[dt.date, list] = {}
    for s in plan.sessions:
        by_day.setdefault(s.day, []).append(s)
        assert is_working(playbook, s.day) and s.day >= plan.start, s
        for a, b in closed(template, s.day):
            assert s.end <= a or s.start >= b, (s, a, b)
    for day, sessions in by_day.items():
        assert sum(s.minutes for s in sessions if s.kind != "go-live") <= cap, day
        ordered = sorted(sessions, key=lambda s: s.start)
        assert all(x.end <= y.start for x, y in itertools.pairwise(ordered)), day
    placed = [m for stage in template.stages for m in stage.modules]
    assert {s.module for s in plan.sessions if s.kind in ("module", "micro-lesson")} == set(placed)
    # one one-to-one per ISO week
    weeks = [s.day.isocalendar()[:2] for s in plan.sessions if s.kind == "one-to-one"]
    assert len(weeks) == len(set(weeks))
    assert len({s.key for s in plan.sessions}) == len(plan.sessions)
    check_retakes(plan)


# -- worked by hand on the fixture -------------------------------------------------------------

def test_same_week_starters_share_their_classes_and_mentors_meet_one_at_a_time() -> None:
    """王芳 starts Monday 2 November, 陈晨 and Tom Li Wednesday 4 November, all at the standard
    pace: one group, whose classes begin on the 4th when all three are in. 王芳 and 陈晨 share the
    mentor 李静, so their one-to-ones sit back to back; Tom Li's mentor 赵磊 meets him at the same
    time as 李静 meets 王芳."""
    cohort = plan(FIXTURE, [("agent", Hire("王芳", "李静", dt.date(2026, 11, 2))),
                            ("agent", Hire("陈晨", "李静", dt.date(2026, 11, 4))),
                            ("agent", Hire("Tom Li", "赵磊", dt.date(2026, 11, 4)))])
    assert cohort.groups == [1, 1, 1]
    assert {v.plan.first_day for v in cohort.views} == {dt.date(2026, 11, 4)}
    classes = [g for _, day in cohort.days for g in day if g.row.led_by == "trainer"]
    assert len(classes) == 6 and all(g.hires == ("王芳", "陈晨", "Tom Li") for g in classes)
    # shadowing: each hire with their own mentor, those sharing one together
    shadowing = {g.hires for _, day in cohort.days for g in day if g.row.session.module == "m-shadow"}
    assert shadowing == {("王芳", "陈晨"), ("Tom Li",)}
    meetings = sorted((g.row.session.day, g.row.session.start, g.hires, g.row.who) for _, day in cohort.days
                      for g in day if g.row.session.kind == "one-to-one")
    friday = dt.date(2026, 11, 6)
    assert [m for m in meetings if m[0] == friday] == [
        (friday, t("16:00"), ("Tom Li",), "赵磊"), (friday, t("16:00"), ("王芳",), "李静"),
        (friday, t("16:30"), ("陈晨",), "李静")]
    assert cohort.views[0].plan.notices[0].code == "cohort-start"
    # 王芳's employment starts on the 2nd: her plan keeps that date beside the group's first class
    assert [v.plan.joined for v in cohort.views] == [dt.date(2026, 11, 2), None, None]
    check_cohort(FIXTURE, cohort)


def test_a_second_group_waits_for_the_trainer_and_says_so() -> None:
    """Two hires starting the same Monday, but the room seats one: two groups sharing the trainer
    周敏. The second's classes never overlap the first's, its plan runs later than alone, and the
    notice names the trainer, the dates and the hours the first group held them."""
    room = "B 座 5 楼 / Building B, 5F"
    cohort = plan(FIXTURE, [("agent", Hire("王芳", "李静", dt.date(2026, 11, 2))),
                            ("agent", Hire("陈晨", "赵磊", dt.date(2026, 11, 2)))], {room: 1})
    assert cohort.groups == [1, 2]
    check_cohort(FIXTURE, cohort)
    shifted = [n for n in cohort.notices if n.code == "cohort-shifted"]
    assert shifted and shifted[0].params["kind"] == "trainer"
    assert shifted[0].params["resource"].best("zh", "zh") == "周敏"
    alone = plan(FIXTURE, [("agent", Hire("陈晨", "赵磊", dt.date(2026, 11, 2)))]).views[0].plan
    assert shifted[0].params["planned"] == alone.go_live < cohort.views[1].plan.go_live
    assert shifted[0].params["go_live"] == cohort.views[1].plan.go_live
    # the hours others held the trainer over those days, counted from the first group's plan
    days = {shifted[0].params["first"] + dt.timedelta(days=n)
            for n in range((shifted[0].params["last"] - shifted[0].params["first"]).days + 1)}
    held = sum(s.minutes for s in cohort.views[0].plan.sessions if s.day in days
               and s.kind in ("module", "assessment", "retake") and s.module != "m-shadow"
               and s.module != "m-calm")
    assert shifted[0].params["hours"] == f"{round(held / 15) / 4:g}"


def test_a_trainer_the_template_does_not_name_is_the_trainer() -> None:
    """frontline-3w names no trainer: a group waiting for them reads "the trainer" (培训师), not
    the template's title after the word Trainer."""
    from cs_team.render.notices import notice_texts

    hires = [("agent-1", Hire("甲", "李静", dt.date(2027, 3, 1), "standard")),
             ("agent-1", Hire("乙", "赵磊", dt.date(2027, 3, 1), "fast"))]
    cohort = plan(BUNDLED, hires)
    assert cohort.groups == [1, 2]
    zh = notice_texts(Language("zh", "zh"), cohort.notices)
    en = notice_texts(Language("en", "zh"), cohort.notices)
    waits = [n for n in cohort.notices if n.code == "cohort-shifted"]
    assert waits[0].params["kind"] == "unnamed-trainer"
    first, last = waits[0].params["first"], waits[0].params["last"]
    assert f"第 2 班组：培训师在 {first} 至 {last} 期间已被其他班组占用" in "\n".join(zh)
    assert "Group 2: the trainer is taken by another group for" in "\n".join(en)
    assert not any("一线客服三周入职计划" in t for t in zh) and not any("Three-week" in t for t in en)


def test_a_room_too_small_splits_the_group() -> None:
    hires = [("agent", Hire(n, "李静" if i % 2 else "赵磊", dt.date(2026, 11, 2))) for i, n in
             enumerate(["甲", "乙", "丙"])]
    cohort = plan(FIXTURE, hires, {"B 座 5 楼 / Building B, 5F": 2})
    assert cohort.groups == [1, 1, 2]
    full = [n.params for n in cohort.notices if n.code == "room-full"]
    assert full == [{"room": "B 座 5 楼", "capacity": 2, "count": 3,
                     "week": dt.date(2026, 11, 2), "over": 1}]
    check_cohort(FIXTURE, cohort)


ROOMS = ("rooms:\n  - {name: {zh: B 座 5 楼, en: \"Building B, 5F\"}, seats: 2}\n"
         "  - {name: {zh: 3 楼培训室, en: \"Training room, 3F\"}, seats: 12, formats: [classroom]}\n")


def test_the_templates_rooms_seat_the_group_and_rooms_overrides_them(team: RepoCopy) -> None:
    """The same split as --rooms gives, from the seats the template writes: B 座 5 楼 (where the
    role-play m-calls is held) seats two, so three same-week starters make two groups; --rooms
    by the room's English name seats all three in one."""

    team.edit("onboarding.yaml", "stages:\n", ROOMS + "stages:\n")
    # the hiring plan opens classes of up to 20 (the default): both rooms are too small for one
    assert [(f.code, f.line) for f in team.lint({"CS227", "CS228", "CS229"})] == [
        ("CS227", team.at("onboarding.yaml", "m-intro")[0])] * 2
    seated = playbook_of(team.root)
    hires = [("agent", Hire(n, "李静" if i % 2 else "赵磊", dt.date(2026, 11, 2))) for i, n in
             enumerate(["甲", "乙", "丙"])]
    cohort = plan(seated, hires)
    assert cohort.groups == [1, 1, 2]
    assert [n.params for n in cohort.notices if n.code == "room-full"] == [
        {"room": "B 座 5 楼", "capacity": 2, "count": 3, "week": dt.date(2026, 11, 2), "over": 1}]
    check_cohort(seated, cohort)
    assert plan(seated, hires, {"Building B, 5F": 3}).groups == [1, 1, 1]


def test_a_class_goes_to_the_first_room_that_holds_its_format(team: RepoCopy) -> None:
    """m-intro (classroom) names its own room; with it removed, the template's classroom room
    takes it; a role-play with no room of its format falls back to the template's location, a
    listed room whose seats count all the same."""


    team.edit("onboarding.yaml", "stages:\n", ROOMS.replace("seats: 2}", "seats: 2, formats: [case-review]}")
              + "stages:\n")
    team.edit("curriculum.yaml", "    location: {zh: 3 楼培训室, en: \"Training room, 3F\"}\n", "")
    seated = playbook_of(team.root)
    template, modules = seated.onboarding["first-week"], {m.id: m for m in seated.curriculum_modules("basics")}
    assert room_of(template, modules["m-intro"]).best("en", "zh") == "Training room, 3F"
    assert room_of(template, modules["m-calls"]).best("en", "zh") == "Building B, 5F"  # the location
    # both rooms are known by name, so their seats count: neither holds a class of 20
    found = [(f.code, f.column) for f in team.lint({"CS227", "CS228", "CS229"})]
    assert found == [("CS227", team.at("onboarding.yaml", "m-intro")[1]),
                     ("CS227", team.at("onboarding.yaml", "m-calls")[1])]


def test_a_class_in_a_room_the_template_does_not_list_is_a_warning(team: RepoCopy) -> None:
    """No room of the template holds role-play, so m-calls is held at the template's location,
    which its rooms do not list."""
    rooms = ROOMS.replace("B 座 5 楼, en: \"Building B, 5F\"}, seats: 2}", "B 座 6 楼, en: \"Building B, 6F\"}, "
                          "seats: 2, formats: [case-review]}")
    team.edit("onboarding.yaml", "stages:\n", rooms + "stages:\n")
    (finding,) = team.lint({"CS228"})
    assert finding.severity == "warning"
    assert (finding.line, finding.column) == team.at("onboarding.yaml", "m-calls")
    assert finding.message == ("module 'm-calls' is held in B 座 5 楼, which this template's rooms do not list, "
                               "so cohort planning cannot know its seats: add it to rooms with its seats")


def test_file_names_never_collide() -> None:
    day = dt.date(2026, 11, 2)
    names = ["王 芳", "王芳", "A/B", "A-B", "a-b", "Tom", "cohort", None, None]
    stems = file_stems([Hire(n, None, day) for n in names])
    assert stems == ["2026-11-02-王-芳", "2026-11-02-王芳", "2026-11-02-A-B", "2026-11-02-A-B-2",
                     "2026-11-02-a-b-3", "2026-11-02-Tom", "2026-11-02-cohort", "2026-11-02-hire",
                     "2026-11-02-hire-2"]
    assert len({s.casefold() for s in stems}) == len(stems)


def test_the_command_writes_every_hire_and_one_event_per_session(team: RepoCopy) -> None:
    team.write("hires.csv", "name,start,mentor\nA/B,2026-11-02,李静\nA-B,2026-11-02,赵磊\n王芳,2026-11-02,李静\n")
    code, _, err = invoke(team, "onboarding-plan", "agent", "--cohort", "hires.csv", "--format", "ics",
                          "--out", "plans")
    assert code == 0, err
    names = sorted(p.name for p in team.path("plans").iterdir())
    assert names == ["2026-11-02-A-B-2.ics", "2026-11-02-A-B.ics", "2026-11-02-王芳.ics", "cohort.ics"]
    events = Calendar.from_ical(team.path("plans/cohort.ics").read_bytes()).walk("VEVENT")
    mine = Calendar.from_ical(team.path("plans/2026-11-02-王芳.ics").read_bytes()).walk("VEVENT")
    # the group's sessions once, plus the other hires' one-to-ones each week and A-B's
    # shadowing of another mentor (赵磊) at the same time as the others shadow 李静
    one_to_ones = sum(1 for e in mine if str(e["categories"].cats[0]) == "one-to-one")
    shadowing = sum(1 for e in mine if "影子学习" in str(e["description"]))
    assert len(events) == len(mine) + 2 * one_to_ones + shadowing
    assert len({str(e["uid"]) for e in events}) == len(events)
    first = next(e for e in events if str(e["summary"]).startswith("公司与产品入门"))
    assert "参加人员：A/B、A-B、王芳" in str(first["description"])


@st.composite
def cohorts(draw: st.DrawFn) -> list[tuple[str, Hire]]:
    size = draw(st.integers(2, 30))
    first = draw(st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 1)))
    mentors = ["李静", "赵磊", "陈晨", None]
    return [(draw(st.sampled_from(["agent-1", "tech-support"])),
             Hire(f"新人{i}", draw(st.sampled_from(mentors)), first + dt.timedelta(days=draw(st.integers(0, 20))),
                  draw(st.sampled_from(["fast", "standard", "extended"]))))
            for i in range(size)]


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hires=cohorts())
def test_random_cohorts_keep_every_rule(hires: list[tuple[str, Hire]]) -> None:
    check_cohort(BUNDLED, plan(BUNDLED, hires))


@pytest.mark.skipif(shutil.which("chromium") is None or shutil.which("pdftotext") is None,
                    reason="needs chromium and pdftotext (apt-get install chromium poppler-utils)")
def test_a_cohorts_pdfs_come_from_one_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """Several tabs print at once, largest document first: each PDF still holds its own page, in
    the order given, tagged or not as asked."""
    import re
    import subprocess

    from cs_team.render import pdf_batch

    launches = []
    real = subprocess.Popen

    def counted(*args: object, **kwargs: object) -> subprocess.Popen:
        if args[0][0] == pdf_batch.find_browser():  # not fontconfig's fc-match
            launches.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf_batch.subprocess, "Popen", counted)
    monkeypatch.setattr(pdf_batch, "tab_count", lambda pages: 3)
    names = ["王芳", "Tom Li", "李静", "赵磊", "陈晨", "周杰", "吴敏"]
    # page n has n + 1 sheets, so the later (longer) pages are printed first, while the others wait
    pages = ["<!DOCTYPE html><html><body>" + "".join(f"<p style='break-before: page'>{name} {k}</p>"
                                                     for k in range(n + 1)) + "</body></html>"
             for n, name in enumerate(names)]
    tagged = [n % 2 == 0 for n in range(len(names))]
    printed = pdf_batch.print_pdfs(pages, tagged=tagged)
    assert len(launches) == 1 and len(printed) == len(names)
    for n, (name, data) in enumerate(zip(names, printed, strict=True)):
        text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout
        assert text.decode().split() == [w for k in range(n + 1) for w in f"{name} {k}".split()]
        info = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True).stdout
        assert re.search(rb"Pages:\s+(\d+)", info).group(1) == str(n + 1).encode()
        assert re.search(rb"Tagged:\s+(\w+)", info).group(1) == (b"yes" if tagged[n] else b"no")


def test_tabs_follow_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    from cs_team.render import pdf_batch

    monkeypatch.setattr(pdf_batch.os, "cpu_count", lambda: 2)
    assert [pdf_batch.tab_count(n) for n in (1, 2, 3, 50)] == [1, 2, 3, 3]
    monkeypatch.setattr(pdf_batch.os, "cpu_count", lambda: 32)
    assert pdf_batch.tab_count(50) == 6
