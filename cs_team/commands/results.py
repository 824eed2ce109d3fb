"""`cs-team score`, `training-results`, `promotion-rank` and `trace`: results back into decisions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cs_team.commands.base import LangOption, OutOption, RepoOption, app, open_playbook
from cs_team.commands.formats import format_option, formats
from cs_team.commands.output import deliver, deliver_report, printed_notes

ResultFormat = formats("ResultFormat", "md", "html", "json", "csv", "xlsx")
FormatOption = format_option(ResultFormat)


@app.command()
def score(
    paths: Annotated[list[Path], typer.Argument(
        exists=True, help="Filled scorecards (YAML, CSV or xlsx), or folders of them.")],
    output_format: FormatOption = ResultFormat.md,
    lang: LangOption = None,
    out: OutOption = None,
    repo: RepoOption = None,
) -> None:
    """Score filled interview scorecards: rank candidates, compare them, calibrate interviewers.

    Each file is one interviewer's ratings of one candidate (make blank ones with
    `cs-team eval-sheet scorecard --role ROLE --format yaml` or `--format csv`). Every problem in
    every file is reported with its file and line (or row) before anything is scored.

    [bold]Examples[/bold]

      cs-team score scorecards/

      cs-team score wang-li.yaml wang-zhao.csv --format html --out scores.html
    """
    from cs_team.results.score_data import as_csv, as_dict
    from cs_team.results.scorecards import RECOMMENDATIONS, read_scorecards
    from cs_team.results.scoring import score as score_cards

    playbook = open_playbook(repo)
    cards = read_scorecards(playbook, paths, Path.cwd(), lang and lang.value, printed_notes())
    results = score_cards(playbook, cards)
    if output_format is ResultFormat.csv:
        deliver(as_csv(results), out)
        return
    from cs_team.results.report_workbooks import score as workbook

    deliver_report(playbook, "score", output_format.value, lang, out, lambda _: as_dict(results), workbook,
                   results=results, roles=playbook.roles, competencies=playbook.competencies,
                   recommendations=RECOMMENDATIONS, questions=playbook.questions)


# A report as a document (md, html) or as data (json); one of tables also as a workbook (xlsx).
TraceFormat = formats("TraceFormat", "md", "html", "json")
TraceFormatOption = format_option(TraceFormat)
TableFormat = formats("TableFormat", "md", "html", "json", "xlsx")
TableFormatOption = format_option(TableFormat)


@app.command("trace")
def trace_command(
    role: Annotated[str | None, typer.Argument(help="One role id; every role when left out.")] = None,
    output_format: TraceFormatOption = TraceFormat.md,
    lang: LangOption = None,
    out: OutOption = None,
    repo: RepoOption = None,
) -> None:
    """Where each competency a role hires for is interviewed, trained, measured and weighed.

    For every competency in the role's hiring criteria: the interview stages and how many of the
    kit's questions ask about it, the curriculum modules that train it, the probation KPIs that
    measure it (the competency's `kpis` that the role has targets for), and the promotions this
    role can enter whose target role weighs it. Gaps are listed: hired for but never trained,
    never measured, and modules tied to no competency.

    [bold]Examples[/bold]

      cs-team trace agent-1

      cs-team trace --format json --out trace.json
    """
    from cs_team.documents.kit import find_role
    from cs_team.trace import as_dict, trace

    playbook = open_playbook(repo)
    roles = [find_role(playbook, role)] if role else [playbook.roles[r] for r in sorted(playbook.roles)]
    traces = [trace(playbook, r) for r in roles]
    deliver_report(playbook, "trace", output_format.value, lang, out, lambda _: as_dict(traces),
                   traces=traces, competencies=playbook.competencies, roles=playbook.roles)


@app.command("training-results")
def training_results(
    paths: Annotated[list[Path], typer.Argument(
        exists=True, help="Results files (YAML, CSV or xlsx), or folders of them.")],
    output_format: TableFormatOption = TableFormat.md,
    lang: LangOption = None,
    out: OutOption = None,
    repo: RepoOption = None,
) -> None:
    """Training assessment results: pass, retake, retrain or reassign per hire and module, and
    the first-time pass and completion rates per module and per cohort.

    Each attempt gives the hire, the module, the attempt number and a score out of 100 per
    assessment method (theory, simulation, practical); modules without an assessment record
    attendance. The curriculum's pass mark, retakes and on_fail rule decide.

    [bold]Examples[/bold]

      cs-team training-results results/2027-03-cohort.csv

      cs-team training-results results/ --format html --out training.html
    """
    from cs_team.results.report_workbooks import training as workbook
    from cs_team.results.training import as_dict, report
    from cs_team.results.training_files import read_results

    playbook = open_playbook(repo)
    attempts = read_results(playbook, paths, Path.cwd(), lang and lang.value, printed_notes())
    reports = report(attempts, list(playbook.modules))
    deliver_report(playbook, "training-results", output_format.value, lang, out, lambda _: as_dict(reports),
                   workbook, reports=reports)


@app.command("promotion-rank")
def promotion_rank(
    records: Annotated[Path, typer.Argument(
        exists=True, help="The candidates' records (YAML, CSV or xlsx).")],
    promotion: Annotated[str | None, typer.Option(
        help="The competition's id (when the records file does not name it).")] = None,
    output_format: TableFormatOption = TableFormat.md,
    lang: LangOption = None,
    out: OutOption = None,
    repo: RepoOption = None,
) -> None:
    """The internal promotion competition: eligibility per the rules (with the special track),
    then the weighted final model, ranked, every component shown.

    [bold]Examples[/bold]

      cs-team promotion-rank candidates.yaml

      cs-team promotion-rank candidates.csv --promotion supervisor-competition --format html
    """
    from cs_team.results.promotion import as_dict, rank
    from cs_team.results.promotion_files import read_records
    from cs_team.results.report_workbooks import promotion as workbook

    playbook = open_playbook(repo)
    found, ratings, candidates = read_records(playbook, records, Path.cwd(), promotion, lang and lang.value,
                                                 printed_notes())
    ranking = rank(playbook, found, ratings, candidates)
    deliver_report(playbook, "promotion-rank", output_format.value, lang, out, lambda _: as_dict(ranking),
                   lambda data, chosen: workbook(ranking, data, chosen), ranking=ranking)
