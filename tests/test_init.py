"""`cs-team init` and `cs-team schema --out`: new files only, written whole."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import cs_team


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_init_creates_a_repository_that_lints_clean(tmp_path: Path) -> None:
    result = cs_team("init", "new-playbooks", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    target = tmp_path / "new-playbooks"
    for name in ("cs-team.yaml", "roles/agent-1.yaml", "schemas/role.schema.json", ".editorconfig",
                 ".pre-commit-config.yaml", ".github/workflows/cs-team.yml", ".vscode/settings.json"):
        assert (target / name).is_file(), name
    lint = cs_team("lint", cwd=target)
    assert (lint.returncode, lint.stdout) == (0, "")
    assert "bundled" not in lint.stderr


def test_init_refuses_to_overwrite_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "repo"
    target.mkdir()
    (target / "cs-team.yaml").write_text("mine\n", encoding="utf-8")
    (target / "notes.txt").write_text("keep\n", encoding="utf-8")
    before = _snapshot(target)
    result = cs_team("init", str(target), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("cs-team: error: init would overwrite ")
    assert "cs-team.yaml" in result.stderr and result.stderr.count("\n") == 1
    assert _snapshot(target) == before


def test_init_beside_unrelated_files(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("ours\n", encoding="utf-8")
    assert cs_team("init", ".", cwd=tmp_path).returncode == 0
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "ours\n"


def test_schema_out_and_print(tmp_path: Path) -> None:
    result = cs_team("schema", "--out", "schemas", cwd=tmp_path)
    assert result.returncode == 0
    from cs_team.model import KINDS

    assert len(list((tmp_path / "schemas").glob("*.schema.json"))) == len(KINDS) + 1  # and cs-team.yaml
    assert not list((tmp_path / "schemas").glob(".*"))  # no temporary files left behind
    printed = cs_team("schema", "role", cwd=tmp_path)
    assert json.loads(printed.stdout)["title"] == "cs-team role"
    assert printed.stdout == (tmp_path / "schemas" / "role.schema.json").read_text(encoding="utf-8")
    bad = cs_team("schema", "rol", cwd=tmp_path)
    assert (bad.returncode, bad.stderr) == (2, "cs-team: error: unknown kind 'rol'; did you mean 'role'?\n")


def test_the_workflow_lints_uploads_sarif_and_renders(tmp_path: Path) -> None:
    import yaml

    assert cs_team("init", "repo", cwd=tmp_path).returncode == 0
    workflow = yaml.safe_load((tmp_path / "repo/.github/workflows/cs-team.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["lint"]["steps"]
    runs = [step.get("run", "") for step in steps]
    uses = [step.get("uses", "") for step in steps]
    assert "cs-team lint --strict" in runs and "cs-team build --out site" in runs
    assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses)
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert (tmp_path / "repo/.github/workflows/cs-team.yml").read_text(encoding="utf-8").split("name: cs-team\n", 1)[1] \
        in readme  # the README shows the workflow init writes


def test_the_workflow_installs_what_init_was_told(tmp_path: Path) -> None:
    import yaml

    spec = "cs-team @ git+https://example.com/o/cs-team@v0.1.0; it's"
    result = cs_team("init", "repo", "--install", spec, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "repo/.github/workflows/cs-team.yml").read_text(encoding="utf-8")
    steps = yaml.safe_load(text)["jobs"]["lint"]["steps"]
    install = next(step for step in steps if step.get("name") == "Install cs-team")
    assert install["run"] == """pip install 'cs-team @ git+https://example.com/o/cs-team@v0.1.0; it'"'"'s'"""
    import shlex

    assert shlex.split(install["run"]) == ["pip", "install", spec]
    assert "# pip installs cs-team from what `cs-team init --install` was given:" in text
    assert "CS_TEAM_INSTALL" not in text and "CS_TEAM_INSTALL" not in result.stderr
    # without --install: the repository variable, and a step that fails loudly when it is unset
    assert cs_team("init", "plain", cwd=tmp_path).stderr.endswith(
        "installs cs-team from the repository variable CS_TEAM_INSTALL (no package index serves cs-team): "
        "set it, or run init again with --install SPEC\n")
    steps = yaml.safe_load((tmp_path / "plain/.github/workflows/cs-team.yml").read_text(encoding="utf-8"))
    install = next(s for s in steps["jobs"]["lint"]["steps"] if s.get("name") == "Install cs-team")
    assert install["env"] == {"CS_TEAM_INSTALL": "${{ vars.CS_TEAM_INSTALL }}"}
    assert install["run"].splitlines()[1] == 'pip install "$CS_TEAM_INSTALL"'
    bad = cs_team("init", "other", "--install", "a\nb", cwd=tmp_path)
    assert bad.returncode == 2 and not (tmp_path / "other").exists()
