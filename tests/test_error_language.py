"""Errors and notes in the reader's language: --lang, then CS_TEAM_LANG, then the repository's
default language, then the locale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from cs_team import reader
from cs_team.wording import LANGUAGES, SOURCES
from tests.conftest import RepoCopy
from tests.test_cli import invoke


@pytest.fixture
def reader_unset(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("CS_TEAM_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def _config(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cs-team.yaml").write_text(text, encoding="utf-8")
    return folder


def test_the_first_that_answers_decides(tmp_path: Path, reader_unset: pytest.MonkeyPatch) -> None:
    english = _config(tmp_path / "en-repo", "format: 1\ndefault_language: en\n")
    chinese = _config(tmp_path / "zh-repo", "format: 1\ndefault_language: 'zh'\n")
    silent = _config(tmp_path / "no-default", "format: 1\n")
    reader_unset.chdir(english)
    assert reader.reader_language([]) == "en"
    assert reader.reader_language(["lint", "--repo", str(chinese)]) == "zh"
    assert reader.reader_language(["lint", f"--repo={chinese}", "--lang", "en"]) == "en"
    assert reader.reader_language(["eval-sheet", "--lang=zh-en"]) == "zh"  # both: the first one
    assert reader.reader_language(["lint", "--", "--lang", "zh"]) == "en"  # after --, a file name
    reader_unset.setenv("CS_TEAM_LANG", "zh_CN")
    assert reader.reader_language([]) == "zh"
    assert reader.reader_language(["--lang", "en"]) == "en"
    reader_unset.setenv("CS_TEAM_LANG", "fr")  # not a language cs-team speaks: the next source
    assert reader.reader_language([]) == "en"
    reader_unset.delenv("CS_TEAM_LANG")
    reader_unset.chdir(silent)
    assert reader.reader_language([]) == "en"
    reader_unset.setenv("LANG", "zh_CN.UTF-8")
    assert reader.reader_language([]) == "zh"
    reader_unset.setenv("LC_ALL", "en_GB.UTF-8")  # LC_ALL is read first
    assert reader.reader_language([]) == "en"


def test_a_configuration_that_cannot_be_parsed_still_answers(tmp_path: Path,
                                                             reader_unset: pytest.MonkeyPatch) -> None:
    broken = _config(tmp_path / "broken", "format: [1\ndefault_language: zh\n\x00\xff")
    reader_unset.chdir(broken)
    assert reader.reader_language([]) == "zh"
    (broken / "cs-team.yaml").write_bytes(b"\xff\xfe\x00garbage")
    assert reader.reader_language([]) == "en"


@pytest.mark.parametrize(("args", "zh", "en"), [
    (["eval-sheet", "qa", "--channel", "phone"],
     "cs-team：错误：--channel 的值无效：“phone”不是可选值之一（voice、chat、email）"
     "（用法见 `cs-team eval-sheet --help`）",
     "cs-team: error: Invalid value for '--channel': 'phone' is not one of 'voice', 'chat', 'email'. "
     "(see `cs-team eval-sheet --help`)"),
    (["eval-sheet", "scorecard", "-o", "x"],
     "cs-team：错误：没有 -o 这个选项（用法见 `cs-team eval-sheet --help`）",
     "cs-team: error: No such option: -o (see `cs-team eval-sheet --help`)"),
    (["init"],
     "cs-team：错误：缺少参数 folder（用法见 `cs-team init --help`）",
     "cs-team: error: Missing argument 'folder'. (see `cs-team init --help`)"),
    (["frobnicate"],
     "cs-team：错误：没有 frobnicate 这个命令（用法见 `cs-team --help`）",
     "cs-team: error: No such command 'frobnicate'. (see `cs-team --help`)"),
    (["lint", "--format"],
     "cs-team：错误：选项 --format 需要一个值",
     "cs-team: error: Option '--format' requires an argument."),
    (["lint", "nowhere.yaml"],
     "cs-team：错误：没有这个文件或文件夹：nowhere.yaml",
     "cs-team: error: no such file or folder: nowhere.yaml"),
])
def test_a_usage_error_is_said_in_the_repository_language_unless_asked(
        repo: RepoCopy, reader_unset: pytest.MonkeyPatch, args: list[str], zh: str, en: str) -> None:
    code, out, err = invoke(repo, *args)  # the fixture repository's default language is zh
    assert (code, out, err) == (2, "", zh + "\n")
    reader_unset.setenv("CS_TEAM_LANG", "en")
    assert invoke(repo, *args) == (2, "", en + "\n")


def test_a_missing_choice_lists_the_choices_on_one_line(repo: RepoCopy, reader_unset: pytest.MonkeyPatch) -> None:
    from cs_team.commands.documents import SheetKind

    kinds = ", ".join(kind.value for kind in SheetKind)
    kinds_zh = "、".join(kind.value for kind in SheetKind)
    assert invoke(repo, "eval-sheet")[2] == (f"cs-team：错误：缺少参数 kind；可选：{kinds_zh}"
                                             "（用法见 `cs-team eval-sheet --help`）\n")
    reader_unset.setenv("CS_TEAM_LANG", "en")
    assert invoke(repo, "eval-sheet")[2] == (f"cs-team: error: Missing argument 'kind'. Choose from: {kinds} "
                                             "(see `cs-team eval-sheet --help`)\n")


def test_a_command_option_names_the_language_before_the_environment(repo: RepoCopy,
                                                                     reader_unset: pytest.MonkeyPatch) -> None:
    reader_unset.setenv("CS_TEAM_LANG", "zh")
    code, _, err = invoke(repo, "eval-sheet", "scorecard", "--lang", "en", "--role", "agent", "-o", "x")
    assert (code, err) == (2, "cs-team: error: No such option: -o (see `cs-team eval-sheet --help`)\n")


def test_notes_follow_the_reader_too(repo: RepoCopy, tmp_path: Path, reader_unset: pytest.MonkeyPatch) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "workflow.yml").write_text("on: push\n", encoding="utf-8")
    reader_unset.setenv("CS_TEAM_LANG", "zh")
    code, out, err = invoke(repo, "lint", str(outside / "workflow.yml"))
    assert (code, out) == (0, "")
    assert err == (f"cs-team：跳过 {outside / 'workflow.yml'}：不在剧本仓库中（所在文件夹及以上各级都没有 "
                   "cs-team.yaml）\n全部通过：检查了 0 个文件，没有发现问题。\n")
    (repo.root / "docs").mkdir()
    code, _, err = invoke(repo, "lint", "docs")
    assert (code, err) == (2, "cs-team：错误：没有检查任何文件：docs 中没有剧本文件\n")


def test_no_command_message_says_chinese_in_english() -> None:
    """(tests/test_wording.py holds every message to both languages with the same blanks.)"""
    path = Path(__file__).parent.parent / "cs_team" / SOURCES[1][0]
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    english: list[str] = []

    def walk(node: dict) -> None:
        for value in node.values():
            if set(value) <= set(LANGUAGES):
                english.append(value["en"])
            else:
                walk(value)

    walk(entries)
    assert len(english) >= 30 and not [text for text in english if re.search(r"[\u4e00-\u9fff]", text)]


def test_lint_speaks_the_environments_language_before_the_repositorys(repo: RepoCopy,
                                                                      reader_unset: pytest.MonkeyPatch) -> None:
    repo.write("roles/broken.yaml", "kind: role\nid: [unclosed\n")  # the bundled department is zh
    _, zh_out, zh_err = invoke(repo, "lint", "--no-cache", "--format", "text")
    assert "错误" in zh_out + zh_err
    reader_unset.setenv("CS_TEAM_LANG", "en")
    _, en_out, en_err = invoke(repo, "lint", "--no-cache", "--format", "text")
    assert "roles/broken.yaml:3:1: CS001 error YAML syntax error" in en_out
    assert not re.search(r"[\u4e00-\u9fff]", en_out + en_err), en_out + en_err
    _, out, _ = invoke(repo, "lint", "--no-cache", "--format", "text", "--lang", "zh")
    assert out == zh_out  # the option before the environment
