"""Results files validated by the pydantic models of cs_team/model/results.py: each field that
is not what its model says is one problem at its file:row:column (or line:column), in the
reader's language, and the rest of the record is still checked."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cs_team.model.results import PromotionRecord, TrainingAttempt, promotion_record
from tests.conftest import RepoCopy
from tests.test_cli import invoke
from tests.test_score import card_yaml


def test_the_models_read_cells_as_people_write_them() -> None:
    row = TrainingAttempt.model_validate({"hire": " 甲 ", "module": "m-calls", "attempt": "2",
                                          "simulation": " 79.5 ", "cohort": "  "})
    assert (row.hire, row.attempt, row.simulation, row.theory, row.cohort) == ("甲", 2.0, 79.5, None, None)
    with pytest.raises(ValidationError) as caught:
        TrainingAttempt.model_validate({"hire": "甲", "module": "m", "simulation": True, "theory": "inf",
                                        "attmept": 1})
    assert sorted((e["loc"][0], e["type"]) for e in caught.value.errors()) == [
        ("attmept", "extra_forbidden"), ("simulation", "number"), ("theory", "outside")]
    # a competition's component ids are fields of its record, dashes and all
    model = promotion_record(("written-test", "sim"))
    assert issubclass(model, PromotionRecord) and model is promotion_record(("written-test", "sim"))
    record = model.model_validate({"name": "甲", "grade": "g1", "tenure_months": 12, "written-test": "88"})
    assert (record.component_0, record.component_1) == (88.0, None)


BAD = ("hire,module,attempt,simulation,attendd\n"
       "甲,m-calls,1,1O5,\n"
       "乙,m-calls,two,120,\n"
       ",m-calls,1,85,yes\n")


@pytest.mark.parametrize(("lang", "lines"), [
    ("en", ["bad.csv:2:5: unknown field 'attendd'; did you mean 'attended'?",
            "bad.csv:2:4: simulation '1O5' is not a number",
            "bad.csv:3:5: unknown field 'attendd'; did you mean 'attended'?",
            "bad.csv:3:3: attempt 'two' is not a number",
            "bad.csv:3:4: simulation 120 is outside 0-100",
            "bad.csv:4:5: unknown field 'attendd'; did you mean 'attended'?",
            "bad.csv:4: no hire"]),
    ("zh", ["bad.csv:2:5: 未知字段“attendd”；是不是想写“attended”？",
            "bad.csv:2:4: simulation“1O5”不是数字",
            "bad.csv:3:5: 未知字段“attendd”；是不是想写“attended”？",
            "bad.csv:3:3: attempt“two”不是数字",
            "bad.csv:3:4: simulation 120 超出 0-100 的范围",
            "bad.csv:4:5: 未知字段“attendd”；是不是想写“attended”？",
            "bad.csv:4: 缺少 hire"]),
])
def test_training_results_fields_in_either_language(repo: RepoCopy, lang: str, lines: list[str]) -> None:
    """Every row's unknown column first, then its fields in the model's order: row 3's bad attempt
    number and bad score are both said, as in a row with only one of them."""
    repo.write("bad.csv", BAD)
    code, out, err = invoke(repo, "training-results", "bad.csv", "--lang", lang)
    assert (code, out) == (1, "")
    assert err.splitlines()[:-1] == lines


def test_a_scorecard_field_and_a_promotion_score_at_their_place(repo: RepoCopy) -> None:
    repo.write("a.yaml", card_yaml("王芳", "李雷", 2, 2).replace("    evidence:", "    evidnce:", 1))
    code, _, err = invoke(repo, "score", "a.yaml", "--lang", "en")
    assert code == 1
    assert err.splitlines()[0] == "a.yaml:9:14: unknown field 'evidnce'; did you mean 'evidence'?"
    repo.write("records.yaml", "kind: promotion-records\npromotion: senior\ncandidates:\n"
                               "  - {name: 甲, grade: g1, tenure_months: x, performance: [A]}\n"
                               "  - {name: 乙, grade: g1, tenure_months: 20, performance: [A], scores: {test: 101}}\n")
    code, _, err = invoke(repo, "promotion-rank", "records.yaml", "--lang", "zh")
    assert code == 1
    assert err.splitlines()[:2] == ["records.yaml:4:41: tenure_months“x”不是数字",
                                    "records.yaml:5:71: test 101 超出 0-100 的范围"]


@pytest.mark.parametrize(("lang", "line"), [
    ("zh", "records.yaml:4:5: candidates 的每一项都应是一名候选人的记录（映射）"),
    ("en", "records.yaml:4:5: each of candidates is a mapping of one candidate's record"),
])
def test_a_candidate_that_is_not_a_record_is_said_in_the_readers_language(
        repo: RepoCopy, lang: str, line: str) -> None:
    """The description of a list's item is a phrase: a Chinese reader is not told what the list
    holds in English."""
    repo.write("records.yaml", "kind: promotion-records\npromotion: senior\ncandidates:\n  - 甲\n")
    code, _, err = invoke(repo, "promotion-rank", "records.yaml", "--lang", lang)
    assert code == 1
    assert err.splitlines()[0] == line
