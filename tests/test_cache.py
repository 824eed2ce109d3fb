"""The lint cache: the same findings without parsing, and never stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_team.lint import cache
from cs_team.workspace import lint_paths
from tests.conftest import RepoCopy


@pytest.fixture
def broken(repo: RepoCopy) -> RepoCopy:
    repo.edit("role.yaml", "csat_percent: 85", "csat_percent: 120")
    return repo


def _no_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the repository was loaded although nothing changed")

    monkeypatch.setattr(cache, "load_repository", refuse)


def test_unchanged_repository_is_not_parsed_again(broken: RepoCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    first = lint_paths([], None, set(), cwd=broken.root)
    assert (broken.root / ".cs-team-cache" / "lint.json").is_file()
    _no_loading(monkeypatch)
    second = lint_paths([], None, set(), cwd=broken.root)
    assert second.findings == first.findings and second.files_checked == first.files_checked
    only_role = lint_paths([Path("role.yaml")], None, set(), cwd=broken.root)
    assert [f.code for f in only_role.findings] == ["CS210"]


def test_any_change_invalidates(broken: RepoCopy) -> None:
    assert [f.code for f in lint_paths([], None, set(), cwd=broken.root).findings] == ["CS210"]
    broken.edit("role.yaml", "csat_percent: 120", "csat_percent: 88")
    assert lint_paths([], None, set(), cwd=broken.root).findings == []
    broken.write("extra.yaml", "kind: nothing\n")
    assert [f.code for f in lint_paths([], None, set(), cwd=broken.root).findings] == ["CS009"]


def test_paths_follow_the_working_folder(broken: RepoCopy) -> None:
    inside = lint_paths([], None, set(), cwd=broken.root).findings
    outside = lint_paths([broken.root], None, set(), cwd=broken.root.parent).findings
    assert [f.path for f in inside] == ["role.yaml"]
    assert [f.path for f in outside] == ["repo/role.yaml"]


def test_select_and_ignore_bypass_the_cache(broken: RepoCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    lint_paths([], None, set(), cwd=broken.root)
    assert lint_paths([], {"CS202"}, set(), cwd=broken.root).findings == []
    assert lint_paths([], None, {"CS210"}, cwd=broken.root).findings == []
    _no_loading(monkeypatch)
    assert [f.code for f in lint_paths([], None, set(), cwd=broken.root).findings] == ["CS210"]


def test_no_cache_writes_nothing(broken: RepoCopy) -> None:
    lint_paths([], None, set(), cwd=broken.root, use_cache=False)
    assert not (broken.root / ".cs-team-cache").exists()


def test_a_repository_that_cannot_be_written_still_lints(broken: RepoCopy,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(path: Path, text: str) -> None:
        raise PermissionError(13, "Read-only file system", str(path))

    monkeypatch.setattr(cache.atomic, "write_text", read_only)
    assert [f.code for f in lint_paths([], None, set(), cwd=broken.root).findings] == ["CS210"]
    assert not (broken.root / ".cs-team-cache" / "lint.json").exists()


def test_a_corrupt_cache_is_ignored(broken: RepoCopy) -> None:
    broken.write(".cs-team-cache/lint.json", "{not json")
    assert [f.code for f in lint_paths([], None, set(), cwd=broken.root).findings] == ["CS210"]
    assert '"key"' in broken.read(".cs-team-cache/lint.json")


def test_a_cold_cached_run_skips_what_the_config_skips(repo: RepoCopy) -> None:
    # The cached run reads every YAML file once for its key and loads from those bytes:
    # excluded files, the templates folder, hidden folders and unreadable files must come
    # out exactly as in an uncached run.
    repo.edit("cs-team.yaml", "default_language: zh", "default_language: zh\nexclude: ['drafts/*']\n"
              "templates: my-templates")
    for name in ("drafts/idea.yaml", "my-templates/messages.yaml", ".hidden/x.yaml", "sub/cs-team.yaml"):
        repo.write(name, "kind: nothing\n")
    repo.write("questions/broken.yaml", b"kind: question-bank\n\xff\n")
    uncached = lint_paths([], None, set(), cwd=repo.root, use_cache=False)
    cold = lint_paths([], None, set(), cwd=repo.root)
    assert [(f.path, f.code) for f in cold.findings] == [("questions/broken.yaml", "CS003"),
                                                         ("sub/cs-team.yaml", "CS009")]
    assert cold.findings == uncached.findings and cold.files_checked == uncached.files_checked
