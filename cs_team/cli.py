"""The command line: options -> one core call -> a reporter -> an exit code.

Heavy modules (pydantic models, yaml, jinja2, rich tables) are imported inside
the commands that use them, so ``cs-team --help`` starts fast.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cs_team import __version__
from cs_team.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CsTeamError, UsageError

if TYPE_CHECKING:
    from cs_team.playbook import Playbook

app = typer.Typer(
    name="cs-team",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,  # locals would print playbook data in a traceback
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Lint and render the hiring and training playbooks of a customer-service team.\n\n"
         "Run inside a playbook repository (a folder with cs-team.yaml); outside one, the bundled "
         "example department is used.",
)


def _say(message: str) -> None:
    typer.echo(message, err=True)


def _playbook(repo: Path | None) -> Playbook:
    """The repository a command works on (saying so when it is the bundled one), indexed."""
    from cs_team.playbook import Playbook
    from cs_team.workspace import open_repository

    opened = open_repository(repo)
    if opened.note:
        _say(f"cs-team: {opened.note}")
    return Playbook(opened.repo)


def _colour_wanted() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cs-team {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Lint and render customer-service hiring and training playbooks."""


class LintFormat(str, Enum):
    auto = "auto"
    text = "text"
    parsable = "parsable"
    github = "github"
    json = "json"
    sarif = "sarif"


def _codes(values: list[str] | None, option: str) -> set[str]:
    from cs_team.lint.registry import resolve_codes

    codes, unknown = resolve_codes(v for value in values or [] for v in value.split(","))
    if unknown:
        raise UsageError(f"{option}: unknown rule {', '.join(unknown)}; `cs-team rules` lists them")
    return codes


@app.command()
def lint(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Files or folders to check (default: the repository around the current folder).",
        show_default=False)] = None,
    output_format: Annotated[LintFormat, typer.Option(
        "--format", "-f", help="auto (github inside GitHub Actions, else text), text, parsable, "
        "github, json or sarif.")] = LintFormat.auto,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Only these rules (codes, names or prefixes such as CS2; repeatable).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="Skip these rules (codes, names or prefixes; repeatable).")] = None,
    cache: Annotated[bool, typer.Option(
        "--cache/--no-cache", help="Reuse the findings of an unchanged repository "
        "(kept in .cs-team-cache/ at its root).")] = True,
) -> None:
    """Check playbooks: YAML, schema and cross-file rules.

    Exit 0 when clean, 1 when there are errors (or warnings with --strict), 2 on a usage error.
    Files outside any playbook repository are skipped (pre-commit passes every changed file).

    [bold]Examples[/bold]

      cs-team lint

      cs-team lint roles/agent-1.yaml questions/ --format json

      cs-team lint --strict --ignore CS209

      cs-team lint --format sarif > cs-team.sarif
    """
    from cs_team import reporters
    from cs_team.findings import Severity
    from cs_team.workspace import lint_paths

    selected = _codes(select, "--select") if select else None
    result = lint_paths(list(paths or []), selected, _codes(ignore, "--ignore"), use_cache=cache)
    chosen = reporters.resolve_format(output_format.value)
    if chosen == "text":
        for note in result.notes:
            _say(f"cs-team: {note}")
        sys.stdout.write(reporters.text(result.findings, colour=_colour_wanted()))
        _say(reporters.summary(result.findings, result.files_checked))
    else:
        sys.stdout.write(reporters.MACHINE_FORMATS[chosen](result.findings))
    failing = {Severity.ERROR} | ({Severity.WARNING} if strict else set())
    raise typer.Exit(EXIT_FINDINGS if any(f.severity in failing for f in result.findings) else EXIT_OK)


class ListFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("list")
def list_items(
    kind: Annotated[str, typer.Argument(
        help="roles, competencies, questions, modules, curricula, onboarding-templates, "
             "rating-scales, families, grades, evaluation-rules or hiring-inputs.")],
    output_format: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")]
        = ListFormat.table,
    lang: Annotated[str | None, typer.Option(
        help="Language of titles (default: the repository's default language).")] = None,
    repo: Annotated[Path | None, typer.Option(help="The playbook repository (default: around here).")]
        = None,
) -> None:
    """List what the playbooks define.

    [bold]Examples[/bold]

      cs-team list roles

      cs-team list questions --format json --lang en
    """
    import json

    from cs_team.catalog import ALIASES, LISTERS, rows
    from cs_team.validation import suggest

    if ALIASES.get(kind, kind) not in LISTERS:
        hint = suggest(kind, LISTERS) or f"; use one of: {', '.join(LISTERS)}"
        raise UsageError(f"unknown kind '{kind}'{hint}")
    playbook = _playbook(repo)
    found = rows(playbook, kind, lang or playbook.default_language)
    if output_format is ListFormat.json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    # The kind is the same on every row; file and line read better as one place.
    columns = [c for c in (found[0] if found else ["id", "title", "file"]) if c not in ("kind", "line")]
    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in columns:
        table.add_column(column, no_wrap=column != "title", overflow="fold")
    for row in found:
        cells = {**row, "file": f"{row['file']}:{row['line']}"}
        table.add_row(*(", ".join(map(str, v)) if isinstance(v, list) else str(v)
                        for k, v in cells.items() if k in columns))
    # Off a terminal rich assumes 80 columns and would fold every path: give it room.
    Console(width=None if sys.stdout.isatty() else 200).print(table)


@app.command()
def schema(
    kind: Annotated[str | None, typer.Argument(
        help="Print the schema of this kind (or 'cs-team' for cs-team.yaml) to stdout.")] = None,
    out: Annotated[Path | None, typer.Option(
        help="Write every schema into this folder, one <kind>.schema.json each.")] = None,
) -> None:
    """JSON Schema of the playbook format, for editors (yaml-language-server) and SchemaStore.

    Generated from the same models the linter validates with. Point a YAML file at one with a
    first line such as  # yaml-language-server: $schema=schemas/role.schema.json

    [bold]Examples[/bold]

      cs-team schema --out schemas

      cs-team schema role
    """
    from cs_team import atomic
    from cs_team.schema import CONFIG_SCHEMA, file_name, render, schemas
    from cs_team.validation import suggest

    found = schemas()
    if out is None and kind is None:
        raise UsageError("give a KIND to print, or --out DIR to write them all")
    if kind is not None:
        name = CONFIG_SCHEMA if kind in ("cs-team", "cs-team.yaml", "config") else file_name(kind)
        if name not in found:
            kinds = [n.removesuffix(".schema.json") for n in found]
            hint = suggest(kind, kinds) or f"; use one of {', '.join(kinds)}"
            raise UsageError(f"unknown kind '{kind}'{hint}")
        sys.stdout.write(render(found[name]))
        return
    for name, content in found.items():
        atomic.write_text(out / name, render(content))
    _say(f"cs-team: wrote {len(found)} schemas to {out}")


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="Where to create the repository (new or empty).")],
) -> None:
    """Start a playbook repository from the bundled department, with editor and CI set-up.

    Copies the example playbooks and their JSON Schemas, and adds .editorconfig, VS Code
    settings, a pre-commit configuration and a GitHub Actions workflow. Refuses to overwrite
    any existing file.

    [bold]Examples[/bold]

      cs-team init my-service-playbooks
    """
    from cs_team.init import init as create

    written = create(folder)
    _say(f"cs-team: created {len(written)} files in {folder}; edit cs-team.yaml first, then run "
         f"`cs-team lint {folder}`")


class ErlangFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def erlang(
    volume: Annotated[float, typer.Option(help="Contacts arriving in the interval.")],
    aht: Annotated[float, typer.Option(help="Average handle time, seconds.")],
    interval: Annotated[float, typer.Option(help="Length of the interval, seconds (900, 1800, 3600).")],
    target: Annotated[float | None, typer.Option(
        help="Service-level target as a fraction, e.g. 0.8 (with --within).")] = None,
    within: Annotated[float | None, typer.Option(help="Answer-time of the service level, seconds.")]
        = None,
    asa: Annotated[float | None, typer.Option(help="Average speed of answer target, seconds.")] = None,
    max_occupancy: Annotated[float | None, typer.Option(
        help="Highest occupancy allowed, as a fraction, e.g. 0.85.")] = None,
    show_table: Annotated[bool, typer.Option(
        "--table", help="Also show service level, ASA and occupancy for n-3 ... n+3 agents.")] = False,
    output_format: Annotated[ErlangFormat, typer.Option("--format", "-f", help="Output format.")]
        = ErlangFormat.text,
) -> None:
    """Agents needed for a queue of calls (Erlang C): the calculator people use web pages for.

    [bold]Examples[/bold]

      cs-team erlang --volume 100 --aht 180 --interval 1800 --target 0.8 --within 20

      cs-team erlang --volume 400 --aht 300 --interval 3600 --asa 30 --max-occupancy 0.85 --table

      cs-team erlang --volume 100 --aht 180 --interval 1800 --target 0.8 --within 20 --format json
    """
    import json
    import math

    from cs_team.errors import InputError
    from cs_team.staffing.erlang import StaffingError, required_agents
    from cs_team.staffing.erlang import table as around

    try:
        result = required_agents(volume, aht, interval, target=target, within_seconds=within,
                                 asa_seconds=asa, max_occupancy=max_occupancy)
        rows = around(volume, aht, interval, result.agents, within) if show_table else []
    except StaffingError as error:
        raise InputError(str(error)) from error

    def finite(value: float | None) -> float | None:
        return None if value is None or math.isinf(value) else value

    if output_format is ErlangFormat.json:
        data = {k: finite(v) if isinstance(v, float) else v for k, v in result.as_dict().items()}
        if show_table:
            data["table"] = [{k: finite(v) if isinstance(v, float) else v for k, v in r.as_dict().items()}
                             for r in rows]
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return

    def level(value: float | None) -> str:
        return "-" if value is None else f"{value:.1%}"

    def seconds(value: float) -> str:
        return "never (queue grows)" if math.isinf(value) else f"{value:.1f} s"

    typer.echo(f"agents            {result.agents}")
    typer.echo(f"traffic           {result.traffic_erlangs:.2f} Erlangs")
    if within is not None:
        typer.echo(f"service level     {level(result.service_level)} answered within {within:g} s")
    typer.echo(f"ASA               {seconds(result.asa_seconds)}")
    typer.echo(f"occupancy         {result.occupancy:.1%}")
    typer.echo(f"wait probability  {result.wait_probability:.1%}")
    if rows:
        typer.echo("\nagents  service level  ASA          occupancy")
        for row in rows:
            mark = "  <- required" if row.agents == result.agents else ""
            typer.echo(f"{row.agents:>6}  {level(row.service_level):>13}  {seconds(row.asa_seconds):<11}  "
                       f"{min(row.occupancy, 1.0):>9.1%}{mark}")


class PlanFormat(str, Enum):
    md = "md"
    html = "html"
    json = "json"
    csv = "csv"


