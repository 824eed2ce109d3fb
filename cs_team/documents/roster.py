"""The 排班 sheet as a document (Markdown, HTML) or as titled tables (CSV, xlsx), in zh, en or both.

The tables are plain rows of text and numbers, headed in the reader's language, so one writer
lays them into any spreadsheet format.
"""

from __future__ import annotations

from cs_team.playbook import Playbook
from cs_team.render.language import Language, catalogue
from cs_team.staffing.roster_sheet import Sheet

MARKS = {"over": "▲", "met": "●", "short": "▼"}


def roster_document(playbook: Playbook, sheets: list[Sheet], inputs: object, output: str,
                    mode: str | None) -> str:
    from cs_team.documents.output import _stamp, language, render

    lang = language(playbook, mode)
    return render(playbook, "roster", output, mode, sheets=sheets, marks=MARKS,
                  channels={c.id: c for c in inputs.channels}, weekdays=lang.weekday_names(),
                  stamp=_stamp(playbook))


def _label(lang: Language, key: str) -> str:
    entry = catalogue()
    for part in key.split("."):
        entry = entry[part]
    return " / ".join(dict.fromkeys(entry[code] for code in lang.languages))


def _name(lang: Language, value) -> str:
    return " / ".join(text for _, text in lang.text(value))


def tables(sheets: list[Sheet], lang: Language) -> list[tuple[str, list[list[object]]]]:
    """(title, rows with the header first) for each table of each sheet."""
    days = lang.weekday_names()
    found = []
    for sheet in sheets:
        week = f"{_label(lang, 'roster_week.' + sheet.week)} {sheet.monday.isoformat()}"
        shift, start, end = (_label(lang, key) for key in ("roster_shift", "roster_start", "roster_end"))
        counts = [[shift, start, end, *days]]
        counts += [[_name(lang, r.name), r.clock, r.end, *r.days] for r in sheet.shifts]
        counts.append([_label(lang, "roster_total"), None, None, *sheet.day_totals])
        cover = [[_label(lang, "roster_time"), *days]]
        cover += [[sheet.clocks[i], *(f"{MARKS[c.state]} {c.covered:g} / {c.required:g}" for c in row)]
                  for i, row in enumerate(sheet.coverage)]
        off = _label(lang, "roster_off")
        names = [[_label(lang, "roster_number"), _label(lang, "roster_name"), shift, *days]]
        names += [[p.number, None, _name(lang, p.name),
                   *(off if day in p.off else f"{p.clock}-{p.end}" for day in range(7))]
                  for p in sheet.people]
        found += [(f"{_label(lang, 'roster_shift_counts')} · {week}", counts),
                  (f"{_label(lang, 'roster_coverage')} · {week}", cover),
                  (f"{_label(lang, 'roster_names')} · {week}", names)]
    return found


def roster_workbook(sheets: list[Sheet], lang: Language) -> bytes:
    """The tables, one worksheet each."""
    from cs_team.export.workbook import Column, Table, workbook_bytes

    return workbook_bytes([Table(title, [Column(str(h)) for h in table[0]], table[1:])
                           for title, table in tables(sheets, lang)])


def roster_csv(sheets: list[Sheet], lang: Language) -> str:
    """The tables one after another, each under its title, a blank row between."""
    from cs_team.export.csvfile import csv_text

    rows: list[list[object]] = []
    for title, table in tables(sheets, lang):
        rows += [*([[]] if rows else []), [title], *table]
    return csv_text(rows)
