"""`cs-team training-effect`: did training work? Kirkpatrick's four levels from the files at hand."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cs_team.commands.base import LangOption, OutOption, RepoOption, app, open_playbook
from cs_team.commands.output import deliver_report
from cs_team.commands.qa import FormatOption, ReportFormat
from cs_team.errors import UsageError
from cs_team.wording import phrase, quoted


def _costs(given: list[str], modules: dict, cohorts: set[str]) -> dict[str, float]:
    """``MODULE=AMOUNT`` or ``COHORT=AMOUNT`` pairs: what a module's training (all its cohorts) or
    one cohort's cost, in yuan."""
    costs: dict[str, float] = {}
    for pair in given:
        module, _, amount = pair.partition("=")
        try:
            value = float(amount.replace(",", ""))
        except ValueError:
            value = float("nan")
        if (module not in modules and module not in cohorts) or not value >= 0 or value == float("inf"):
            raise UsageError(phrase("command.cost_pair", pair=quoted(pair)))
        costs[module] = value
    return costs


@app.command("training-effect")
def training_effect(
    results: Annotated[list[Path], typer.Option(
        "--results", exists=True, help="Training results (who sat which module, when): CSV, xlsx or YAML, "
                                       "or folders of them.")],
    kpi: Annotated[list[Path], typer.Option(
        "--kpi", exists=True, help="KPI exports (agent, role, period, contacts, KPIs): CSV or xlsx.")],
    qa: Annotated[list[Path] | None, typer.Option(
        "--qa", exists=True, help="Filled QA evaluations (the eval-sheet qa table), or folders of them.")]
        = None,
    survey: Annotated[list[Path] | None, typer.Option(
        "--survey", exists=True, help="Filled post-training surveys (the eval-sheet survey table).")] = None,
    cost: Annotated[list[str] | None, typer.Option(
        "--cost", help="MODULE=AMOUNT (all its cohorts) or COHORT=AMOUNT (one cohort): what the training "
                       "cost in yuan, for the cost per point of CSAT. Repeatable.")]
        = None,
    output_format: FormatOption = ReportFormat.md,
    lang: LangOption = None,
    out: OutOption = None,
    repo: RepoOption = None,
) -> None:
    """Whether training worked, per module and cohort: Kirkpatrick's four levels.

    Reaction (the post-training survey), learning (the module's assessment), behaviour (QA points
    on the items that evidence the module's competencies) and results (CSAT and the KPIs of those
    competencies). Behaviour and results compare the trained agents' change with the untrained
    agents' over the same weeks (difference in differences), with a 95% bootstrap interval and the
    sample sizes; the report says plainly when the data cannot tell.

    [bold]Examples[/bold]

      cs-team training-effect --results training-results.csv --kpi kpi-export.csv --qa qa/ --survey survey.csv

      cs-team training-effect --results r.csv --kpi k.xlsx --cost complaint-handling=24000 --format html

      cs-team training-effect --results r.csv --kpi k.xlsx --cost CH-2026-10=12000 --cost CH-2026-11=11000
    """
    from cs_team.commands.output import printed_notes
    from cs_team.effect.levels import effects, untrained_agents
    from cs_team.effect.report import as_dict, tables
    from cs_team.effect.sources import read_sources
    from cs_team.inputs.problems import language_of

    playbook = open_playbook(repo)
    read = read_sources(playbook, results, kpi, qa or [], survey or [], Path.cwd(),
                        language_of(lang and lang.value, playbook.default_language), printed_notes())
    costs = _costs(cost or [], playbook.modules, {t.cohort for t in read.trainings if t.cohort})
    found = effects(playbook, read.trainings, read.kpis, read.evaluations, read.answers, costs)
    data = as_dict(found, len(untrained_agents(read.trainings, read.kpis, read.evaluations)))
    titles = {m.id: m.title for m in playbook.modules.values()}
    deliver_report(playbook, "training-effect", output_format, lang, out, lambda chosen: data,
                   lambda made, chosen: tables(made, chosen, {k: chosen.plain(v) for k, v in titles.items()}),
                   effect=data, titles=titles,
                   questions={s.id: {q.id: q.text for q in s.questions} for s in playbook.surveys})