@app.command("plan-hiring")
def plan_hiring(
    plan_id: Annotated[str | None, typer.Argument(
        metavar="PLAN", help="The hiring-inputs id (default: the repository's only one).")] = None,
    forecast: Annotated[Path | None, typer.Option(
        help="Demand: a CSV of interval_start, channel, volume, aht_seconds, or a weekly pattern "
             "in YAML (default: the one the hiring inputs name).")] = None,
    output_format: Annotated[PlanFormat, typer.Option("--format", "-f", help="Output format.")]
        = PlanFormat.json,
    out: Annotated[Path | None, typer.Option(help="Write here (atomically) instead of stdout.")] = None,
    as_of: Annotated[str | None, typer.Option(
        help="The day the plan is made, YYYY-MM-DD (default: today): earlier open dates are late.")]
        = None,
    lang: Annotated[str | None, typer.Option(help="md/html: zh, en or zh-en (both).")] = None,
    repo: Annotated[Path | None, typer.Option(help="The playbook repository (default: around here).")]
        = None,
) -> None:
    """Head-count from contact volume: agents per interval, FTE and hires per role and month,
    requisition dates, sourcing and budget.

    The report (md, html) leads with the summary, then the busiest day with a chart (inline SVG
    in HTML, Mermaid in Markdown), a heat map of a typical week, the requisition timeline and the
    sourcing plan with the budget. JSON carries every figure; CSV the staffing of every interval.

    [bold]Examples[/bold]

      cs-team plan-hiring

      cs-team plan-hiring service-centre-2027 --forecast forecasts/year.csv --as-of 2026-12-01

      cs-team plan-hiring --format csv --out staffing.csv

      cs-team plan-hiring --format html --lang zh-en --out plan.html
    """
    import datetime as dt

    from cs_team import atomic
    from cs_team.errors import InputError
    from cs_team.staffing import forecast as demand
    from cs_team.staffing.erlang import StaffingError
    from cs_team.staffing.plan import plan
    from cs_team.staffing.report import as_csv, as_json
    from cs_team.validation import suggest

    playbook = _playbook(repo)
    if not playbook.hiring:
        raise InputError("the repository has no valid hiring-inputs document (`cs-team lint` says why)")
    if plan_id is None:
        inputs = next(iter(playbook.hiring.values()))
    elif plan_id in playbook.hiring:
        inputs = playbook.hiring[plan_id]
    else:
        raise UsageError(f"no hiring inputs '{plan_id}'{suggest(plan_id, playbook.hiring)}")
    shown = str(forecast) if forecast is not None else inputs.forecast  # as given: same on every machine
    if forecast is None:
        if inputs.forecast is None:
            raise UsageError(f"hiring inputs '{inputs.id}' name no forecast: pass --forecast FILE")
        forecast = playbook.repo.root / inputs.forecast
    try:
        day = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    except ValueError:
        raise UsageError(f"--as-of {as_of!r} is not a date: write YYYY-MM-DD") from None
    try:
        if forecast.suffix in (".yaml", ".yml"):
            from cs_team.staffing import pattern

            loaded = pattern.read(forecast, shown)
        else:
            loaded = demand.read(forecast, shown)
        result = plan(inputs, loaded, day)
    except (demand.ForecastError, StaffingError) as error:
        raise InputError(str(error)) from error
    if output_format in (PlanFormat.md, PlanFormat.html):
        from cs_team.documents.output import hiring_plan

        text = hiring_plan(playbook, result, output_format.value, lang)
    else:
        text = as_json(result) if output_format is PlanFormat.json else as_csv(result)
    for warning in result.warnings:
        _say(f"cs-team: warning: {warning}")
    if out is None:
        sys.stdout.write(text)
    else:
        atomic.write_text(out, text)
        _say(f"cs-team: wrote {out}")


class DocFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"


class DocLang(str, Enum):
    zh = "zh"
    en = "en"
    zh_en = "zh-en"


def _deliver(text: str, out: Path | None, output_format: DocFormat = DocFormat.md) -> None:
    """stdout, or a file written atomically (a reader never sees half a document); PDF is
    printed from the HTML by a browser on the machine."""
    if output_format is DocFormat.pdf:
        from cs_team.render import pdf

        if pdf.cjk_font_missing():
            _say("cs-team: warning: no font for Chinese is installed; Chinese text may print as "
                 "boxes (Debian/Ubuntu: apt-get install fonts-noto-cjk)")
        data = pdf.print_pdf(text)
        if out is None:
            sys.stdout.buffer.write(data)
            return
        from cs_team import atomic

        atomic.write_bytes(out, data)
        _say(f"cs-team: wrote {out}")
        return
    if out is None:
        sys.stdout.write(text)
        return
    from cs_team import atomic

    atomic.write_text(out, text)
    _say(f"cs-team: wrote {out}")


def _template_format(output_format: DocFormat) -> str:
    return "html" if output_format is DocFormat.pdf else output_format.value


def _date(value: str | None) -> object:
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--date {value!r} is not a date: write YYYY-MM-DD") from None


