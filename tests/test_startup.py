"""A start that pays only for what it uses: every `--help` and a cached lint import no models,
no rules, no rule catalogue and no pydantic; `--help` no YAML parser either (speed itself is
measured by benchmarks/house_bench.py)."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cs_team.cli import app
from cs_team.repo import bundled_root

HEAVY = ("pydantic", "yaml", "jinja2", "cs_team.loader", "cs_team.model", "cs_team.lint.rules",
         "cs_team.playbook")

PROBE = """
import contextlib, io, json, sys
from cs_team.cli import main
codes = []
for args in json.loads(sys.argv[1]):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        codes.append(main(args))
print(json.dumps([codes, sorted(sys.modules)]))
"""


def _run(cwd: Path, *invocations: list[str]) -> tuple[list[int], list[str]]:
    """Exit codes of the invocations, run in one fresh process, and the heavy modules it imported."""
    result = subprocess.run([sys.executable, "-c", PROBE, json.dumps(invocations)], cwd=cwd,
                            capture_output=True, text=True, check=True)
    codes, modules = json.loads(result.stdout.splitlines()[-1])
    return codes, [m for m in modules if m.startswith(HEAVY)]


def test_every_help_imports_nothing_heavy(tmp_path: Path) -> None:
    names = [c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands]
    assert len(names) >= 10
    helps = [["--help"], *([name, "--help"] for name in names), ["lint", "-h"]]
    assert _run(tmp_path, *helps) == ([0] * len(helps), [])


def test_a_cached_lint_imports_nothing_heavy(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(bundled_root(), repo, ignore=shutil.ignore_patterns(".cs-team-cache"))
    # --cache: where CI is set (as when CI runs this suite) the cache is off unless asked for
    codes, modules = _run(repo, ["lint", "--cache"])  # fills the cache: this one needs everything
    assert codes == [0] and {"cs_team.loader", "pydantic", "yaml"} <= set(modules)
    # A cached run reads the lint phrases (YAML) to word its findings in the reader's language.
    codes, modules = _run(repo, ["lint", "--cache"], ["lint", "--cache", "--format", "parsable", "--strict"])
    assert (codes, [m for m in modules if not m.startswith("yaml")]) == ([0, 0], [])
    (repo / "roles" / "agent-1.yaml").write_text("kind: role\n", encoding="utf-8")
    codes, modules = _run(repo, ["lint", "--cache"])  # a change: linted afresh, and the finding is there
    assert codes == [1] and "cs_team.loader" in modules


def test_a_command_is_built_alone_and_helps_as_in_the_whole_app(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """`cs-team NAME ...` builds only NAME's parameters; its help and usage errors read the same
    as when every command is built."""
    import typer

    from cs_team import cli
    from cs_team.help_text import reflow_command

    names = [c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands]
    assert list(cli._click_command(["lint", "--help"]).commands) == ["lint"]
    assert len(cli._click_command(["--help"]).commands) == len(names)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")

    def outputs() -> list[tuple[int, str]]:
        found = []
        for args in ([[name, "--help"] for name in names] + [["lint", "--no-such-option"]]):
            out = io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
                found.append((cli.main(args), out.getvalue()))
        return found

    alone = outputs()
    def whole_app(argv: list[str]):
        group = typer.main.get_command(app)
        reflow_command(group)
        return group

    monkeypatch.setattr(cli, "_click_command", whole_app)
    assert alone == outputs()
    assert all(code == 0 and f"Usage: cs-team {name} " in text
               for name, (code, text) in zip(names, alone, strict=False))


def test_model_annotations_are_not_strings_pydantic_compiles_again() -> None:
    """See cs_team/model/__init__.py: a future import there costs every lint a compile per field."""
    folder = Path(__file__).resolve().parent.parent / "cs_team" / "model"
    stringly = [p.name for p in sorted(folder.glob("*.py"))
                if "\nfrom __future__ import annotations\n" in p.read_text(encoding="utf-8")]
    assert stringly == []
