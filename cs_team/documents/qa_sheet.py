"""The QA form (质检评分表) of one channel as a sheet to fill: the printed form (md, html, pdf),
and a blank table of evaluations, one contact a row, for Excel, WPS or a QA system (csv, xlsx)."""

from __future__ import annotations

from cs_team.errors import UsageError
from cs_team.export.csvfile import csv_text
from cs_team.export.workbook import Column, Table
from cs_team.model.qa import QaForm
from cs_team.playbook import Playbook
from cs_team.render.language import Language
from cs_team.wording import phrase

BLANK_ROWS = 30
"""Empty rows with the columns' validation: one evaluated contact a row."""


def find_form(playbook: Playbook, channel: str) -> QaForm:
    """The repository's form for ``channel`` (lint's CS233 keeps it to one: the first is used)."""
    for form in playbook.qa_forms:
        if form.channel == channel:
            return form
    have = ", ".join(sorted({f.channel for f in playbook.qa_forms})) or phrase("document.none")
    raise UsageError(phrase("document.no_qa_form", channel=channel, have=have))


def competency_names(playbook: Playbook, form: QaForm, lang: Language) -> dict[str, str]:
    """Each competency the form names, by its name in the sheet's language(s)."""
    ids = {c for _, _, item in form.items() for c in item.competencies}
    ids |= {c for line in form.red_lines for c in line.competencies}
    return {c: lang.plain(playbook.competencies[c].name) if c in playbook.competencies else c
            for c in sorted(ids)}


def evidence(playbook: Playbook, form: QaForm, lang: Language) -> dict[str, str]:
    """Item and red-line id -> the competencies it evidences, by name, as one line."""
    names = competency_names(playbook, form, lang)
    join = {"zh": "、", "en": ", "}.get(lang.mode, "; ")
    parts = [(item.id, item.competencies) for _, _, item in form.items()]
    parts += [(line.id, line.competencies) for line in form.red_lines]
    return {key: join.join(names[c] for c in ids) for key, ids in parts}


def _header(form: QaForm, lang: Language) -> list[str]:
    return [lang.label(key) for key in ("qa_agent", "qa_evaluator", "date", "qa_contact_id")] + [
        lang.label("qa_item_column", title=item.title, points=item.points) for _, _, item in form.items()
    ] + [lang.label("qa_red_line_column", title=line.title) for line in form.red_lines] + [
        lang.label("qa_comments")]


def blank_csv(form: QaForm, lang: Language) -> str:
    """The header of the evaluations table: a QA system's export has the same columns."""
    return csv_text([_header(form, lang)])


def tables(playbook: Playbook, form: QaForm, lang: Language) -> list[Table]:
    """Evaluations to fill (scores capped at each item's points, red lines yes/no); the form beside."""
    yes_no = (lang.label("qa_yes"), lang.label("qa_no"))
    titles = _header(form, lang)
    items = form.items()
    columns = [Column(titles[0]), Column(titles[1]), Column(titles[2], kind="date"), Column(titles[3]),
               *[Column(t, kind="whole", low=0, high=item.points, width=16)
                 for t, (_, _, item) in zip(titles[4:], items, strict=False)],
               *[Column(t, choices=yes_no, width=16) for t in titles[4 + len(items):-1]],
               Column(titles[-1], width=40)]
    shown = evidence(playbook, form, lang)
    guide = [[lang.plain(form.sections[s].title), lang.plain(item.title), item.points, lang.plain(item.earns),
              lang.plain(item.loses), shown[item.id]]
             for s, _, item in items]
    guide += [[lang.label("qa_red_lines"), lang.plain(line.title), 0, lang.label("qa_zeroes"),
               lang.plain(line.hit_when), shown[line.id]]
              for line in form.red_lines]
    guide_columns = [Column(lang.label("qa_section"), width=20), Column(lang.label("qa_item"), width=24),
                     Column(lang.label("qa_points")), Column(lang.label("qa_earns"), width=50),
                     Column(lang.label("qa_loses"), width=50), Column(lang.label("competencies"), width=24)]
    return [Table(lang.plain(form.title), columns, [], blank_rows=BLANK_ROWS,
                  note=lang.label("qa_fill_note", total=form.total)),
            Table(lang.label("qa_standards"), guide_columns, guide)]


def sheet(playbook: Playbook, channel: str, output: str, mode: str | None) -> str | bytes:
    """The channel's form as ``output`` (md, html, csv; xlsx as bytes) in ``mode``'s language(s)."""
    from cs_team.documents.common import stamp
    from cs_team.documents.output import language, render

    form, lang = find_form(playbook, channel), language(playbook, mode)
    if output == "xlsx":
        from cs_team.export.workbook import workbook_bytes

        return workbook_bytes(tables(playbook, form, lang))
    if output == "csv":
        return blank_csv(form, lang)
    return render(playbook, "qa-form", output, lang.mode, form=form, evidence=evidence(playbook, form, lang),
                  stamp=stamp(playbook))