@app.command("interview-kit")
def interview_kit(
    role: Annotated[str, typer.Argument(help="The role id, e.g. agent-1.")],
    stage: Annotated[str | None, typer.Option(help="Only this interview stage.")] = None,
    candidate: Annotated[str | None, typer.Option(help="Printed on the header.")] = None,
    interviewer: Annotated[str | None, typer.Option(help="Printed on the header.")] = None,
    date: Annotated[str | None, typer.Option(help="Printed on the header, YYYY-MM-DD.")] = None,
    lang: Annotated[DocLang | None, typer.Option(
        help="zh, en or zh-en (both); default: the repository's default language.")] = None,
    output_format: Annotated[DocFormat, typer.Option(
        "--format", "-f", help="md, html, or pdf (printed by a Chromium, Chrome or Edge on the machine).")]
        = DocFormat.md,
    out: Annotated[Path | None, typer.Option(help="Write here (atomically) instead of stdout.")] = None,
    repo: Annotated[Path | None, typer.Option(help="The playbook repository (default: around here).")]
        = None,
) -> None:
    """The interviewer's kit for a role: agenda, scripts, the same questions for every candidate
    with probes and rubric anchors, role-play cards, space for notes, and the scorecard.

    [bold]Examples[/bold]

      cs-team interview-kit agent-1 --format html --out kit.html

      cs-team interview-kit agent-2 --stage role-play --lang zh-en --candidate 王芳 --date 2026-12-01
    """
    from cs_team.documents import kit as kits
    from cs_team.documents.output import render

    playbook = _playbook(repo)
    header = kits.Header(candidate, interviewer, _date(date))
    view = kits.kit(playbook, role, stage, header)
    _deliver(render(playbook, "interview-kit", _template_format(output_format), lang.value if lang else None,
                    kit=view, header=header, stamp=view.stamp, opening_key=kits.opening_key),
             out, output_format)


class SheetKind(str, Enum):
    scorecard = "scorecard"
    training = "training"
    probation = "probation"
    promotion = "promotion"


@app.command("eval-sheet")
def eval_sheet(
    kind: Annotated[SheetKind, typer.Argument(
        help="scorecard (interview), training (assessment per module), probation (KPI review) or "
             "promotion (internal competition).")],
    role: Annotated[str, typer.Option(help="The role id, e.g. agent-1.")],
    candidate: Annotated[str | None, typer.Option(help="Printed on the header.")] = None,
    interviewer: Annotated[str | None, typer.Option(help="Printed on the header.")] = None,
    date: Annotated[str | None, typer.Option(help="Printed on the header, YYYY-MM-DD.")] = None,
    lang: Annotated[DocLang | None, typer.Option(help="zh, en or zh-en (both).")] = None,
    output_format: Annotated[DocFormat, typer.Option(
        "--format", "-f", help="md, html, or pdf (printed by a Chromium, Chrome or Edge on the machine).")]
        = DocFormat.md,
    out: Annotated[Path | None, typer.Option(help="Write here (atomically) instead of stdout.")] = None,
    repo: Annotated[Path | None, typer.Option(help="The playbook repository (default: around here).")]
        = None,
) -> None:
    """An evaluation sheet to print or fill.

    scorecard: every competency's weight, anchored scale, rating boxes, evidence lines and the
    weighted formula. training: per module theory / simulation / practical, pass mark, result,
    retrain-or-reassign, trainer sign-off. probation: the role's KPI targets for its level with
    what to expect at each review, comments and the decision. promotion: the competition's
    eligibility checklist, special track, stages and weighted final model.

    [bold]Examples[/bold]

      cs-team eval-sheet scorecard --role agent-1 --format html --out scorecard.html

      cs-team eval-sheet probation --role agent-2 --lang zh-en

      cs-team eval-sheet promotion --role team-lead
    """
    from cs_team.documents import kit as kits
    from cs_team.documents.common import stamp
    from cs_team.documents.output import render

    playbook = _playbook(repo)
    from cs_team.documents import sheets

    chosen = kits.find_role(playbook, role)
    header = kits.Header(candidate, interviewer, _date(date))
    views = {
        SheetKind.scorecard: lambda: {"scorecard": kits.scorecard(playbook, chosen)},
        SheetKind.training: lambda: {"modules": sheets.training(playbook, chosen)},
        SheetKind.probation: lambda: {"sheet": sheets.probation(playbook, chosen)},
        SheetKind.promotion: lambda: {"sheets": sheets.promotions(playbook, chosen)},
    }
    _deliver(render(playbook, kind.value, _template_format(output_format), lang.value if lang else None,
                    role=chosen, header=header, stamp=stamp(playbook), **views[kind]()), out, output_format)


