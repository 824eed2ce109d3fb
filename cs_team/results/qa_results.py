"""QA results (质检结果): per agent and for the team, the evaluations, the average score, the
red-line hits, the items most often lost, and how the evaluators who scored the same contact agree.

A score is the sum of the items' points, 0 when any red line is hit, shown out of 100 (the points
over the form's total, so a voice and a chat form average together). An item's loss is the points
it lost over the points it could have earned: ``sum(points - earned) / (points x evaluations)``.
Calibration (``results.qa_calibration``) sets each evaluator against the others who scored the same
contacts and, where three or more did, against their consensus; disagreements reuse interview
scoring's measure (``results.scoring``). An item is named with its form's channel: voice and chat
forms may share an item's title.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from cs_team.inputs.qa_results import Evaluated
from cs_team.model.common import Text
from cs_team.render.language import Language
from cs_team.results.qa_calibration import EvaluatorCalibration, calibrate
from cs_team.results.scoring import Disagreement, disagreements

SCORE_DISAGREEMENT = 10
"""Two evaluators this many points (of 100) apart on one contact: calibrate on it."""
LENIENT = 2
"""An evaluator this many points (of 100) above or below the others on shared contacts is marked
lenient or harsh: QA teams calibrate to within two or three points."""
RED_LINE = "red-line"


@dataclass
class LostItem:
    form: str
    channel: str
    item: str
    title: Text
    points: int
    evaluations: int
    lost: float

    @property
    def share(self) -> float:
        """Points lost as a share of the points the item could have earned, in percent."""
        return 100 * self.lost / (self.points * self.evaluations)


@dataclass
class Hit:
    red_line: str
    title: Text
    date: str
    contact: str
    evaluator: str
    agent: str


@dataclass
class Summary:
    agent: str | None
    """None for the team."""
    evaluations: int
    average: float
    hits: list[Hit]
    lost: list[LostItem]
    """Items that lost points, the largest share first."""
    channels: list[str] = field(default_factory=list)
    """The channels of the forms evaluated: more than one, and an item's title needs its channel."""


@dataclass
class QaReport:
    agents: list[Summary]
    team: Summary
    evaluators: list[EvaluatorCalibration]
    disagreements: list[Disagreement]
    shared_contacts: int
    """Contacts scored by more than one evaluator: what calibration rests on."""
    threshold: int = SCORE_DISAGREEMENT
    lenient: int = LENIENT
    forms: list[str] = field(default_factory=list)
    red_lines: dict[str, Text] = field(default_factory=dict)
    """``red-line:<id>`` (what a disagreement is on) -> the red line's title."""


def score(evaluated: Evaluated) -> float:
    """The evaluation's score out of 100: 0 with a red-line hit."""
    if evaluated.evaluation.hits():
        return 0.0
    return 100 * sum(evaluated.evaluation.points().values()) / evaluated.form.total


def report(found: list[Evaluated]) -> QaReport:
    """The report; independent of the order of files and rows (everything is sorted)."""
    ordered = sorted(found, key=lambda e: (e.evaluation.agent, e.evaluation.date, e.evaluation.contact_id,
                                           e.evaluation.evaluator, e.form.id))
    agents = sorted({e.evaluation.agent for e in ordered})
    summaries = [_summary(agent, [e for e in ordered if e.evaluation.agent == agent]) for agent in agents]
    scores: dict[tuple[str, str], dict[str, float]] = {}
    lines: dict[tuple[str, str], dict[str, float]] = {}
    for e in ordered:
        contact = e.evaluation.contact_id
        scores.setdefault((contact, "score"), {})[e.evaluation.evaluator] = score(e)
        hits = set(e.evaluation.hits())
        for line in e.form.red_lines:
            given = lines.setdefault((contact, f"{RED_LINE}:{line.id}"), {})
            given[e.evaluation.evaluator] = float(line.id in hits)
    shared = {contact for (contact, _), given in scores.items() if len(given) > 1}
    apart = disagreements(scores, SCORE_DISAGREEMENT) + disagreements(lines, 1)
    by_contact = {contact: given for (contact, _), given in scores.items()}
    return QaReport(summaries, _summary(None, ordered), calibrate(by_contact, LENIENT),
                    sorted(apart, key=lambda d: (d.candidate, d.competency)), len(shared),
                    forms=sorted({e.form.id for e in ordered}),
                    red_lines={f"{RED_LINE}:{line.id}": line.title
                               for e in ordered for line in e.form.red_lines})


def _summary(agent: str | None, found: list[Evaluated]) -> Summary:
    hits = [Hit(line.id, line.title, e.evaluation.date.isoformat(), e.evaluation.contact_id,
                e.evaluation.evaluator, e.evaluation.agent)
            for e in found for line in e.form.red_lines if line.id in e.evaluation.hits()]
    hits.sort(key=lambda h: (h.date, h.agent, h.contact, h.evaluator, h.red_line))  # a log reads by date
    lost: dict[tuple[str, str], LostItem] = {}
    for e in found:
        earned = e.evaluation.points()
        for _, _, item in e.form.items():
            entry = lost.setdefault((e.form.id, item.id), LostItem(e.form.id, e.form.channel, item.id,
                                                                   item.title, item.points, 0, 0))
            entry.evaluations += 1
            entry.lost += item.points - earned[item.id]
    losing = sorted((i for i in lost.values() if i.lost > 0),
                    key=lambda i: (-round(i.share, 9), i.form, i.item))
    average = statistics.fmean(score(e) for e in found) if found else 0.0
    return Summary(agent, len(found), average, hits, losing, sorted({e.form.channel for e in found}))


def as_dict(result: QaReport, lang: Language) -> dict:
    """Every figure, for other tools (rounded to 4 places: byte-identical across runs); titles in
    ``lang``'s language(s)."""

    def summary(s: Summary) -> dict:
        return {"channels": s.channels, "evaluations": s.evaluations, "average_score": round(s.average, 4),
                "red_line_hits": [{"red_line": h.red_line, "title": lang.plain(h.title), "date": h.date,
                                   "contact_id": h.contact, "evaluator": h.evaluator, "agent": h.agent}
                                  for h in s.hits],
                "items_lost": [{"form": i.form, "channel": i.channel, "item": i.item,
                                "title": lang.plain(i.title), "points": i.points,
                                "evaluations": i.evaluations, "points_lost": round(i.lost, 4),
                                "share_lost_percent": round(i.share, 4)} for i in s.lost]}

    return {
        "forms": result.forms,
        "agents": [{"agent": s.agent, **summary(s)} for s in result.agents],
        "team": summary(result.team),
        "calibration": {
            "shared_contacts": result.shared_contacts,
            "score_disagreement_points": result.threshold,
            "lenient_points": result.lenient,
            "evaluators": [{"evaluator": c.evaluator, "evaluations": c.evaluations, "compared": c.compared,
                            "leniency": _rounded(c.leniency), "consensus_contacts": c.consensus_contacts,
                            "against_consensus": _rounded(c.against_consensus), "verdict": c.verdict}
                           for c in result.evaluators],
            "disagreements": [{"contact_id": d.candidate, "on": d.competency,
                               "red_line": lang.plain(result.red_lines[d.competency])
                               if d.competency in result.red_lines else None,
                               "scores": {d.first[0]: round(d.first[1], 4),
                                          d.second[0]: round(d.second[1], 4)}}
                              for d in result.disagreements],
        },
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
