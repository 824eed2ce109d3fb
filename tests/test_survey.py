"""`eval-sheet survey` and reading filled surveys back: the sheet golden per format and language,
the blank table filled and read as the reaction (figures by hand), problems with their cells."""

from __future__ import annotations

import io
import shutil

import openpyxl
import pytest

from cs_team.documents.survey_sheet import sheet
from cs_team.effect.reaction import reactions, read_answers
from cs_team.inputs.problems import Problems
from cs_team.loader import load_repository
from cs_team.playbook import Playbook
from tests.conftest import MINIMAL, RepoCopy, assert_golden
from tests.test_cli import invoke
from tests.test_qa_sheet import _sheet_text

SURVEYS = MINIMAL.parent / "surveys"


def _with_surveys(repo: RepoCopy) -> RepoCopy:
    for survey in SURVEYS.glob("*.yaml"):
        repo.write(f"surveys/{survey.name}", survey.read_text(encoding="utf-8"))
    return repo


@pytest.fixture
def team(repo: RepoCopy) -> RepoCopy:
    return _with_surveys(repo)


@pytest.fixture(scope="module")
def playbook(tmp_path_factory: pytest.TempPathFactory) -> Playbook:
    root = tmp_path_factory.mktemp("survey") / "repo"
    shutil.copytree(MINIMAL, root)
    _with_surveys(RepoCopy(root))
    return Playbook(load_repository(root, cwd=root))


@pytest.mark.parametrize("lang", ["zh", "en", "zh-en"])
@pytest.mark.parametrize("output", ["md", "html", "csv", "xlsx"])
def test_survey_sheet_golden(playbook: Playbook, output: str, lang: str) -> None:
    made = sheet(playbook, "reaction", output, lang)
    text = _sheet_text(made) if isinstance(made, bytes) else made
    assert_golden(f"documents/survey.{lang}.{output}" + (".txt" if output == "xlsx" else ""), text)


def test_a_filled_sheet_reads_back_as_the_reaction(team: RepoCopy) -> None:
    """Cohort A: ratings (useful, clear) 5,4 · 4,4 · 3,(skipped): useful 4.0, clear 4.0; the
    respondents' own means 4.5, 4.0, 3.0 give 3.83; favourable (4 or 5) 4 of 5 ratings, 80 %.
    Cohort B, by the module's English title: one trainee, 2 and 3: 2.5, none favourable."""
    code, blank, err = invoke(team, "eval-sheet", "survey", "--survey", "reaction", "--format", "csv", "--lang", "en")
    assert code == 0, err
    team.write("filled.csv", blank + "m-calls,A,2026-11-02,王芳,5,4,节奏可以更慢\n"
                                     "m-calls,A,2026-11-02,,4,4,\n"
                                     "m-calls,A,2026-11-02,李娜,3,,\n"
                                     "Taking calls,B,2026-11-09,,2,3,\n")
    problems = Problems()
    book = Playbook(load_repository(team.root, cwd=team.root))
    found = reactions(read_answers(book, team.path("filled.csv"), "filled.csv", problems))
    assert problems.lines == []
    a, b = found
    assert (a.module, a.cohort, a.respondents, a.means) == ("m-calls", "A", 3, {"useful": 4.0, "clear": 4.0})
    assert (round(a.overall, 4), a.favourable_percent, a.comments) == (3.8333, 80.0, {"improve": ["节奏可以更慢"]})
    assert (b.module, b.cohort, b.overall, b.favourable_percent) == ("m-calls", "B", 2.5, 0.0)


def test_an_xlsx_filled_in_zh_reads_the_same(team: RepoCopy) -> None:
    code, _, err = invoke(team, "eval-sheet", "survey", "--survey", "reaction", "--format", "xlsx",
                          "--lang", "zh", "--out", "s.xlsx")
    assert code == 0, err
    book = openpyxl.load_workbook(team.path("s.xlsx"))
    book.worksheets[0].append(["m-calls", "A", None, None, 4, 5, None])
    buffer = io.BytesIO()
    book.save(buffer)
    team.write("s.xlsx", buffer.getvalue())
    problems = Problems()
    playbook = Playbook(load_repository(team.root, cwd=team.root))
    (only,) = reactions(read_answers(playbook, team.path("s.xlsx"), "s.xlsx", problems))
    assert problems.lines == [] and (only.means, only.favourable_percent) == ({"useful": 4.0, "clear": 5.0}, 100.0)


def test_bad_answers_are_named_by_their_cell(team: RepoCopy) -> None:
    team.write("bad.csv", "module,cohort,date,respondent,useful,clear,colour\n"
                          "m-calls,A,,,6,4,\n"
                          "m-cals,A,,,4,4,\n"
                          "m-calls,A,,,4.5,x,\n")
    problems = Problems()
    playbook = Playbook(load_repository(team.root, cwd=team.root))
    read_answers(playbook, team.path("bad.csv"), "bad.csv", problems)
    assert problems.lines == [
        "bad.csv:1:7: column 'colour' is not a question of survey 'reaction'",
        "bad.csv:2:5: a rating is a whole number from 1 to 5, not '6'",
        "bad.csv:3:1: module 'm-cals' is not among the modules of survey 'reaction' (m-calls)",
        "bad.csv:4:5: a rating is a whole number from 1 to 5, not '4.5'",
        "bad.csv:4:6: a rating is a whole number from 1 to 5, not 'x'"]


def test_two_surveys_need_one_chosen(team: RepoCopy) -> None:
    code, _, err = invoke(team, "eval-sheet", "survey")
    assert (code, err.strip()) == (2, "cs-team: error: the repository has 2 surveys (intro, reaction): "
                                      "choose one with --survey ID")
