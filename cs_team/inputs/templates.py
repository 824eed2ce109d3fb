"""Blank side files to fill: a cohort (the hires starting together) and a demand forecast.

Their columns are the ones ``inputs`` reads back, headed in the user's language; as xlsx they
carry drop-downs (the repository's roles, paces and channels) and date cells.
"""

from __future__ import annotations

from cs_team.export.workbook import Column, Table
from cs_team.inputs.kinds import KINDS
from cs_team.playbook import Playbook

BLANK_ROWS = 200
"""Rows with validation: a class of hires, or a few days of intervals, before copying down."""


def _heading(kind: str, column: str, languages: tuple[str, ...]) -> str:
    return " / ".join(dict.fromkeys(KINDS[kind].label(column, code) for code in languages))


def cohort(playbook: Playbook, languages: tuple[str, ...]) -> Table:
    from cs_team.schedule.pacing import PACES

    h = lambda column: _heading("cohort", column, languages)  # noqa: E731
    return Table(_heading_of("cohort", languages), [
        Column(h("name")), Column(h("start"), kind="date"), Column(h("mentor")),
        Column(h("role"), choices=tuple(sorted(playbook.roles)), width=20), Column(h("pace"), choices=PACES),
    ], blank_rows=BLANK_ROWS)


def forecast(playbook: Playbook, languages: tuple[str, ...]) -> Table:
    h = lambda column: _heading("forecast", column, languages)  # noqa: E731
    channels = sorted({c.id for inputs in playbook.hiring.values() for c in inputs.channels})
    return Table(_heading_of("forecast", languages), [
        Column(h("interval_start"), kind="datetime", width=18), Column(h("channel"), choices=tuple(channels)),
        Column(h("volume"), kind="decimal", low=0, high=1e7),
        Column(h("aht_seconds"), kind="decimal", low=1, high=86400, width=18),
    ], blank_rows=BLANK_ROWS)


def _heading_of(kind: str, languages: tuple[str, ...]) -> str:
    return " / ".join(dict.fromkeys(KINDS[kind].name(code) for code in languages))
