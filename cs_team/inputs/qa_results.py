"""Reading filled QA evaluations (CSV or xlsx): the columns of the blank table
``eval-sheet qa --format csv|xlsx`` writes, headed in zh, en or zh-en whatever the user's language.

The channel's form is found from the header (the form all of whose items have a column), or given;
each row is validated by the form's ``evaluation_model`` and every problem of every file is
reported at its ``file:row:column``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cs_team.inputs import labels
from cs_team.inputs.kinds import KINDS, canonical
from cs_team.inputs.kpi_export import table_records
from cs_team.inputs.problems import Problems, Record, place
from cs_team.inputs.tables import is_table, read_table
from cs_team.model.qa import QaForm
from cs_team.model.qa_results import Evaluation, evaluation_model

KIND = KINDS["qa-evaluations"]
FIXED = ("agent", "evaluator", "date", "contact_id")


@dataclass(frozen=True)
class Evaluated:
    form: QaForm
    evaluation: Evaluation
    where: str


def form_columns(form: QaForm, default: str) -> dict[str, tuple[str, str]]:
    """Header name (as the table reader folds it) -> ("scores" or "red_lines", id): each item's and
    red line's column as the blank table heads it in zh, en and zh-en, by its title, or by its id."""
    from cs_team.render.language import Language

    found: dict[str, tuple[str, str]] = {}
    for group, key, entries in (("scores", "qa_item_column", [i for _, _, i in form.items()]),
                                ("red_lines", "qa_red_line_column", form.red_lines)):
        for entry in entries:
            texts = [entry.id, *entry.title.all_strings()]
            points = getattr(entry, "points", 0)
            texts += [Language(mode, default).label(key, title=entry.title, points=points)
                      for mode in ("zh", "en", "zh-en")]
            for text in texts:
                found.setdefault(canonical(text, KIND), (group, entry.id))
    return found


def read_evaluations(files: list[tuple[Path, str]], problems: Problems, forms: list[QaForm], default: str,
                     channel: str | None = None) -> list[Evaluated]:
    """Every evaluation of every ``(path, display)``; problems recorded, not raised."""
    found: list[Evaluated] = []
    seen: dict[tuple[str, str, str], str] = {}
    for path, display in files:
        form, columns = _form_of(path, display, problems, forms, default, channel)
        if form is None:
            continue
        model = evaluation_model(form)
        known = set(KIND.columns) | set(columns)
        for record in table_records(path, display, problems, KIND, FIXED, known):
            evaluation = _evaluation(record, model, columns, form, problems, default)
            if evaluation is None:
                continue
            key = (form.id, evaluation.contact_id, evaluation.evaluator)
            if key in seen:
                problems.say(record.at("contact_id"),
                             f"{evaluation.evaluator}已评过 {evaluation.contact_id}（{seen[key]}）",
                             f"{evaluation.evaluator} already scored {evaluation.contact_id} ({seen[key]})")
                continue
            seen[key] = record.where
            found.append(Evaluated(form, evaluation, record.where))
    return found


def _form_of(path: Path, display: str, problems: Problems, forms: list[QaForm], default: str,
             channel: str | None) -> tuple[QaForm | None, dict[str, tuple[str, str]]]:
    """The form the header is of: the given channel's, else the one whose every item has a column."""
    if not is_table(path):
        problems.say(display, "只读取 CSV 或 xlsx 格式的质检评估表",
                     "a QA evaluations file is read as CSV or xlsx")
        return None, {}
    quiet = Problems(problems.lang)  # the header is read again, with its problems, by table_records
    table = read_table(path, display, quiet, KIND)
    if table is None:
        problems.found += quiet.found
        problems.notes += quiet.notes
        return None, {}
    candidates = [f for f in forms if channel is None or f.channel == channel]
    scored = []
    for form in candidates:
        columns = form_columns(form, default)
        items = {key for group, key in columns.values() if group == "scores"}
        have = {columns[name][1] for name in table.header if name in columns}
        scored.append((len(items - have), -len(have), form, columns))
    if not scored:
        problems.say(display, f"仓库中没有{channel or ''}渠道的质检评分表（qa-form）",
                     f"the repository has no qa-form{f' for the {channel} channel' if channel else ''}")
        return None, {}
    missing, _, form, columns = min(scored, key=lambda s: s[:2])
    if missing:
        lang = problems.lang
        absent = [item.title.best(lang, default) for _, _, item in form.items()
                  if item.id not in {columns[n][1] for n in table.header if n in columns}]
        problems.say(place(display, 1),
                     f"表头与任何质检评分表都不符：{form.id} 缺少评分项列：" + "、".join(absent),
                     f"the header is no QA form's: {form.id} lacks the item "
                     f"{'column' if len(absent) == 1 else 'columns'} " + ", ".join(absent))
        return None, {}
    return form, columns


def _evaluation(record: Record, model: type[Evaluation], columns: dict[str, tuple[str, str]], form: QaForm,
                problems: Problems, default: str) -> Evaluation | None:
    values: dict[str, Any] = {"scores": {}, "red_lines": {}}
    column_of: dict[tuple[str, str], str] = {}
    for name, value in record.fields.items():
        if name in columns:
            group, key = columns[name]
            column_of[(group, key)] = name
            if group == "red_lines":
                hit = labels.yes_no(value.value)
                value_read = hit if hit is not None or value.value is None else value.value
                if value_read is not None:
                    values[group][key] = value_read
            elif value.value is not None:
                values[group][key] = value.value
        elif value.value is not None:
            values[name] = labels.date(value.value) or value.value if name == "date" else value.value
    try:
        return model.model_validate(values)
    except ValidationError as error:
        titles = {i.id: (i.title, i.points) for _, _, i in form.items()}
        titles.update({line.id: (line.title, 0) for line in form.red_lines})
        for found in error.errors():
            loc = tuple(str(part) for part in found["loc"])
            if len(loc) == 2 and loc in column_of:
                title, points = titles[loc[1]]
                where, shown = record.at(column_of[loc]), values[loc[0]].get(loc[1])
                names = title.best("zh", default), title.best("en", default)
                problems.say(where, *_cell_message(loc[0], *names, points, shown))
            elif len(loc) == 2:
                title, _ = titles[loc[1]]
                problems.say(record.where, f"{title.best('zh', default)}：缺少得分",
                             f"{title.best('en', default)}: no score")
            else:
                problems.say(record.at(loc[0]), *_fixed_message(loc[0], values.get(loc[0])))
        return None


def _cell_message(group: str, zh: str, en: str, points: int, value: object) -> tuple[str, str]:
    if value is None:
        return f"{zh}：缺少得分", f"{en}: no score"
    if group == "red_lines":
        return f"红线“{zh}”应填是或否，而不是“{value}”", f"red line '{en}' must be yes or no, not '{value}'"
    return (f"{zh}：得分“{value}”应为 0 到 {points} 之间的数",
            f"{en}: score '{value}' must be a number from 0 to {points}")


def _fixed_message(column: str, value: object) -> tuple[str, str]:
    zh, en = KIND.columns[column][:2]
    if value is None:
        return f"缺少{zh}", f"no {en.lower()}"
    if column == "date":
        return (f"日期“{value}”不是有效日期（如 2026-10-09）",
                f"date '{value}' is not a real date (e.g. 2026-10-09)")
    return f"{zh}“{value}”应是一行文字", f"{en} '{value}' must be one line of text"
