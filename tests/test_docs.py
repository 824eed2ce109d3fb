"""The README documents every rule and every command the CLI has."""

from __future__ import annotations

from pathlib import Path

from cs_team.cli import app
from cs_team.rulebook import RULES

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_rule() -> None:
    for rule in RULES.values():
        assert f"| {rule.code} | {rule.name} | {rule.severity.value} |" in README, rule.code


def test_readme_documents_every_command() -> None:
    for command in app.registered_commands:
        name = command.name or command.callback.__name__.replace("_", "-")
        assert f"`cs-team {name}" in README, name


def test_the_readme_tour_is_what_lint_prints(tmp_path: Path) -> None:
    """The README shows lint on the bundled department with three mistakes put in: reproduce it."""
    import shutil

    from cs_team.repo import bundled_root
    from tests.test_cli import invoke

    copy = tmp_path / "playbooks"
    shutil.copytree(bundled_root(), copy)
    for name, old, new in [
        ("roles/agent-1.yaml", "{competency: communication, weight: 30, minimum: 3}",
         "{competency: comunication, weight: 35, minimum: 3}"),
        ("onboarding/frontline-3w.yaml", "max_training_hours_per_day: 6.5", "max_training_hours_per_day: 4"),
        ("questions/situational.yaml", "    minutes: 5\n", "    minutes: 5\n    minutes: 6\n"),
    ]:
        text = (copy / name).read_text(encoding="utf-8")
        (copy / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    code, out, err = invoke(copy, "lint", "--no-cache", "--lang", "en")
    shown = README[README.index("$ cs-team lint --lang en\n") + len("$ cs-team lint --lang en\n"):]
    shown = shown[:shown.index("```")]
    assert code == 1
    assert out + err == shown


def test_the_readme_list_example_is_what_list_prints() -> None:
    from cs_team.repo import bundled_root
    from tests.test_cli import invoke

    code, out, _ = invoke(bundled_root(), "list", "roles", "--lang", "en")
    shown = README[README.index("$ cs-team list roles --lang en\n") + len("$ cs-team list roles --lang en\n"):]
    shown = shown[:shown.index("\n\n")]
    assert code == 0
    assert [line.rstrip() for line in out.splitlines()] == shown.splitlines()


def test_the_readme_rules_example_is_what_rules_prints(tmp_path: Path) -> None:
    from tests.test_cli import invoke

    code, out, _ = invoke(tmp_path, "rules", "CS204", "--lang", "en")
    shown = README[README.index("$ cs-team rules CS204 --lang en\n") + len("$ cs-team rules CS204 --lang en\n"):]
    assert code == 0
    assert shown.startswith(out) and shown[len(out):].startswith("```")
