"""The scores as data: JSON for other tools and a flat CSV, one row per candidate and competency."""

from __future__ import annotations

from cs_team.results.scorecards import RECOMMENDATIONS
from cs_team.results.scoring import RoleScores


def as_dict(results: list[RoleScores]) -> dict:
    """Every figure, for other tools (rounded to 4 places: byte-identical across runs)."""
    def r(x: float | None) -> float | None:
        return None if x is None else round(x, 4)

    return {"roles": [{
        "role": rs.role,
        "candidates": [{
            "rank": c.rank, "candidate": c.candidate, "interviewers": c.interviewers,
            "total": r(c.total), "out_of": c.top, "percent": r(c.percent),
            "below_minimum": [f.competency for f in c.flags], "eligible": c.eligible,
            "knock_outs": [{"question": q, "results": {who: "pass" if ok else "fail"
                                                         for who, ok in sorted(by.items())}}
                           for q, by in c.knock_outs.items()],
            "recommendations": {k: c.recommendations[k] for k in RECOMMENDATIONS if c.recommendations[k]},
            "competencies": [{"competency": s.competency, "weight": s.weight, "minimum": s.minimum,
                              "ratings": dict(sorted(s.ratings.items())), "mean": r(s.mean),
                              "weighted": r(s.weighted), "below_minimum": s.below_minimum,
                              "strongest": s.strongest, "weakest": s.weakest} for s in c.competencies],
        } for c in rs.candidates],
        "calibration": {
            "interviewers": [{"interviewer": i.interviewer, "ratings": i.ratings, "compared": i.compared,
                              "leniency": r(i.leniency)} for i in rs.interviewers],
            "spread": {k: r(v) for k, v in rs.spread.items()},
            "disagreements": [{"candidate": d.candidate, "competency": d.competency,
                               "ratings": {d.first[0]: d.first[1], d.second[0]: d.second[1]}}
                              for d in rs.disagreements],
        },
    } for rs in results]}


def as_csv(results: list[RoleScores]) -> str:
    """One row per candidate and competency, the candidate's rank and total on each."""
    from cs_team.export.csvfile import csv_text

    rows: list[list[object]] = [["role", "rank", "candidate", "competency", "weight", "minimum", "mean",
                                 "weighted", "below_minimum", "total", "eligible"]]
    for rs in results:
        for c in rs.candidates:
            for s in c.competencies:
                rows.append([rs.role, c.rank, c.candidate, s.competency, f"{s.weight:g}",
                             "" if s.minimum is None else s.minimum, f"{s.mean:.4f}", f"{s.weighted:.4f}",
                             str(s.below_minimum).lower(), f"{c.total:.4f}", str(c.eligible).lower()])
    return csv_text(rows)
