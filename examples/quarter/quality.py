"""QA evaluations (质检) of the synthetic quarter, in the layout of ``cs-team eval-sheet qa --format csv``.

An item loses points in whole deductions (a quarter, a half or all of its points). Each agent has
an expected loss per item; the chance of a deduction is that expectation over the mean deduction,
so scaling the chance scales the expectation exactly. That is how the planted effect stays exact:
from the week after training, an effective module scales the losses on the items tied to its
competencies so that they fall by ``effect`` points in expectation.

Items tied to no refresher module's competencies are the "soft" ones (greeting, hold, farewell…):
each evaluator judges those for themselves, so the contacts two evaluators score disagree there,
and the lenient evaluator lets most of their deductions pass.
"""

from __future__ import annotations

import datetime as dt
import random

from people import COHORTS, EVALUATORS, FIRST_WEEK, Agent

# How an agent's expected loss splits between the items: in proportion to their points, a little more
# on substance and a little less at the close. An item of 5 points in one form and 10 in another
# loses the same share of its points in both, so a usual agent meets the QA target on every item.
DIFFICULTY = {"greeting": 1.0, "identity": .9, "courtesy": 1.0, "empathy": 1.1, "listening": 1.0,
              "understanding": 1.1, "answer": 1.1, "hold": 1.0, "records": 1.0, "transfer": 1.0,
              "confirm": 1.0, "farewell": .8, "writing": 1.0, "response-time": .9}
