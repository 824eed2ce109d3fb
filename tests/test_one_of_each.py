"""One of each: the position of an offset, the date options, the format choices, the output
helper and its display path, the "not trained" test and the sum that keeps ties as ties are each
written once; these tests hold every caller to it."""

from __future__ import annotations

import json

import pytest

from cs_team.findings import Span
from tests.conftest import RepoCopy
from tests.test_cli import invoke
from tests.test_score import card_csv


def test_an_offset_is_the_same_place_in_text_and_in_its_bytes() -> None:
    """'中文x' on line 2: 文 is column 2 whether counted in the text or its UTF-8 bytes (3 each)."""
    text = "ab\n中文x\ny"
    places = [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3), (2, 4), (3, 1)]
    assert [(s.line, s.column) for s in (Span.at_offset(text, o) for o in range(len(text)))] == places
    assert [(s.line, s.column) for s in (Span.at_offset(text.encode(), len(text[:o].encode()))
                                         for o in range(len(text)))] == places
    assert Span.at_offset(text, 4) == Span(2, 2, 2, 3)


@pytest.mark.parametrize(("args", "message"), [
    (("onboarding-plan", "agent", "--start", "2027-02-30"),
     "--start '2027-02-30' is not a date: write YYYY-MM-DD"),
    (("onboarding-plan", "agent", "--start", "2027-02-30", "--lang", "zh"),
     "--start“2027-02-30”不是日期：请写成 YYYY-MM-DD"),
    (("eval-sheet", "scorecard", "--role", "agent", "--date", "明天", "--lang", "zh-en"),
     "--date“明天”不是日期：请写成 YYYY-MM-DD"),
    (("eval-sheet", "scorecard", "--role", "agent", "--format", "xlsx", "--date", "12/01", "--lang", "en"),
     "--date '12/01' is not a date: write YYYY-MM-DD"),
    (("plan-hiring", "--as-of", "2026-2-30", "--lang", "zh"), "--as-of“2026-2-30”不是日期：请写成 YYYY-MM-DD"),
])
def test_every_date_option_is_read_and_refused_alike(repo: RepoCopy, args: tuple[str, ...],
                                                     message: str) -> None:
    code, out, err = invoke(repo, *args)
    said_in = args[args.index("--lang") + 1] if "--lang" in args else "en"  # the suite's CS_TEAM_LANG
    prefix = "cs-team：错误：" if said_in.startswith("zh") else "cs-team: error: "
    assert (code, out, err.splitlines()[-1]) == (2, "", f"{prefix}{message}")


def test_a_date_option_speaks_the_readers_language_without_lang(repo: RepoCopy, monkeypatch) -> None:
    """The frame of an error and its sentence in one language: CS_TEAM_LANG's when --lang is not given."""
    monkeypatch.setenv("CS_TEAM_LANG", "zh")
    code, _, err = invoke(repo, "plan-hiring", "--as-of", "next monday")
    assert (code, err.splitlines()[-1]) == (2, "cs-team：错误：--as-of“next monday”不是日期：请写成 YYYY-MM-DD")


def test_a_date_option_reads_dates_as_side_files_do(repo: RepoCopy) -> None:
    """2026/12/1 in a cohort file or a scorecard is 2026-12-01: on the command line too."""
    for written in ("2026-12-01", "2026/12/1", "2026年12月1日"):
        code, out, err = invoke(repo, "eval-sheet", "scorecard", "--role", "agent", "--format", "md",
                                "--date", written)
        assert code == 0, err
        assert "2026-12-01" in out


def _choices(command: str) -> list[str]:
    import typer

    from cs_team.cli import app

    click = typer.main.get_command(app).commands[command]
    (option,) = [p for p in click.params if p.name == "output_format"]
    return [choice.value for choice in option.type_descriptor.annotation]


