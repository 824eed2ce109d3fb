"""Write a quarter (2026-W40 to 2026-W52) of synthetic floor data for the bundled department.

Deterministic: a fixed seed and Python's own ``random`` (whose ``random()`` stream does not change
between versions), so the files are byte-identical on every run. It needs only cs-team and its
dependencies: headers, targets and forms come from the bundled playbooks through cs-team itself.

    python examples/quarter/generate.py [--out DIR] [--seed N]

What is planted (and why) is written in README.md beside this script and, for tests, in
``planted.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from people import (  # noqa: E402  (the roster sits beside this script)
    AGENTS,
    COHORTS,
    EVALUATORS,
    FIRST_WEEK,
    WEEKS,
    Agent,
)
from quality import Evaluations  # noqa: E402

SEED = 15
EFFECT_CSAT = 3.0
"""CSAT points the effective module adds from the week after training."""
EFFECT_QA = 4.0
"""QA points (on the items tied to its competencies) the effective module adds."""
# Weeks that move everyone alike: 国庆 (quieter), 双十一 and its after-sales (busier, less happy).
VOLUME = {1: 0.7, 2: 0.85, 7: 1.5, 8: 1.3}
CSAT_SHIFT = {7: -1.5, 8: -0.8}
AHT_SHIFT = {7: 1.12, 8: 1.06}
KPI_COLUMNS = ["agent", "role", "period", "contacts", "csat_percent", "fcr_percent", "aht_seconds",
               "quality_percent", "adherence_percent"]


def week_start(week: int) -> dt.date:
    return dt.date.fromisocalendar(2026, FIRST_WEEK + week - 1, 1)


def binomial_percent(rng: random.Random, trials: int, chance: float) -> float:
    """The observed percentage of ``trials`` each succeeding with ``chance`` (unbiased noise)."""
    hits = sum(rng.random() < chance for _ in range(trials))
    return round(100 * hits / trials, 1)


def kpi_rows(rng: random.Random, agents: list[Agent], quality: Evaluations) -> list[list[object]]:
    rows: list[list[object]] = []
    for week in range(1, WEEKS + 1):
        period = f"2026-W{FIRST_WEEK + week - 1}"
        for agent in agents:
            bad = week == agent.bad_week
            contacts = round(agent.contacts * VOLUME.get(week, 1.0) * rng.uniform(0.9, 1.1))
            csat = agent.csat + CSAT_SHIFT.get(week, 0.0) - (10 if bad else 0)
            if agent.effective and week > agent.trained_week:
                csat += EFFECT_CSAT
            responses = max(20, round(contacts * 0.3))
            fcr = agent.fcr - (2 if week == 7 else 0) - (12 if bad else 0)
            aht = agent.aht * AHT_SHIFT.get(week, 1.0) * rng.gauss(1, 0.03)
            expected_qa = 100 - quality.expected_loss(agent, week)
            rows.append([agent.name, agent.role, period, contacts,
                         binomial_percent(rng, responses, csat / 100),
                         binomial_percent(rng, contacts, fcr / 100),
                         round(aht), round(min(100.0, rng.gauss(expected_qa, 1.0)), 1),
                         round(min(99.5, rng.gauss(agent.adherence, 1.2)), 1)])
    return rows


def training_rows(rng: random.Random, agents: list[Agent]) -> list[list[object]]:
    """The refresher modules' assessments: who sat which module when (this is the attendance record)."""
    rows: list[list[object]] = [["hire", "cohort", "module", "attempt", "date", "theory", "simulation"]]
    for cohort in COHORTS:
        day = week_start(cohort.week) + dt.timedelta(days=3)
        for agent in (a for a in agents if a.cohort == cohort.id):
            score = min(100, round(rng.gauss(cohort.mean_score, 5)))
            attempts = [score] if score >= 80 else [score, min(100, round(rng.gauss(86, 3)))]
            for number, value in enumerate(attempts, 1):
                when = day + dt.timedelta(days=7 * (number - 1))
                theory, simulation = (value, None) if cohort.method == "theory" else (None, value)
                rows.append([agent.name, cohort.id, cohort.module, number, when.isoformat(),
                             theory, simulation])
    return rows