WEAK_ITEMS = {"product-knowledge": {"answer"}, "emotion-management": {"courtesy", "empathy"}}
WEAK_LOSS = 0.25
"""The share of a weak item's points a weak agent loses on average, all quarter: about four times
the usual, and the same deficit for everyone who has it (not a multiple of their own baseline, which
for a careful agent would barely show)."""
EVALUATED = (6, 10)
"""Contacts of an agent evaluated a month (lowest, highest)."""
WATCHED = (10, 14)
"""The same for an agent on the watch list: QA samples a weak agent's contacts more (专项抽检)."""
CALIBRATION = 0.08
"""The share of contacts every other evaluator of the channel scores too (calibration)."""
RED_LINE_HITS = 4
LENIENT = 0.1
"""The share of the soft items' deductions the lenient evaluator records."""
MONTHS = [(dt.date(2026, 10, 1), dt.date(2026, 10, 31)), (dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
          (dt.date(2026, 12, 1), dt.date(2026, 12, 27))]


def _week(day: dt.date) -> int:
    return day.isocalendar()[1] - FIRST_WEEK + 1


class Evaluations:
    def __init__(self, book, rng: random.Random, effect: float) -> None:
        from cs_team.documents.qa_sheet import find_form, tables
        from cs_team.render.language import Language

        self.rng, self.effect = rng, effect
        self.lang = Language("zh", "zh")
        self.forms = {channel: find_form(book, channel) for channel in ("voice", "chat")}
        self.headers = {channel: [c.title for c in tables(book, form, self.lang)[0].columns]
                        for channel, form in self.forms.items()}
        trained = {c for cohort in COHORTS for c in book.modules[cohort.module].competencies}
        self.effect_competencies = {c for cohort in COHORTS if cohort.effective
                                    for c in book.modules[cohort.module].competencies}
        self.soft = {item.id for form in self.forms.values() for _, _, item in form.items()
                     if not trained & set(item.competencies)}

    def _items(self, agent: Agent):
        return [item for _, _, item in self.forms[agent.channel].items()]

    def means(self, agent: Agent, week: int) -> dict[str, float]:
        """Item id -> points an evaluation of ``agent`` in ``week`` loses on average."""
        items = self._items(agent)
        share = {item.id: DIFFICULTY[item.id] * item.points for item in items}
        scale = agent.qa_loss / sum(share.values())
        weak = WEAK_ITEMS.get(agent.weak, set())
        means = {item.id: WEAK_LOSS * item.points if item.id in weak else share[item.id] * scale
                 for item in items}
        if agent.effective and week > agent.trained_week:
            tied = [item.id for item in items if self.effect_competencies & set(item.competencies)]
            keep = 1 - self.effect / sum(means[i] for i in tied)
            assert keep > 0, f"{agent.name} loses too little on the tied items for the planted effect"
            means.update({i: means[i] * keep for i in tied})
        if week == agent.bad_week:
            means = {i: m * 2.5 for i, m in means.items()}
        return means

    def expected_loss(self, agent: Agent, week: int) -> float:
        return sum(self.means(agent, week).values())

    def _loss(self, points: int, mean: float) -> int:
        sizes = (max(1, round(points / 4)), max(1, round(points / 2)), points)
        weights = (0.6, 0.3, 0.1)
        chance = mean / sum(s * w for s, w in zip(sizes, weights, strict=True))
        assert chance <= 1, "an item cannot lose more than its points on average"
        if self.rng.random() >= chance:
            return 0
        return self.rng.choices(sizes, weights)[0]

    def _dates(self, agent: Agent) -> list[dt.date]:
        days: list[dt.date] = []
        for first, last in MONTHS:
            span = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
            days += self.rng.sample(span, self.rng.randint(*(WATCHED if agent.watched else EVALUATED)))
        if agent.bad_week and not any(_week(d) == agent.bad_week for d in days):
            days[0] = dt.date.fromisocalendar(2026, FIRST_WEEK + agent.bad_week - 1, 3)
        return sorted(days)

    def files(self, agents: list[Agent]) -> dict[str, str]:
        """Evaluator file stem -> the evaluations that evaluator scored, as CSV text."""
        from cs_team.export.csvfile import csv_text

        rows: dict[str, list[list[object]]] = {e.file: [] for e in EVALUATORS}
        numbers: dict[dt.date, int] = {}
        for agent in agents:
            staff = [e for e in EVALUATORS if e.channel == agent.channel]
            for day in self._dates(agent):
                numbers[day] = numbers.get(day, 0) + 1
                contact = f"{agent.channel[0].upper()}{day:%Y%m%d}{numbers[day]:04d}"
                means = self.means(agent, _week(day))
                facts = {item.id: self._loss(item.points, means[item.id])
                         for item in self._items(agent) if item.id not in self.soft}
                first = self.rng.choice([e for e in staff if e.routine])
                second = [e for e in staff if e is not first] if self.rng.random() < CALIBRATION else []
                for evaluator in [first, *second]:
                    rows[evaluator.file].append(self._row(agent, evaluator, day, contact, means, facts))
        self._red_lines(rows)
        return {e.file: csv_text([self.headers[e.channel], *sorted(rows[e.file], key=lambda r: (r[2], r[3]))])
                for e in EVALUATORS}

    def _row(self, agent, evaluator, day, contact, means, facts) -> list[object]:
        form, scores, worst = self.forms[agent.channel], [], (0, "")
        for item in self._items(agent):
            loss = facts.get(item.id)
            if loss is None:
                loss = self._loss(item.points, means[item.id] * (LENIENT if evaluator.lenient else 1))
            scores.append(item.points - loss)
            worst = max(worst, (loss, f"{self.lang.plain(item.title)}扣 {loss} 分"))
        no = self.lang.label("qa_no")
        comment = worst[1] if worst[0] >= 5 else ""
        return [agent.name, evaluator.name, day.isoformat(), contact, *scores,
                *[no] * len(form.red_lines), comment]

    def _red_lines(self, rows: dict[str, list[list[object]]]) -> None:
        """A few zero-tolerance hits across the quarter, each on a contact one evaluator scored."""
        seen: set[str] = set()
        twice = {c for c in (row[3] for file in rows for row in rows[file]) if c in seen or seen.add(c)}
        pool = [(file, n) for file in sorted(rows) for n, row in enumerate(rows[file]) if row[3] not in twice]
        for file, n in self.rng.sample(pool, RED_LINE_HITS):
            channel = next(e.channel for e in EVALUATORS if e.file == file)
            form, row = self.forms[channel], rows[file][n]
            line = self.rng.randrange(len(form.red_lines))
            row[4 + len(form.items()) + line] = self.lang.label("qa_yes")
            row[-1] = f"触犯红线：{self.lang.plain(form.red_lines[line].title)}"

