"""The lint cache: the same findings without parsing, and never stale."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from cs_team.lint import cache_entry
from cs_team.workspace import lint_paths
from tests.conftest import RepoCopy
from tests.test_cli import invoke


@pytest.fixture(autouse=True)
def _not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)  # the cache is off in CI unless asked for


@pytest.fixture
def broken(repo: RepoCopy) -> RepoCopy:
    repo.edit("role.yaml", "csat_percent: 85", "csat_percent: 120")
    return repo


def _no_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the repository was loaded although nothing changed")

    monkeypatch.setattr("cs_team.loader.load_repository", refuse)  # imported by the cache on a miss


def test_unchanged_repository_is_not_parsed_again(broken: RepoCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    first = lint_paths([], None, set(), cwd=broken.root)
    assert (broken.root / ".cs-team-cache" / "lint.json").is_file()
    _no_loading(monkeypatch)
    second = lint_paths([], None, set(), cwd=broken.root)
    assert second.findings == first.findings and second.files_checked == first.files_checked
    # the cache keeps each message as a phrase, so it is worded in Chinese too
    assert [f.text("zh") for f in second.findings] == ["csat_percent 120 不是 0 到 100 之间的百分比"]
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


def test_a_repository_that_cannot_be_written_still_lints(broken: RepoCopy) -> None:
    broken.write(".cs-team-cache", "a file where the cache folder would go\n")
    assert [f.code for f in lint_paths([], None, set(), cwd=broken.root).findings] == ["CS210"]
    code, out, err = invoke(broken, "lint", "--format", "parsable")
    assert code == 1 and out.count("CS210") == 1 and err == ""


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


def _crafted(repo: RepoCopy, change: dict) -> None:
    """Lint once for the right key, then rewrite the stored entry."""
    lint_paths([], None, set(), cwd=repo.root)
    stored = json.loads(repo.read(".cs-team-cache/lint.json"))
    stored.update(change)
    repo.write(".cs-team-cache/lint.json", json.dumps(stored))


def test_in_ci_a_crafted_cache_is_not_read(broken: RepoCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    _crafted(broken, {"findings": []})
    monkeypatch.setenv("CI", "true")
    assert [f.code for f in lint_paths([], None, set(), cwd=broken.root).findings] == ["CS210"]
    code, _, _ = invoke(broken, "lint", "--strict", "--format", "sarif")
    assert code == 1
    (broken.root / ".cs-team-cache" / "lint.json").unlink()
    lint_paths([], None, set(), cwd=broken.root)
    assert not (broken.root / ".cs-team-cache" / "lint.json").exists()  # nor written
    lint_paths([], None, set(), cwd=broken.root, use_cache=True)
    assert (broken.root / ".cs-team-cache" / "lint.json").is_file()  # unless asked for


def test_a_cache_git_tracks_is_ignored_with_a_note(broken: RepoCopy) -> None:
    _crafted(broken, {"findings": []})
    git = ["git", "-C", str(broken.root), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-f", ".cs-team-cache/lint.json"], check=True)
    result = lint_paths([], None, set(), cwd=broken.root)
    assert [f.code for f in result.findings] == ["CS210"]
    assert [str(note) for note in result.notes] == ["ignored .cs-team-cache/: git tracks it, and a cache that comes with the files "
                            "cannot be trusted (git rm -r --cached .cs-team-cache)"]
    assert json.loads(broken.read(".cs-team-cache/lint.json"))["findings"] == []  # not rewritten either


@pytest.mark.parametrize("change", [
    {"findings": [{"path": "role.yaml", "line": 1, "column": 1, "end_line": 1, "end_column": 2,
                   "level": "error", "code": "CS999", "rule": "made-up", "message": "injected"}]},
    {"findings": [{"path": ["role.yaml"], "line": 1, "column": 1, "end_line": 1, "end_column": 2,
                   "level": "error", "code": "CS210", "rule": "kpi-out-of-range", "message": "x"}]},
    {"findings": [{"path": "role.yaml", "line": True, "column": 0, "end_line": 1, "end_column": 2,
                   "level": "error", "code": "CS210", "rule": "kpi-out-of-range", "message": "x"}]},
    {"findings": {}},
    {"files": {"role.yaml": "../../etc/passwd"}},
    {"files": {"role.yaml": ["role.yaml"]}},
])
def test_an_entry_of_the_wrong_shape_means_a_cold_run(broken: RepoCopy, change: dict) -> None:
    _crafted(broken, change)
    result = lint_paths([], None, set(), cwd=broken.root)
    assert [(f.code, f.message) for f in result.findings] == [("CS210", result.findings[0].message)]
    assert "injected" not in result.findings[0].message and result.findings[0].line > 1


def test_a_fifo_a_link_or_a_huge_file_is_not_read(broken: RepoCopy, tmp_path: Path) -> None:
    entry = broken.root / ".cs-team-cache" / "lint.json"
    lint_paths([], None, set(), cwd=broken.root)
    huge = tmp_path / "huge"
    with open(huge, "wb") as file:
        file.truncate(cache_entry.LARGEST_ENTRY + 1)  # sparse
    for make in (lambda: os.mkfifo(entry), lambda: entry.symlink_to(huge)):
        entry.unlink()
        make()
        assert [f.code for f in lint_paths([], None, set(), cwd=broken.root).findings] == ["CS210"]
        assert entry.is_file() and not entry.is_symlink()  # replaced by a real entry, not written through
    assert huge.stat().st_size == cache_entry.LARGEST_ENTRY + 1
    entry.unlink()
    with open(entry, "wb") as file:
        file.truncate(cache_entry.LARGEST_ENTRY + 1)
    assert cache_entry.read(entry) is None


def test_the_code_is_part_of_the_key(broken: RepoCopy, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A rule changed under the same version string is run again, not served from the cache."""
    from cs_team.lint import cache

    package = tmp_path / "cs_team"
    (package / "lint" / "rules").mkdir(parents=True)
    rule = package / "lint" / "rules" / "weights.py"
    rule.write_text("LIMIT = 100\n", encoding="utf-8")
    monkeypatch.setattr(cache, "PACKAGE", package)
    first = lint_paths([], None, set(), cwd=broken.root).findings
    loads = []
    real = cache._fresh
    monkeypatch.setattr(cache, "_fresh", lambda *a, **k: loads.append(1) or real(*a, **k))
    assert lint_paths([], None, set(), cwd=broken.root).findings == first and loads == []
    (package / "lint" / "rules" / "__pycache__").mkdir()  # bytecode is not the code
    (package / "lint" / "rules" / "__pycache__" / "weights.cpython.pyc").write_bytes(b"x")
    assert lint_paths([], None, set(), cwd=broken.root).findings == first and loads == []
    rule.write_text("LIMIT = 90\n", encoding="utf-8")  # same size: its time tells
    os.utime(rule, ns=(rule.stat().st_atime_ns, rule.stat().st_mtime_ns + 1))
    assert lint_paths([], None, set(), cwd=broken.root).findings == first and loads == [1]
    (package / "lint" / "rules" / "new_rule.py").write_text("", encoding="utf-8")
    assert lint_paths([], None, set(), cwd=broken.root).findings == first and loads == [1, 1]
    assert lint_paths([], None, set(), cwd=broken.root).findings == first and loads == [1, 1]


def test_the_code_digest_covers_the_installed_package(tmp_path: Path) -> None:
    """Wherever the package sits, the same files give the same digest, and any module changes it."""
    import shutil

    from cs_team.lint import cache

    copy = tmp_path / "cs_team"
    shutil.copytree(cache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))  # keeps times
    assert cache.code_digest(copy) == cache.code_digest(cache.PACKAGE)
    module = copy / "similarity.py"
    module.write_bytes(module.read_bytes().replace(b"THRESHOLD = 0.8", b"THRESHOLD = 0.9"))
    assert cache.code_digest(copy) != cache.code_digest(cache.PACKAGE)