# How trainees rate each module (1 to 5): both are liked; liking is not the same as working.
RATINGS = {"complaint-handling": (0, 0.03, 0.12, 0.45, 0.40),
           "product-foundations": (0, 0.02, 0.08, 0.40, 0.50)}
COMMENTS = {
    "complaint-handling": {"most-useful": ["角色扮演的难缠客户案例", "先安抚再解决的顺序",
                                           "升级流程讲得很清楚"],
                           "improve": ["练习时间再多一点", "希望多听几段真实录音"]},
    "product-foundations": {"most-useful": ["新产品的价格对照表", "常见故障和第三方问题的区分"],
                            "improve": ["课件可以提前发", "时间安排在非高峰时段", "内容太多，记不住"]},
}


def survey_rows(rng: random.Random, agents: list[Agent], book) -> list[list[object]]:
    """The refresher survey, filled on the day by most trainees (some leave their name off)."""
    from cs_team.documents.survey_sheet import find_survey, header
    from cs_team.render.language import Language

    lang = Language("zh", "zh")
    survey = find_survey(book, None)
    rows: list[list[object]] = [header(survey, lang)]
    for cohort in COHORTS:
        day = week_start(cohort.week) + dt.timedelta(days=3)
        module = lang.plain(book.modules[cohort.module].title)
        for agent in (a for a in agents if a.cohort == cohort.id):
            if rng.random() < 0.1:
                continue  # did not hand it in
            name = agent.name if rng.random() < 0.7 else ""
            said = COMMENTS[cohort.module]
            answers = [rng.choices(range(1, 6), RATINGS[cohort.module])[0] if q.type == "rating"
                       else (rng.choice(said[q.id]) if rng.random() < 0.5 else "") for q in survey.questions]
            rows.append([module, cohort.id, day.isoformat(), name, *answers])
    return rows


def planted(agents: list[Agent]) -> dict[str, object]:
    return {
        "weeks": [f"2026-W{FIRST_WEEK + w}" for w in range(WEEKS)],
        "weak": {a.name: a.weak for a in agents if a.weak},
        "bad_week": {a.name: f"2026-W{FIRST_WEEK + a.bad_week - 1}" for a in agents if a.bad_week},
        "lenient_evaluator": next(e.name for e in EVALUATORS if e.lenient),
        "effect": {"csat_percent": EFFECT_CSAT, "qa_points": EFFECT_QA, "from": "the week after training"},
        "cohorts": [{"id": c.id, "module": c.module, "week": f"2026-W{FIRST_WEEK + c.week - 1}",
                     "effective": c.effective, "agents": [a.name for a in agents if a.cohort == c.id]}
                    for c in COHORTS],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE,
                        help="folder to write into (default: beside this script)")
    parser.add_argument("--seed", type=int, default=SEED,
                        help=f"another realisation of the same plants (default: {SEED}, the committed files)")
    args = parser.parse_args(argv)
    out = args.out
    from cs_team.atomic import write_bytes
    from cs_team.export.csvfile import csv_text
    from cs_team.export.workbook import Column, Table, workbook_bytes
    from cs_team.loader import load_repository
    from cs_team.playbook import Playbook

    bundled = HERE.parent.parent / "playbooks"
    book = Playbook(load_repository(bundled, cwd=bundled))
    rng = random.Random(args.seed)
    agents = [agent.with_targets(book, rng) for agent in AGENTS]
    quality = Evaluations(book, rng, EFFECT_QA)
    files: dict[str, bytes] = {}
    for evaluator, rows in quality.files(agents).items():
        files[f"qa/{evaluator}.csv"] = rows.encode("utf-8")
    kpis = kpi_rows(rng, agents, quality)
    files["kpi-export.csv"] = csv_text([KPI_COLUMNS, *kpis]).encode("utf-8")
    files["kpi-export.xlsx"] = workbook_bytes([Table("kpi-export", [Column(c) for c in KPI_COLUMNS], kpis)])
    files["training-results.csv"] = csv_text(training_rows(rng, agents)).encode("utf-8")
    files["survey.csv"] = csv_text(survey_rows(rng, agents, book)).encode("utf-8")
    files["planted.json"] = (json.dumps(planted(agents), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    for name, data in sorted(files.items()):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        write_bytes(out / name, data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
