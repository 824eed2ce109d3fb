"""The QA results as tables, for csv (the first: one row per agent, then the team) and xlsx (one
sheet each). Headings come from the document labels (``render/messages.yaml``), in the report's
language(s); figures are the JSON's."""

from __future__ import annotations

from cs_team.export.workbook import Column, Table
from cs_team.render.language import Language


def tables(data: dict, lang: Language) -> list[Table]:
    """Per agent and team, the items lost, the red-line hits, the evaluators' calibration."""
    team = lang.label("qa_team")
    summary, lost, hits = [], [], []
    for name, s in [*((a["agent"], a) for a in data["agents"]), (team, data["team"])]:
        worst = s["items_lost"][0] if s["items_lost"] else None
        summary.append([name, s["evaluations"], s["average_score"], len(s["red_line_hits"]),
                        worst["title"] if worst else None, worst["share_lost_percent"] if worst else None])
        lost += [[name, i["title"], i["points"], i["evaluations"], i["points_lost"], i["share_lost_percent"]]
                 for i in s["items_lost"]]
    hits = [[h["title"], h["date"], h["contact_id"], h["agent"], h["evaluator"]]
            for h in data["team"]["red_line_hits"]]
    calibration = data["calibration"]
    evaluators = [[e["evaluator"], e["evaluations"], e["compared"], e["leniency"]]
                  for e in calibration["evaluators"]]
    apart = [[d["contact_id"], d["red_line"] or lang.label("qa_score"),
              *[part for pair in d["scores"].items() for part in pair]] for d in calibration["disagreements"]]

    def columns(*keys: str) -> list[Column]:
        return [Column(lang.label(key)) for key in keys]

    return [
        Table(lang.label("qa_results"), columns("qa_agent", "qa_evaluations", "qa_average",
                                                 "qa_red_line_hits", "qa_item", "qa_share_lost"), summary),
        Table(lang.label("qa_items_lost"), columns("qa_agent", "qa_item", "qa_points", "qa_evaluations",
                                                    "qa_points_lost", "qa_share_lost"), lost),
        Table(lang.label("qa_red_line_hits"), columns("qa_red_line", "date", "qa_contact_id", "qa_agent",
                                                       "qa_evaluator"), hits),
        Table(lang.label("qa_calibration"), columns("qa_evaluator", "qa_evaluations", "compared", "leniency"),
              evaluators),
        Table(lang.label("disagreements"), columns("qa_contact_id", "qa_item", "qa_evaluator", "qa_score",
                                                    "qa_evaluator", "qa_score"), apart),
    ]