@app.command()
def build(
    out: Annotated[Path, typer.Option(help="The site folder.")] = Path("site"),
    lang: Annotated[DocLang | None, typer.Option(help="zh, en or zh-en (both).")] = None,
    repo: Annotated[Path | None, typer.Option(help="The playbook repository (default: around here).")]
        = None,
) -> None:
    """Every kit and sheet of every role, in HTML and Markdown, with an index by family and grade:
    the folder a team publishes from CI.

    Never overwrites or deletes a file it did not write (it keeps a manifest), and renders
    everything before it touches the folder, so a failed or interrupted build leaves the previous
    site as it was.

    [bold]Examples[/bold]

      cs-team build --out site

      cs-team build --out public --lang zh-en
    """
    from cs_team.documents.site import build as build_site

    playbook = _playbook(repo)
    progress = None
    if sys.stderr.isatty():
        from rich.progress import track

        def progress(pages, total):
            return track(pages, total=total, description="Rendering", transient=True,
                         console=None)

    written = build_site(playbook, out, lang.value if lang else None, progress)
    _say(f"cs-team: built {len(written)} files in {out} (open {out / 'index.html'})")


class Lang(str, Enum):
    zh = "zh"
    en = "en"
    zh_en = "zh-en"


@app.command()
def rules(
    code: Annotated[str | None, typer.Argument(help="A rule code or name to explain in full.")] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the explanation.")] = Lang.zh_en,
) -> None:
    """List the lint rules, or explain one with a bad and a good example.

    [bold]Examples[/bold]

      cs-team rules

      cs-team rules CS204

      cs-team rules marital-status --lang en
    """
    from cs_team.lint.registry import RULES, resolve_codes
    from cs_team.validation import suggest

    languages = ["zh", "en"] if lang is Lang.zh_en else [lang.value]
    if code is None:
        for rule in RULES.values():
            summary = " / ".join(rule.summaries[x] for x in languages if x in rule.summaries)
            typer.echo(f"{rule.code}  {rule.name:<26} {rule.severity.value:<8} {summary}")
        return
    codes, _ = resolve_codes([code])
    if len(codes) != 1:
        names = [*RULES, *(r.name for r in RULES.values())]
        raise UsageError(f"unknown rule '{code}'{suggest(code, names)}")
    typer.echo(RULES[codes.pop()].describe(languages), nl=False)


def main(argv: list[str] | None = None) -> int:
    """Entry point: user errors become one line on stderr and an exit code, never a traceback."""
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="cs-team", standalone_mode=False)
    except CsTeamError as error:
        _say(f"cs-team: error: {error}")
        return error.exit_code
    except typer.Abort:
        _say("cs-team: interrupted")
        return 130
    except BrokenPipeError:  # e.g. `cs-team list questions | head`
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:
        # Click's usage errors (typer vendors click privately, so match by shape, not class).
        if not (hasattr(error, "format_message") and hasattr(error, "exit_code")):
            raise
        if type(error).__name__ == "NoArgsIsHelpError":
            typer.echo(error.format_message(), err=True)
            return EXIT_USAGE
        context = getattr(error, "ctx", None)
        where = f" (see `{context.command_path} --help`)" if context is not None else ""
        _say(f"cs-team: error: {error.format_message()}{where}")
        return EXIT_USAGE if error.exit_code == 2 else error.exit_code
    return result if isinstance(result, int) else EXIT_OK


def run() -> None:
    sys.exit(main())
