"""Render a document of a playbook repository: its language, its template folder, its format."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from cs_team.errors import UsageError
from cs_team.model.common import Text
from cs_team.node_path import span_at
from cs_team.playbook import Playbook
from cs_team.render.engine import FORMATS, renderer
from cs_team.render.language import MODES, Language
from cs_team.repo import inside
from cs_team.wording import phrase, quoted


def language(playbook: Playbook, mode: str | None) -> Language:
    default = playbook.default_language
    chosen = mode or (default if default in MODES else "zh")
    if chosen not in MODES:
        raise UsageError(phrase("document.lang", value=quoted(chosen), modes=", ".join(MODES)))
    return Language(chosen, default)


def render(playbook: Playbook, template: str, output: str, mode: str | None, **context: Any) -> str:
    if output not in FORMATS:
        raise UsageError(phrase("document.format", value=quoted(output), formats=", ".join(FORMATS)))
    folder = user_templates(playbook)
    return renderer(language(playbook, mode), output, folder).render(template, **context)


def user_templates(playbook: Playbook) -> Path | None:
    """The repository's ``templates:`` folder; one outside the repository (``../x``, an absolute
    path, a link out) is refused: a CI rendering a pull request would publish the runner's files."""
    name = playbook.config.templates
    if not name:
        return None
    folder = playbook.repo.root / name
    if inside(playbook.repo.root, folder):
        return folder
    real = os.path.realpath(folder)
    where = "cs-team.yaml"
    parsed = playbook.repo.config_file
    if parsed is not None:
        span = span_at(parsed.node, ("templates",))
        where = f"{parsed.display}:{span.line}:{span.column}"
    raise UsageError(phrase("document.templates_outside", where=where, name=quoted(name), real=real))


def hiring_plan(playbook: Playbook, plan: object, output: str, mode: str | None,
                scenario_title: object = None) -> str:
    """The hiring-plan report: summary, peak day with a chart, typical week, timeline, sourcing."""
    from cs_team.render.charts import mermaid_lines, svg_lines
    from cs_team.staffing.summary import summarise

    summary = summarise(plan)
    lang = language(playbook, mode)
    hours = [f"{h:02d}" for h in range(24)]
    inputs = playbook.hiring[plan.inputs]
    names = plan_names(playbook, inputs, lang)
    series = [(names.get(s.channel, s.channel), s.values) for s in summary.peak_hours]  # legends by name
    title = f"{summary.peak_day}: " + "、".join(name for name, _ in series) if lang.primary == "zh" \
        else f"{summary.peak_day}: " + ", ".join(name for name, _ in series)
    chart = (svg_lines(series, hours, title) if output == "html"
             else mermaid_lines(series, hours, title, lang.label("agents_on_floor")))
    from cs_team.staffing.funnel import STAGES
    from cs_team.staffing.plan_model import LINES

    return render(playbook, "hiring-plan", output, mode, summary=summary, chart=chart, names=names,
                  funnel_stages=STAGES, cost_lines=LINES, cost_labels=COST_LABELS,
                  reference=_reference(plan, lang),
                  notes=[plan_sentence(note, names, lang) for note in plan.notes],
                  months=sorted({m.month for m in plan.months}),
                  scenario=lang.plain(scenario_title) if scenario_title is not None else None,
                  weekdays=lang.weekday_names(), stamp=_stamp(playbook))


COST_LABELS = {"recruiting": "hiring_cost", "training": "training_cost", "wages": "salaries_cost",
               "overtime": "overtime_cost", "temps": "temps_cost"}


def _reference(plan: object, lang: Language) -> str | None:
    """The backfill-and-gap figure beside the plan, in one sentence."""
    found = plan.reference
    if found is None:
        return None
    return lang.label("reference_line", hires=found.hires, today=f"{found.today:g}",
                      leavers=f"{found.leavers:g}", needed=f"{found.needed:g}", gap=f"{found.gap:g}",
                      passing=f"{found.passing * 100:.0f}", kept=f"{found.kept * 100:.0f}")


def scenario_comparison(playbook: Playbook, plans: list, chosen: list, output: str, mode: str | None) -> str:
    """Hiring scenarios side by side: hires, cost, peak coverage and the hours left uncovered."""
    from cs_team.staffing.scenario import compare

    lang = language(playbook, mode)
    titles = {"baseline": lang.label("scenario_baseline")}
    titles.update({s.id: lang.plain(s.title) for s in chosen})
    return render(playbook, "hiring-scenarios", output, mode, rows=compare(plans), titles=titles,
                  plan=plans[0][1], stamp=_stamp(playbook))


def plan_names(playbook: Playbook, inputs: object, lang: Language) -> dict[str, str]:
    """Role, channel, sourcing and temp ids to names in the report's languages."""
    names = {r.id: lang.plain(r.title) for r in playbook.roles.values()}
    for group in (inputs.channels, inputs.sourcing, inputs.temps):
        names.update({item.id: lang.plain(item.name) for item in group})
    return names


def plan_sentence(note: object, names: dict[str, str], lang: Language) -> str:
    """A plan's note worded in the report's languages, names instead of ids."""
    def shown(key: str, value: object) -> str:
        if key in ("role", "channel", "source"):
            return names.get(str(value), str(value))
        if isinstance(value, float):
            return f"{value:,.2f}".rstrip("0").rstrip(".") if key != "gap" else f"{value:g}"
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}"
        if isinstance(value, list):  # a list in each language's punctuation
            return Text((("zh", "、".join(map(str, value))), ("en", ", ".join(map(str, value)))),
                        written=frozenset(("zh", "en")))
        return str(value)

    return lang.label(note.key, **{k: shown(k, v) for k, v in note.values.items()})


def _stamp(playbook: Playbook) -> object:
    from cs_team.documents.common import stamp

    return stamp(playbook)


def onboarding_plan(playbook: Playbook, view: object, output: str, mode: str | None) -> str:
    """An onboarding plan: stages, a Gantt view (SVG in HTML, Mermaid in Markdown), each day."""
    from cs_team.render.charts import mermaid_gantt, svg_gantt

    lang = language(playbook, mode)
    if output == "html":
        # one language on the chart: the bars' names must fit beside them
        bars = [(lang.text(b.label)[0][1], b.first, b.last, b.stage) for b in view.bars]
        chart = svg_gantt(bars, view.off_days)
    else:
        sections, current = [], None
        for bar in view.bars:
            if bar.stage:
                current = (lang.plain(bar.label), [])
                sections.append(current)
            else:
                current[1].append((lang.plain(bar.label), bar.first, bar.last))
        chart = mermaid_gantt(sections, lang.plain(view.plan.template.title),
                              (lang.label("go_live"), view.plan.go_live))
    from cs_team.render.notices import notice_texts

    return render(playbook, "onboarding-plan", output, mode, view=view, role=view.role, chart=chart,
                  weekdays=lang.weekday_names(), stamp=view.stamp,
                  notices=notice_texts(lang, view.plan.notices))


def cohort_plan(playbook: Playbook, cohort: object, output: str, mode: str | None) -> str:
    """The trainer's view of a cohort: who starts when, and each day's sessions with who attends."""
    lang = language(playbook, mode)
    from cs_team.render.notices import notice_texts

    return render(playbook, "onboarding-cohort", output, mode, cohort=cohort, weekdays=lang.weekday_names(),
                  stamp=cohort.stamp, notices=notice_texts(lang, cohort.notices))
