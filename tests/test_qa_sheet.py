"""`eval-sheet qa`: the channel's QA form printed (md, html) and as a blank table of evaluations
(csv, xlsx), golden per format and language, from the minimal fixture with two forms copied in."""

from __future__ import annotations

import io
import shutil

import openpyxl
import pytest

from cs_team.documents.qa_sheet import sheet
from cs_team.loader import load_repository
from cs_team.playbook import Playbook
from tests.conftest import MINIMAL, RepoCopy, assert_golden
from tests.test_cli import invoke
from tests.test_workbooks import validations

FORMS = MINIMAL.parent / "qa"


def _with_forms(repo: RepoCopy) -> RepoCopy:
    for form in FORMS.glob("*.yaml"):
        repo.write(f"qa/{form.name}", form.read_text(encoding="utf-8"))
    return repo


@pytest.fixture
def team(repo: RepoCopy) -> RepoCopy:
    return _with_forms(repo)


@pytest.fixture(scope="module")
def playbook(tmp_path_factory: pytest.TempPathFactory) -> Playbook:
    """Loaded once for the twelve goldens (the command around it is run by the tests below)."""
    root = tmp_path_factory.mktemp("qa") / "repo"
    shutil.copytree(MINIMAL, root)
    _with_forms(RepoCopy(root))
    return Playbook(load_repository(root, cwd=root))


def _sheet_text(data: bytes) -> str:
    """A workbook as text: each sheet's title, cells and drop-downs or ranges, for a golden."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    lines = []
    for page in book.worksheets:
        lines.append(f"== {page.title}")
        lines += [" | ".join("" if c is None else str(c) for c in row)
                  for row in page.iter_rows(max_row=3, values_only=True)]
        lines += [f"{header}: {kind} {formula}" for header, (kind, formula) in sorted(validations(page).items())]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("lang", ["zh", "en", "zh-en"])
@pytest.mark.parametrize("output", ["md", "html", "csv", "xlsx"])
def test_qa_sheet_golden(playbook: Playbook, output: str, lang: str) -> None:
    made = sheet(playbook, "voice", output, lang)
    text = _sheet_text(made) if isinstance(made, bytes) else made
    assert_golden(f"documents/qa-form.{lang}.{output}" + (".txt" if output == "xlsx" else ""), text)


def test_the_command_writes_the_sheet_and_caps_scores_at_each_items_points(team: RepoCopy) -> None:
    code, _, err = invoke(team, "eval-sheet", "qa", "--channel", "voice", "--format", "xlsx", "--lang", "en", "--out", "v.xlsx")
    assert code == 0, err
    first = openpyxl.load_workbook(team.path("v.xlsx")).worksheets[0]
    ranges = {rule.formula2 for rule in first.data_validations.dataValidation if rule.type == "whole"}
    assert ranges == {"40", "60"}  # greeting 40, patience 60: the fixture's two items


def test_a_channel_without_a_form_and_a_sheet_without_a_role(team: RepoCopy) -> None:
    code, _, err = invoke(team, "eval-sheet", "qa", "--channel", "email")
    assert (code, err.strip()) == (2, "cs-team: error: --channel email: the repository has no qa-form for "
                                      "this channel (forms for: chat, voice); add one under qa/")
    code, _, err = invoke(team, "eval-sheet", "training")
    assert (code, err.strip()) == (2, "cs-team: error: the training sheet is made for one role: add --role ROLE")
    assert not team.path("sheet.md").exists()
