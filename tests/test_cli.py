"""The command line: exit codes, output formats, path filtering and one-line errors."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cs_team.cli import app, main
from tests.conftest import RepoCopy

runner = CliRunner()


def invoke(repo: RepoCopy | Path, *args: str) -> tuple[int, str, str]:
    """Run the real entry point in-process: exit code, stdout, stderr."""
    cwd = repo.root if isinstance(repo, RepoCopy) else repo
    previous = Path.cwd()
    out, err = io.StringIO(), io.StringIO()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(previous)
    return code, out.getvalue(), err.getvalue()


def cs_team(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cs_team", *args], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, "NO_COLOR": "1"}, check=False)


def test_clean_repository(repo: RepoCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lint speaks the repository's default language (the fixture's is zh) unless asked."""
    monkeypatch.delenv("CS_TEAM_LANG")
    code, out, err = invoke(repo, "lint")
    assert (code, out) == (0, "")
    assert err == "全部通过：检查了 11 个文件，没有发现问题。\n"
    code, out, err = invoke(repo, "lint", "--lang", "en")
    assert (code, out) == (0, "")
    assert err == "All clear: 11 files checked, no problems.\n"


def test_errors_exit_1_with_one_line_each(repo: RepoCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CS_TEAM_LANG")  # the fixture's own language (zh) where no --lang is given
    repo.edit("role.yaml", "{competency: calm, weight: 40}", "{competency: clam, weight: 40}")
    code, out, err = invoke(repo, "lint", "--lang", "en")
    line, column = repo.at("role.yaml", "clam")
    assert code == 1
    assert out == (
        f"role.yaml:{line}:{column}: CS202 error unknown competency 'clam'; did you mean 'calm'? "
        "[unresolved-reference]\n")
    assert err == "Found 1 error and 0 warnings in 1 file (11 checked).\n"
    code, out, err = invoke(repo, "lint")
    assert code == 1
    assert out == f"role.yaml:{line}:{column}: CS202 错误 未知的能力项“clam”；是不是想写“calm”？ [unresolved-reference]\n"
    assert err == "发现 1 个错误和 0 个警告，涉及 1 个文件（共检查 11 个）。\n"


def test_warnings_fail_only_with_strict(repo: RepoCopy) -> None:
    repo.edit("role.yaml", "csat_percent: 85", "csat_percent: 0.85")
    assert invoke(repo, "lint")[0] == 0
    assert invoke(repo, "lint", "--strict")[0] == 1
    assert invoke(repo, "lint", "--strict", "--ignore", "CS211")[0] == 0
    assert invoke(repo, "lint", "--strict", "--select", "CS2")[0] == 1
    assert invoke(repo, "lint", "--strict", "--select", "CS1,CS0")[0] == 0


def test_json_format(repo: RepoCopy) -> None:
    repo.edit("role.yaml", "csat_percent: 85", "csat_percent: 120")
    code, out, _ = invoke(repo, "lint", "--format", "json", "--lang", "en")
    line, column = repo.at("role.yaml", "120")
    assert code == 1
    assert json.loads(out) == [{
        "path": "role.yaml", "line": line, "column": column, "end_line": line, "end_column": column + 3,
        "level": "error", "code": "CS210", "rule": "target-out-of-range",
        "message": "csat_percent 120 is not a percentage between 0 and 100",
    }]


def test_json_keeps_chinese_readable(repo: RepoCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CS_TEAM_LANG")  # the fixture's language: zh
    repo.edit("role.yaml", "kind: role", "kind: 岗位")
    _, out, _ = invoke(repo, "lint", "--format", "json")
    assert "未知的文档类型“岗位”" in out


def test_only_the_files_given_are_reported(repo: RepoCopy) -> None:
    repo.edit("role.yaml", "csat_percent: 85", "csat_percent: 120")
    repo.edit("hiring.yaml", "shrinkage: 30", "shrinkage: 100")
    code, out, err = invoke(repo, "lint", "hiring.yaml", "--lang", "en")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()] == ["hiring.yaml"]
    assert "(1 checked)" in err
    code, out, _ = invoke(repo, "lint", "role.yaml", "hiring.yaml", "questions")
    assert sorted(line.split(":")[0] for line in out.splitlines()) == ["hiring.yaml", "role.yaml"]


def test_cross_file_rules_see_the_whole_repository(repo: RepoCopy) -> None:
    """Linting one role still resolves competencies defined in other files."""
    code, out, _ = invoke(repo, "lint", "role.yaml")
    assert (code, out) == (0, "")


def test_missing_path_is_a_usage_error(repo: RepoCopy) -> None:
    code, _, err = invoke(repo, "lint", "nowhere.yaml")
    assert code == 2
    assert err.strip().endswith("no such file or folder: nowhere.yaml")


def test_files_outside_any_repository_are_skipped(repo: RepoCopy, tmp_path: Path) -> None:
    """pre-commit passes every changed YAML file: workflows and other YAML are not playbooks."""
    (tmp_path / "workflow.yml").write_text("on: push\n", encoding="utf-8")
    result = cs_team("lint", str(tmp_path / "workflow.yml"), str(repo.path("role.yaml")), cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")
    assert "skipped " in result.stderr and "workflow.yml: not inside a playbook repository" in result.stderr


def test_outside_a_repository_the_bundled_department_is_used(tmp_path: Path) -> None:
    result = cs_team("lint", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "using the bundled example department" in result.stderr
    assert result.stdout == ""


def test_broken_invocation_exits_2_with_one_line(tmp_path: Path) -> None:
    result = cs_team("lint", "--strikt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == ("cs-team: error: No such option: --strikt (Possible options: --strict) "
                             "(see `cs-team lint --help`)\n")
    result = cs_team("lint", "--format", "xml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "xml" in result.stderr
    result = cs_team("lint", "--select", "CS999", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2, "cs-team: error: --select: unknown rule CS999; `cs-team rules` lists them\n")


def test_no_traceback_on_bad_playbooks(repo: RepoCopy) -> None:
    repo.write("gbk.yaml", "kind: role\ntitle: 客服\n".encode("gbk"))
    repo.write("bin.yaml", b"\x00\x01\x02")
    result = cs_team("lint", "--lang", "en", cwd=repo.root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "gbk.yaml:2:8: CS003 error" in result.stdout
    assert "bin.yaml:1:1: CS005 error" in result.stdout


@pytest.mark.parametrize("command", ["lint", "list", "rules", "schema", "init", "erlang", "plan-hiring",
                                     "interview-kit", "eval-sheet"])
def test_every_command_help_has_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert f"cs-team {command}" in result.stdout


def test_version(tmp_path: Path) -> None:
    result = cs_team("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "cs-team 0.1.0\n")


def test_list_json(repo: RepoCopy) -> None:
    code, out, _ = invoke(repo, "list", "questions", "--format", "json", "--lang", "en")
    assert code == 0
    items = json.loads(out)
    assert [item["id"] for item in items] == ["q-listen", "q-calm", "rp-angry"]
    assert items[2] == {"id": "rp-angry", "kind": "question", "title": "An angry customer",
                        "file": "questions/bank.yaml", "line": 23, "type": "role-play",
                        "competencies": ["calm", "listening"], "minutes": 10}


def test_list_table_and_aliases(repo: RepoCopy) -> None:
    code, out, _ = invoke(repo, "list", "role")
    assert code == 0
    assert "agent" in out and "客服专员" in out and "初级" in out  # levels and grades by name in zh
    code, out, _ = invoke(repo, "list", "role", "--lang", "en")
    assert "agent" in out and "junior" in out


def test_list_work_calendars_even_without_a_title(repo: RepoCopy) -> None:
    repo.write("days.yaml", "kind: work-calendar\nformat: 1\nid: days\ndays_off:\n"
                            "  - {date: 2027-01-29, reason: {zh: 年会, en: Annual meeting}}\n")
    code, out, _ = invoke(repo, "list", "calendars", "--format", "json")
    assert code == 0
    assert json.loads(out) == [{"id": "days", "kind": "work-calendar", "title": "", "file": "days.yaml", "line": 1}]


def test_list_unknown_kind(repo: RepoCopy) -> None:
    code, _, err = invoke(repo, "list", "rolez")
    assert code == 2
    assert "unknown kind 'rolez'; did you mean 'roles'?" in err


def test_rules_list_and_explain(tmp_path: Path) -> None:
    result = cs_team("rules", cwd=tmp_path)
    assert result.returncode == 0
    assert "CS204  insufficient-questions" in result.stdout
    result = cs_team("rules", "insufficient-questions", cwd=tmp_path)
    assert result.stdout.startswith("CS204 insufficient-questions (错误 / error)\n\n题库不足以组成某个面试环节。")
    assert "Each question is used at most once in a kit" in result.stdout
    assert "反例 / Bad:\n    questions:" in result.stdout
    result = cs_team("rules", "insufficient-questions", "--lang", "zh", cwd=tmp_path)
    assert result.stdout.startswith("CS204 insufficient-questions (错误)\n\n题库不足以组成某个面试环节。")
    assert "反例:\n    questions:" in result.stdout and "Bad" not in result.stdout
    result = cs_team("rules", "CS301", "--lang", "en", cwd=tmp_path)
    assert "Law on the Protection of Women's Rights" in result.stdout and "妇女" not in result.stdout
    result = cs_team("rules", "CS2004", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "cs-team: error: unknown rule 'CS2004'; did you mean 'CS204'?\n")


def test_paths_are_relative_to_the_given_folder(repo: RepoCopy, tmp_path: Path) -> None:
    """The core resolves paths against the cwd it is given, not the process's."""
    from cs_team.workspace import lint_paths

    repo.edit("hiring.yaml", "shrinkage: 30", "shrinkage: 100")
    result = lint_paths([Path("hiring.yaml")], None, set(), cwd=repo.root)
    assert [(f.path, f.code) for f in result.findings] == [("hiring.yaml", "CS212")]


def test_help_imports_no_heavy_module(tmp_path: Path) -> None:
    """`cs-team --help` stays fast: models, YAML, templates and tables load inside commands only."""
    code = ("import sys, cs_team.cli; heavy = {'pydantic', 'yaml', 'jinja2', 'rich.table'} & set(sys.modules); "
            "print(sorted(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert result.stdout == "[]\n"
