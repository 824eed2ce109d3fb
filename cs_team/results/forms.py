"""Blank scorecards to fill in and feed back to `cs-team score`: YAML (with the anchors as
comments) and CSV (for a spreadsheet)."""

from __future__ import annotations

import json

from cs_team.export.csvfile import csv_text
from cs_team.interview import asked_knock_outs as knock_outs
from cs_team.model.role import Role
from cs_team.playbook import Playbook
from cs_team.render.language import Language

CSV_HEADER = ["role", "candidate", "interviewer", "date", "competency", "competency_name", "weight",
              "minimum", "rating", "evidence", "recommendation"]
KNOCK_OUT_COLUMNS = ["knock_out", "passes", "result"]
"""Added when the role's kit asks knock-outs: a row each, passed or failed instead of rated."""


def _quoted(value: str) -> str:
    """A YAML string that stays a string whatever it holds (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def blank_yaml(playbook: Playbook, role: Role, lang: Language, candidate: str | None = None,
               interviewer: str | None = None, date: str | None = None) -> str:
    rows = [
        f"# {lang.label('scorecard_form.fill')}",
        f"#   {lang.label('scorecard_form.run')}",
        f"# {lang.label('scorecard_form.evidence')}",
        "kind: scorecard",
        f"role: {role.id}",
        f"candidate: {_quoted(candidate or '')}",
        f"interviewer: {_quoted(interviewer or '')}",
        f"date: {_quoted(date or '')}",
        "ratings:",
    ]
    for criterion in role.hiring_criteria:
        competency = playbook.competencies.get(criterion.competency)
        if competency is None:
            continue
        facts = [lang.label("scorecard_form.weight", weight=f"{criterion.weight:g}")]
        if criterion.minimum is not None:
            facts.append(lang.label("scorecard_form.minimum", minimum=criterion.minimum))
        separator = "，" if lang.primary == "zh" else ", "
        rows.append(f"  # {lang.plain(competency.name)}: {separator.join(facts)}")
        anchors = competency.anchors or {}
        for point in playbook.scale_points(competency):
            anchor = anchors.get(point.value, point.anchor)
            words = lang.plain(anchor) if anchor is not None else lang.plain(point.label)
            rows.append(f"  #   {point.value} = {' '.join(words.split())}")
        rows.append(f"  - competency: {criterion.competency}")
        rows.append("    rating:")
        rows.append('    evidence: ""')
    checks = knock_outs(playbook, role)
    if checks:
        rows.append(f"# {lang.label('scorecard_form.knock_outs')}")
        rows.append("knock_outs:")
    for question in checks:
        rows.append(f"  # {' '.join(lang.plain(question.text).split())}")
        if question.passes is not None:
            passes = " ".join(lang.plain(question.passes).split())
            rows.append(f"  #   {lang.label('scorecard_form.passes', passes=passes)}")
        rows.append(f"  - question: {question.id}")
        rows.append('    result: ""')
        rows.append('    evidence: ""')
    rows.append(f"# {lang.label('scorecard_form.recommendation')}")
    rows.append('recommendation: ""')
    return "\n".join(rows) + "\n"


def blank_csv(playbook: Playbook, role: Role, lang: Language, candidate: str | None = None,
              interviewer: str | None = None, date: str | None = None) -> str:
    checks = knock_outs(playbook, role)
    extra = KNOCK_OUT_COLUMNS if checks else []
    rows: list[list[object]] = [CSV_HEADER + extra]
    head = [role.id, candidate or "", interviewer or "", date or ""]
    for criterion in role.hiring_criteria:
        competency = playbook.competencies.get(criterion.competency)
        name = lang.plain(competency.name) if competency else ""
        rows.append([*head, criterion.competency, name, f"{criterion.weight:g}",
                     "" if criterion.minimum is None else criterion.minimum, "", "", ""] + [""] * len(extra))
    for question in checks:
        passes = " ".join(lang.plain(question.passes).split()) if question.passes is not None else ""
        rows.append([*head, "", "", "", "", "", "", "", question.id, passes, ""])
    return csv_text(rows)
