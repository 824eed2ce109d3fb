"""Hostile input at the command line: exit codes for paths, names that could forge lines, text
that could forge findings, links or reordered words in documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_team.render.markdown import escape
from tests.conftest import RepoCopy
from tests.test_cli import invoke


def test_control_characters_in_key_names_are_escaped_in_every_text_format(repo: RepoCopy) -> None:
    # A double-quoted YAML key may hold ESC and a line feed: printed raw they would colour the
    # terminal and start a forged finding line.
    repo.edit("role.yaml", "id: agent\n", 'id: agent\n"x\\e[31m\\nrole.yaml:1:1: CS000 error forged": 1\n')
    line, column = repo.at("role.yaml", '"x')
    for output, expected in (
        ("text", f"role.yaml:{line}:{column}: CS102 error unknown key 'x\\x1b[31m\\x0arole.yaml:1:1: CS000 "
                 "error forged'"),
        ("parsable", f"role.yaml:{line}:{column}: error CS102 unknown key 'x\\x1b[31m\\x0arole.yaml:1:1: "
                     "CS000 error forged'"),
        ("github", f"::error file=role.yaml,line={line},col={column},endLine={line},endColumn="),
    ):
        code, out, _ = invoke(repo, "lint", "--format", output, "--lang", "en")
        assert code == 1
        assert "\x1b" not in out and out.count("\n") == 1, out
        assert out.startswith(expected), out
    code, out, _ = invoke(repo, "lint", "--format", "github", "--lang", "en")
    assert "unknown key 'x\\x1b[31m\\x0arole.yaml" in out


def test_a_lint_that_checked_nothing_is_a_usage_error(repo: RepoCopy, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    code, out, err = invoke(repo, "lint", str(outside))
    assert (code, out) == (2, "")
    assert err == (f"cs-team: error: nothing was checked: skipped {outside}: not inside a playbook "
                   "repository (no cs-team.yaml in its folder or any folder above)\n")
    (repo.root / "docs").mkdir()
    code, _, err = invoke(repo, "lint", "docs")
    assert (code, err) == (2, "cs-team: error: nothing was checked: docs holds no playbook file\n")
    # pre-commit's case: only YAML files outside the playbooks changed; it passes, with the note
    (outside / "workflow.yml").write_text("on: push\n", encoding="utf-8")
    code, _, err = invoke(repo, "lint", str(outside / "workflow.yml"))
    assert code == 0 and "skipped " in err


@pytest.mark.parametrize("argv", [
    ["score", "missing.yaml"],
    ["training-results", "missing.csv"],
    ["promotion-rank", "missing.yaml"],
    ["plan-hiring", "--forecast", "missing.csv"],
    ["onboarding-plan", "agent", "--cohort", "missing.csv", "--out", "plans"],
])
def test_a_missing_file_on_the_command_line_is_a_usage_error(repo: RepoCopy, argv: list[str]) -> None:
    code, out, err = invoke(repo, *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and f"'{argv[-1] if argv[0] != 'onboarding-plan' else 'missing.csv'}' does not exist" in err


def test_a_bad_option_value_is_a_usage_error(repo: RepoCopy) -> None:
    code, _, err = invoke(repo, "erlang", "--volume", "100", "--aht", "180", "--interval", "1800",
                          "--target", "150", "--within", "20")
    assert (code, err) == (2, "cs-team: error: --target 150 is more than 100 %\n")


def test_source_date_epoch_changes_no_file(repo: RepoCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    """No document carries the time it was made, so the variable has nothing to change: the
    calendar is byte-identical with it unset, 0, recent or too large for a date."""
    def calendar(name: str) -> bytes:
        code, _, err = invoke(repo, "onboarding-plan", "agent", "--start", "2027-03-01", "--name", "王芳",
                              "--format", "ics", "--out", name)
        assert code == 0, err
        return repo.path(name).read_bytes()

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    plain = calendar("plain.ics")
    assert b"DTSTAMP:20270301T000000Z" in plain
    for epoch in ("0", "1700000000", "99999999999999999999"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        assert calendar(f"{epoch}.ics") == plain


@pytest.mark.parametrize("value", ["王\r芳", "王\n芳", "\udcff\udcfe", "a\x1bb", "a\u202eb"])
@pytest.mark.parametrize("argv", [
    ("onboarding-plan", "agent", "--start", "2027-03-01", "--format", "ics", "--name"),
    ("onboarding-plan", "agent", "--start", "2027-03-01", "--format", "json", "--mentor"),
    ("interview-kit", "agent", "--candidate"),
    ("eval-sheet", "scorecard", "--role", "agent", "--format", "yaml", "--interviewer"),
])
def test_names_that_are_not_one_line_of_text_are_refused(repo: RepoCopy, argv: tuple, value: str) -> None:
    code, out, err = invoke(repo, *argv, value)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and f"Invalid value for '{argv[-1]}'" in err
    assert "\r" not in err and "\x1b" not in err and "\u202e" not in err


@pytest.mark.parametrize(("text", "escaped"), [
    ("hr@evil.example.com", "hr\\@\u200bevil\\.example\\.com"),
    ("mailto:hr@evil.com", "mailto\\:hr\\@\u200bevil\\.com"),
    ("www.1evil.1com", "www\\.1evil\\.1com"),
    ("www.例子.com", "www\\.例子.com"),
    ("xmpp:a@b.com", "xmpp\\:a\\@\u200bb\\.com"),
    ("0.5% of 72.25 s", "0.5% of 72.25 s"),
])
def test_markdown_breaks_every_autolink(text: str, escaped: str) -> None:
    """cmark-gfm (GitHub) links e-mail addresses even when ``@`` and ``.`` are escaped, and
    ``www.`` followed by a digit; these forms were checked against cmarkgfm 2025.10.22."""
    assert escape(text) == escaped


def test_bidi_controls_never_reach_documents(repo: RepoCopy) -> None:
    repo.edit("questions/bank.yaml", "讲一次有人冲你发火的经历", "讲一次有人\u202e冲你发火\u202c的经历")
    repo.edit("questions/bank.yaml", "Tell me about a time someone was angry with you",
              "Tell me about a time \u2067someone\u2069 was angry with you")
    for output in ("md", "html"):
        code, out, _ = invoke(repo, "interview-kit", "agent", "--lang", "zh-en", "--format", output)
        assert code == 0
        assert not any(char in out for char in "\u202e\u202c\u2067\u2069"), output
        assert "讲一次有人冲你发火的经历" in out and "Tell me about a time someone was angry with you" in out
