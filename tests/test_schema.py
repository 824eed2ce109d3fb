"""JSON Schemas: generated from the models, committed up to date, and agreeing with the loader."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from cs_team.repo import bundled_root
from cs_team.schema import render, schemas
from tests.conftest import RepoCopy

BUNDLED = bundled_root()
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\n")


def test_committed_schemas_are_current() -> None:
    """Fails when a model changed and `cs-team schema --out playbooks/schemas` was not run."""
    generated = {name: render(schema) for name, schema in schemas().items()}
    committed = {p.name: p.read_text(encoding="utf-8") for p in (BUNDLED / "schemas").glob("*.json")}
    assert committed == generated


def test_schemas_are_draft_07_without_tuples() -> None:
    for name, schema in schemas().items():
        text = json.dumps(schema)
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#", name
        assert "prefixItems" not in text and "$defs" not in text, name
        jsonschema.Draft7Validator.check_schema(schema)


ROOT = Path(__file__).parent.parent


def _yaml_files() -> list[Path]:
    return sorted([*BUNDLED.rglob("*.yaml"), *(ROOT / "examples").rglob("*.yaml")])


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_bundled_and_example_files_name_their_schema_and_satisfy_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    match = MODELINE.match(text)
    assert match, f"{path} has no yaml-language-server modeline"
    schema_path = (path.parent / match.group(1)).resolve()
    data = yaml.safe_load(text)
    expected = "cs-team.schema.json" if path.name == "cs-team.yaml" else f"{data['kind']}.schema.json"
    assert schema_path.name == expected and schema_path.is_file()
    # editors see YAML as JSON: integer keys (scale anchors) become strings
    as_json = json.loads(json.dumps(data, default=str))
    jsonschema.validate(as_json, json.loads(schema_path.read_text(encoding="utf-8")),
                        cls=jsonschema.Draft7Validator)


def test_schema_rejects_what_the_linter_rejects(repo: RepoCopy) -> None:
    schema = schemas()["role.schema.json"]
    data = yaml.safe_load(repo.read("role.yaml"))
    jsonschema.validate(json.loads(json.dumps(data)), schema, cls=jsonschema.Draft7Validator)
    data["sumary"] = data.pop("summary")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(json.loads(json.dumps(data)), schema, cls=jsonschema.Draft7Validator)


def test_pre_commit_hook_runs_the_console_script() -> None:
    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "cs-team-lint" and hook["entry"] == "cs-team lint" and hook["language"] == "python"
    assert re.search(hook["files"], "roles/agent-1.yaml") and not re.search(hook["files"], "README.md")


def _yaml12(text: str) -> object:
    """The file as a YAML 1.2 reader (an editor with the schema, js-yaml) sees it: `yes` is text."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
    return yaml.load(text, Loader=Loader)


@pytest.mark.parametrize(("old", "new"), [
    ("format: 1\n", "format: 2\n"),
    ("max_training_hours_per_day: 6\n", "max_training_hours_per_day: 6\nquiz_after_micro_lessons: yes\n"),
])
def test_schema_and_lint_give_the_same_verdict(repo: RepoCopy, old: str, new: str) -> None:
    """A file the linter refuses is one the editor's schema refuses too, read as the editor reads it."""
    repo.edit("onboarding.yaml", old, new)
    assert [f.severity.value for f in repo.lint()] == ["error"]
    data = _yaml12(repo.read("onboarding.yaml"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(json.loads(json.dumps(data, default=str)), schemas()["onboarding-template.schema.json"],
                            cls=jsonschema.Draft7Validator)
