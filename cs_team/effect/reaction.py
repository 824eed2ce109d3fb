"""Level 1, reaction: filled post-training surveys read back and averaged per module and cohort.

A file is the blank table of ``cs-team eval-sheet survey`` filled in (CSV or xlsx, headed in zh,
en or zh-en): the module (its id or its title), the cohort, the date, the trainee (may be blank),
then one column per question. Its header says which survey it is. A rating is a whole number on
the survey's scale; a blank rating is a question the trainee skipped.

Per module and cohort: the respondents, each rating question's mean, the overall mean (the mean
of each respondent's mean rating) and the share of favourable ratings (the scale's top two points).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path

from cs_team.inputs.kinds import KINDS, canonical
from cs_team.inputs.problems import Problems, Record
from cs_team.inputs.tables import read_table
from cs_team.model.survey import Survey
from cs_team.playbook import Playbook
from cs_team.render.language import Language

KIND = KINDS["survey"]


@dataclass
class Answer:
    survey: Survey
    module: str
    cohort: str
    ratings: dict[str, int]
    texts: dict[str, str]


@dataclass
class Reaction:
    module: str
    cohort: str
    survey: Survey
    respondents: int
    means: dict[str, float | None]
    """Question id -> mean rating (None when nobody rated it)."""
    overall: float | None
    favourable_percent: float | None
    comments: dict[str, list[str]] = field(default_factory=dict)


def _columns(survey: Survey) -> dict[str, str]:
    """Every header a question's column may carry (its id, its title in zh, en or zh-en) -> its id."""
    from cs_team.documents.survey_sheet import question_column

    names: dict[str, str] = {}
    for question in survey.questions:
        names[question.id] = question.id
        for mode in ("zh", "en", "zh-en"):
            names[canonical(question_column(question, survey, Language(mode, "zh")), KIND)] = question.id
    return names


def _module(playbook: Playbook, survey: Survey, value: object) -> str | None:
    """A module of ``survey`` from its id or its title as printed in any language."""
    text = str(value).strip()
    for key in survey.modules:
        module = playbook.modules.get(key)
        titles = {Language(mode, playbook.default_language).plain(module.title)
                  for mode in ("zh", "en", "zh-en")} if module else set()
        if text == key or text in titles:
            return key
    return None


def read_answers(playbook: Playbook, path: Path, display: str, problems: Problems) -> list[Answer]:
    table = read_table(path, display, problems, KIND)
    if table is None:
        return []
    table.check_widths(problems)
    matched = [(sum(name in _columns(s) for name in table.header), s) for s in playbook.surveys]
    best = max(matched, key=lambda m: m[0], default=(0, None))
    if best[1] is None or best[0] == 0:
        problems.say(display, "表头不是任何一份问卷的题目：请用 `cs-team eval-sheet survey` 生成的表格",
                     "the header names no survey's questions: fill the table that "
                     "`cs-team eval-sheet survey` makes")
        return []
    survey, columns = best[1], _columns(best[1])
    for number, name in enumerate(table.header, 1):
        if name and name not in KIND.columns and name not in columns:
            problems.say(f"{display}:1:{number}", f"列“{name}”不是问卷“{survey.id}”的题目",
                         f"column '{name}' is not a question of survey '{survey.id}'")
    return [answer for record in table.records()
            if (answer := _answer(playbook, survey, columns, record, problems)) is not None]


def _answer(playbook: Playbook, survey: Survey, columns: dict[str, str], record: Record,
            problems: Problems) -> Answer | None:
    module = _module(playbook, survey, record.get("module") or "")
    if module is None:
        given, listed = record.get("module") or "", ", ".join(survey.modules)
        problems.say(record.at("module"), f"模块“{given}”不在问卷“{survey.id}”的模块中（{listed}）",
                     f"module '{given}' is not among the modules of survey '{survey.id}' ({listed})")
        return None
    types = {q.id: q.type for q in survey.questions}
    ratings, texts, points = {}, {}, survey.scale.points
    for name, value in record.fields.items():
        question = columns.get(name)
        if question is None or value.value is None:
            continue
        if types[question] == "text":
            texts[question] = str(value.value)
            continue
        number = value.value
        if isinstance(number, str) and number.strip().isdigit():
            number = int(number)
        if isinstance(number, float) and number.is_integer():
            number = int(number)
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= points:
            problems.say(value.where, f"评分应为 1 到 {points} 的整数，这里是“{value.value}”",
                         f"a rating is a whole number from 1 to {points}, not '{value.value}'")
            continue
        ratings[question] = number
    return Answer(survey, module, str(record.get("cohort") or ""), ratings, texts)


def reactions(answers: list[Answer]) -> list[Reaction]:
    """Per module and cohort, in the order first met."""
    groups: dict[tuple[str, str], list[Answer]] = {}
    for answer in answers:
        groups.setdefault((answer.module, answer.cohort), []).append(answer)
    return [summarise(group, module, cohort) for (module, cohort), group in groups.items()]


def summarise(group: list[Answer], module: str, cohort: str) -> Reaction:
    """The reaction of the trainees whose answers are ``group`` (one survey's, not empty)."""
    survey = group[0].survey
    top = survey.scale.points - 1
    means = {q.id: _mean([a.ratings[q.id] for a in group if q.id in a.ratings]) for q in survey.ratings()}
    own = [statistics.fmean(a.ratings.values()) for a in group if a.ratings]
    every = [r for a in group for r in a.ratings.values()]
    favourable = 100 * sum(r >= top for r in every) / len(every) if every else None
    comments = {q.id: [a.texts[q.id] for a in group if q.id in a.texts]
                for q in survey.questions if q.type == "text"}
    return Reaction(module, cohort, survey, len(group), means, _mean(own), favourable, comments)


def _mean(values: list[float]) -> float | None:
    return statistics.fmean(values) if values else None