def test_each_command_offers_its_formats_from_the_one_list() -> None:
    from cs_team.commands.formats import FORMATS, formats

    offered = {name: _choices(name) for name in ("lint", "list", "interview-kit", "eval-sheet", "score",
                                                 "trace", "training-results", "promotion-rank",
                                                 "erlang", "plan-hiring", "roster", "onboarding-plan",
                                                 "template")}
    assert offered == {
        "lint": ["auto", "text", "parsable", "github", "json", "sarif"], "list": ["table", "json"],
        "interview-kit": ["md", "html", "pdf"], "eval-sheet": ["md", "html", "pdf", "yaml", "csv", "xlsx"],
        "score": ["md", "html", "json", "csv", "xlsx"], "trace": ["md", "html", "json"],
        "training-results": ["md", "html", "json", "xlsx"], "promotion-rank": ["md", "html", "json", "xlsx"],
        "erlang": ["text", "json"], "plan-hiring": ["md", "html", "pdf", "json", "csv", "xlsx"],
        "roster": ["md", "html", "csv", "xlsx"], "onboarding-plan": ["md", "html", "pdf", "ics", "json"],
        "template": ["csv", "xlsx"]}
    assert all(set(choices) <= set(FORMATS) for choices in offered.values())
    assert [m.value for m in formats("Some", "xlsx", "md", "json")] == ["md", "json", "xlsx"]
    with pytest.raises(ValueError, match="no output format 'docx'"):
        formats("Some", "md", "docx")


def test_every_format_option_is_made_from_the_one_list() -> None:
    """No command writes its own enum of formats, and no two enums share a name but not choices."""
    import typer

    from cs_team.cli import app

    seen: dict[str, list[str]] = {}
    for name, command in typer.main.get_command(app).commands.items():
        for param in command.params:
            if param.name == "output_format":
                choices = param.type_descriptor.annotation
                assert choices.__module__ == "cs_team.commands.formats", name
                assert seen.setdefault(choices.__name__, [c.value for c in choices]) == \
                       [c.value for c in choices], (name, choices.__name__)
    assert len(seen) >= 12


def test_out_is_said_as_a_path_below_the_working_folder(repo: RepoCopy) -> None:
    code, out, err = invoke(repo, "trace", "agent", "--format", "json", "--out", "reports/trace.json")
    assert (code, out) == (0, "")
    assert err.splitlines()[-1] == "cs-team: wrote reports/trace.json"
    assert json.loads(repo.read("reports/trace.json"))["roles"][0]["role"] == "agent"
    code, out, err = invoke(repo, "trace", "agent", "--format", "json", "--out", str(repo.root / "t.json"))
    assert err.splitlines()[-1] == "cs-team: wrote t.json"


def test_a_results_file_given_through_a_link_is_named_by_the_link(repo: RepoCopy) -> None:
    """As lint names a linked playbook file: the name the user gave, not the file it leads to."""
    repo.write("store/real.csv", card_csv("王芳", "李雷", 9, 2, "yes"))
    (repo.root / "given.csv").symlink_to(repo.root / "store" / "real.csv")
    code, _, err = invoke(repo, "score", "given.csv")
    assert code == 1
    assert err.splitlines()[0].startswith("given.csv:2:6: ")


def test_a_cohort_file_given_by_its_full_path_is_named_below_the_working_folder(repo: RepoCopy) -> None:
    repo.write("hires.csv", "name,start,mentor\n陈晨,2026-11-31,李静\n")
    code, _, err = invoke(repo, "onboarding-plan", "agent", "--cohort", str(repo.root / "hires.csv"),
                          "--out", "plans")
    assert code == 1
    assert err.splitlines()[0] == "hires.csv:2: start '2026-11-31' is not a date: write YYYY-MM-DD"


def test_lint_and_trace_agree_on_what_is_not_trained(repo: RepoCopy) -> None:
    """calm untrained: CS217 and the trace gap both. A curriculum that does not exist: neither (lint
    names the missing curriculum instead, where trace used to call every competency untrained)."""
    def both() -> tuple[list[str], list[str]]:
        _, out, _ = invoke(repo, "trace", "agent", "--format", "json")
        gaps = [g["subject"] for g in json.loads(out)["roles"][0]["gaps"] if g["kind"] == "not-trained"]
        return [str(f.message).split("'")[3] for f in repo.lint({"CS217"})], gaps

    assert both() == ([], [])
    repo.edit("curriculum.yaml", "    competencies: [calm, listening]\n", "")
    assert both() == (["calm"], ["calm"])
    repo.edit("role.yaml", "curriculum: basics", "curriculum: nowhere")
    assert both() == ([], [])


def test_weighted_totals_keep_ties_as_ties() -> None:
    from cs_team.results.weighting import total, weighted

    parts = [weighted(1, 60), weighted(3, 40)]  # 0.6 + 1.2
    assert sum(parts) == 1.7999999999999998
    assert total(parts) == 1.8 == total([weighted(2, 60), weighted(1.5, 40)])
