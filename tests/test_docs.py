"""The README documents every rule and every command the CLI has."""

from __future__ import annotations

from pathlib import Path

from cs_team.cli import app
from cs_team.lint.registry import RULES

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_rule() -> None:
    for rule in RULES.values():
        assert f"| {rule.code} | {rule.name} | {rule.severity.value} |" in README, rule.code


def test_readme_documents_every_command() -> None:
    for command in app.registered_commands:
        name = command.name or command.callback.__name__.replace("_", "-")
        assert f"`cs-team {name}" in README, name
