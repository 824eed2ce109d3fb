"""`cs-team onboarding-plan`: a new hire's dated schedule, as a document or a calendar file."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cs_team.commands.base import LangOption, RepoOption, app, date_option, note, one_line, open_playbook, say
from cs_team.commands.formats import format_option, formats
from cs_team.commands.output import printed_notes
from cs_team.errors import UsageError
from cs_team.repo import display_path
from cs_team.wording import phrase, quoted

OnboardingFormat = formats("OnboardingFormat", "md", "html", "pdf", "ics", "json")


class Pace(str, Enum):
    fast = "fast"
    standard = "standard"
    extended = "extended"


@app.command("onboarding-plan")
def onboarding_plan(
    role: Annotated[str, typer.Argument(help="The role id, e.g. agent-1; its file names the template.")],
    start: Annotated[str | None, typer.Option(
        help="First day, YYYY-MM-DD (the next working day if that one is off).")] = None,
    name: Annotated[str | None, typer.Option(
        help="The new hire, printed and used in calendar ids.", callback=one_line)] = None,
    mentor: Annotated[str | None, typer.Option(
        help="The mentor (带教导师), printed on their sessions.", callback=one_line)] = None,
    pace: Annotated[Pace, typer.Option(help="fast, standard or extended: module hours scaled by the "
                                            "template's pace factors.")] = Pace.standard,
    calendar: Annotated[Path | None, typer.Option(
        help="A work-calendar YAML file to use instead of the repository's.")] = None,
    timezone: Annotated[str | None, typer.Option(
        help="IANA time zone of the sessions (default: cs-team.yaml's, else Asia/Shanghai).")] = None,
    cohort: Annotated[Path | None, typer.Option(
        exists=True, help="YAML or CSV of hires (name, start, mentor, role, pace): a plan each and a "
             "trainer's combined view, written into the --out folder.")] = None,
    rooms: Annotated[list[str] | None, typer.Option(
        "--rooms", help="With --cohort: ROOM=SEATS, how many hires a room holds (repeat for each "
                        "room); a larger group of same-week starters is split.")] = None,
    lang: LangOption = None,
    output_format: format_option(OnboardingFormat, "md, html, pdf, ics (iCalendar) or json.")
        = OnboardingFormat.md,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Write here (atomically) instead of stdout; with --cohort, a folder.")] = None,
    repo: RepoOption = None,
) -> None:
    """A new hire's onboarding schedule: every module, assessment and one-to-one on a real day.

    The role's curriculum is laid onto working days in its onboarding template's stage order,
    around lunch, peak-hour windows, the daily training cap, weekends and mainland China's
    public holidays with their adjusted working days (调休), plus the repository's own
    work-calendar days. Ends with the go-live checkpoint.

    [bold]Examples[/bold]

      cs-team onboarding-plan agent-1 --start 2027-03-01 --name 王芳 --mentor 李静

      cs-team onboarding-plan agent-1 --start 2027-03-01 --name 王芳 --format ics --out wangfang.ics

      cs-team onboarding-plan agent-1 --cohort march.csv --format html --out plans/
    """
    from cs_team.documents.onboarding import onboarding
    from cs_team.inputs.cohorts import read_cohort
    from cs_team.inputs.problems import language_of
    from cs_team.schedule.calendar import WorkDays
    from cs_team.schedule.cohort import Hire

    if cohort is None and start is None:
        raise UsageError(phrase("command.start_needed"))
    if cohort is not None and (start or name or mentor):
        raise UsageError(phrase("command.cohort_alone"))
    if cohort is not None and out is None:
        raise UsageError(phrase("command.cohort_needs_out"))
    playbook = open_playbook(repo)
    zone = _timezone(timezone or playbook.config.timezone)
    days = WorkDays(_calendars(playbook, calendar))
    mode = lang.value if lang else None

    if cohort is None:
        hire = Hire(name, mentor, _date(start), pace.value)
        view = onboarding(playbook, _role(playbook, role), hire, days, zone)
        _notices([view])
        _deliver_one(playbook, view, output_format, mode, out)
        return

    hires = read_cohort(cohort, display_path(cohort), language_of(lang, playbook.default_language),
                        printed_notes())
    from cs_team.documents.cohort import cohort_plans

    together = cohort_plans(playbook, [(_role(playbook, h.role or role), h) for h in hires], days, zone,
                            _rooms(rooms))
    _notices(together.views, [n for n in together.notices if n.code == "trainer-queued"])
    _deliver_cohort(playbook, together, output_format, mode, out)


def _rooms(values: list[str] | None) -> dict[str, int]:
    rooms = {}
    for value in values or ():
        name, _, seats = value.rpartition("=")
        if not name.strip() or not seats.strip().isdigit() or int(seats) < 1:
            raise UsageError(phrase("command.rooms_pair", value=quoted(value)))
        rooms[name.strip()] = int(seats)
    return rooms


def _role(playbook: object, role_id: str) -> object:
    from cs_team.documents.kit import find_role

    return find_role(playbook, role_id)


def _date(value: str | None) -> dt.date:
    from cs_team.schedule.cohort import start_problem

    start = date_option(value or "", "--start")
    if (problem := start_problem(start)) is not None:
        raise UsageError(phrase("command.option_problem", problem=problem))
    return start


def _timezone(name: str) -> str:
    from cs_team.model.config import is_time_zone

    if not is_time_zone(name):
        raise UsageError(phrase("command.unknown_time_zone", name=quoted(name)))
    return name


def _calendars(playbook: object, path: Path | None) -> list:
    """The repository's work calendars, or the one file --calendar names."""
    if path is None:
        return list(playbook.calendars)
    from cs_team.inputs.documents import read_document
    from cs_team.inputs.problems import Problems, language_of

    if not path.is_file() and not path.exists():
        raise UsageError(phrase("command.calendar_missing", path=display_path(path)))
    problems = Problems(language_of(None, playbook.default_language))
    found = read_document(path, display_path(path), problems, "work-calendar",
                          ("工作日历文件", "work-calendar file"))
    problems.raise_any()
    return [found[0]]


def _notices(views: list, cohort: list | None = None) -> None:
    """The plans' notices on stderr too, in the reader's language, each once (a cohort's hires
    share most of them); first what only the trainer's view says (a trainer queued for many groups)."""
    from cs_team.reader import current_language
    from cs_team.render.language import Language
    from cs_team.render.notices import notice_texts

    reader = current_language()
    lang = Language(reader, reader)
    for text in notice_texts(lang, cohort or [], False):  # a warning: the cohort runs months late
        say(phrase("cli.warning", message=text).word(reader))
    for text in dict.fromkeys(t for view in views for t in notice_texts(lang, view.plan.notices, False)):
        say(phrase("cli.noted", message=text).word(reader))


def _deliver_one(playbook: object, view: object, output_format: OnboardingFormat, mode: str | None,
                 out: Path | None) -> None:
    from cs_team.commands.output import deliver
    from cs_team.documents.onboarding_files import plan_file, previous

    deliver(plan_file(playbook, view, output_format.value, mode, previous(out)), out, output_format)


def _deliver_cohort(playbook: object, together: object, output_format: OnboardingFormat, mode: str | None,
                    folder: Path) -> None:
    from cs_team import atomic
    from cs_team.documents.onboarding_files import cohort_files

    files = cohort_files(playbook, together, output_format.value, mode, folder)
    folder.mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        atomic.write_bytes(path, data)
    extension = output_format.value
    note(phrase("done.wrote_cohort", count=len(files), folder=str(folder), plans=len(files) - 1,
                extension=extension))
