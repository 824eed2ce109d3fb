"""Command help reads as paragraphs: source line breaks are not shown, example lines are."""

from __future__ import annotations

from cs_team.help_text import reflowed


def test_paragraph_lines_are_joined_and_examples_kept():
    text = ("Training results: pass, retake, retrain or reassign per hire and module, and\n"
            "the first-time pass rate per module.\n\n"
            "[bold]Examples[/bold]\n\n"
            "  cs-team training-results results/a.csv\n"
            "  cs-team training-results results/ --format html\n")
    assert reflowed(text) == (
        "Training results: pass, retake, retrain or reassign per hire and module, and "
        "the first-time pass rate per module.\n\n"
        "[bold]Examples[/bold]\n\n"
        "  cs-team training-results results/a.csv\n"
        "  cs-team training-results results/ --format html")


def test_command_list_shows_no_source_line_break(capsys, monkeypatch):
    from cs_team.cli import main

    monkeypatch.setenv("COLUMNS", "200")
    assert main(["--help"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if " training-results " in line]
    # the docstring breaks after "and"; re-flowed, the wide list shows the rest on the same row
    assert len(rows) == 1 and "per hire and module, and the first-time pass" in rows[0]
