"""The QA results as tables, for csv (the first: one row per agent, then the team) and xlsx (one
sheet each). Headings come from the document labels (``render/messages.yaml``), in the report's
language(s); figures are the JSON's."""

from __future__ import annotations

from cs_team.export.workbook import Column, Table
from cs_team.render.language import Language


def tables(data: dict, lang: Language) -> list[Table]:
    """Per agent and team, the items lost (each with its channel: voice and chat forms may share an
    item's title), the red-line hits by date, the evaluators' calibration."""
    team = lang.label("qa_team")
    summary, lost, hits = [], [], []

    def channel(name: str) -> str:
        return lang.label(f"qa_channels.{name}")

    comma = {"zh": "、", "en": ", "}.get(lang.mode, "; ")  # zh-en: between "中文 / English" pairs
    for name, s in [*((a["agent"], a) for a in data["agents"]), (team, data["team"])]:
        worst = s["items_lost"][0] if s["items_lost"] else None
        named = worst and (worst["title"] if len(s["channels"]) < 2 else
                           f"{worst['title']}（{channel(worst['channel'])}）" if lang.primary == "zh" else
                           f"{worst['title']} ({channel(worst['channel'])})")
        summary.append([name, comma.join(channel(c) for c in s["channels"]), s["evaluations"],
                        s["average_score"], len(s["red_line_hits"]), named,
                        worst["share_lost_percent"] if worst else None])
        lost += [[name, channel(i["channel"]), i["title"], i["points"], i["evaluations"], i["points_lost"],
                  i["share_lost_percent"]] for i in s["items_lost"]]
    hits = [[h["date"], h["agent"], h["title"], h["contact_id"], h["evaluator"]]
            for h in data["team"]["red_line_hits"]]
    calibration = data["calibration"]
    evaluators = [[e["evaluator"], e["evaluations"], e["compared"], e["leniency"], e["consensus_contacts"],
                   e["against_consensus"], e["verdict"] and lang.label(f"qa_verdicts.{e['verdict']}")]
                  for e in calibration["evaluators"]]
    apart = [[d["contact_id"], d["red_line"] or lang.label("qa_score"),
              *[part for pair in d["scores"].items() for part in pair]] for d in calibration["disagreements"]]

    def columns(*keys: str) -> list[Column]:
        return [Column(lang.label(key)) for key in keys]

    return [
        Table(lang.label("qa_results"), columns("qa_agent", "qa_channel", "qa_evaluations", "qa_average",
                                                 "qa_red_line_hits", "qa_item", "qa_share_lost"), summary),
        Table(lang.label("qa_items_lost"), columns("qa_agent", "qa_channel", "qa_item", "qa_points",
                                                    "qa_evaluations", "qa_points_lost", "qa_share_lost"),
              lost),
        Table(lang.label("qa_red_line_hits"), columns("date", "qa_agent", "qa_red_line", "qa_contact_id",
                                                       "qa_evaluator"), hits),
        Table(lang.label("qa_calibration"), columns("qa_evaluator", "qa_evaluations", "qa_compared",
                                                    "qa_against_others", "qa_consensus_contacts",
                                                    "qa_against_consensus", "qa_verdict"), evaluators),
        Table(lang.label("disagreements"), columns("qa_contact_id", "qa_item", "qa_evaluator", "qa_score",
                                                    "qa_evaluator", "qa_score"), apart),
    ]
