"""`cs-team build`: the whole site, and never a file that is not its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cs_team.documents import website
from cs_team.errors import InputError, UsageError
from cs_team.loader import load_repository
from cs_team.playbook import Playbook
from tests.conftest import RepoCopy
from tests.test_cli import invoke


def playbook_of(repo: RepoCopy) -> Playbook:
    return Playbook(load_repository(repo.root, cwd=repo.root))


def test_build_writes_every_document_and_an_index(repo: RepoCopy, tmp_path: Path) -> None:
    out = tmp_path / "site"
    written = website.build(playbook_of(repo), out, "en")
    assert written == sorted([f"agent/{stem}.{ext}" for stem in
                              ("interview-kit", "scorecard", "training", "probation", "promotion")
                              for ext in ("html", "md")] + ["index.html", "index.md", "trace.html", "trace.md"])
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "## Front line" in index and "[Interview kit](agent/interview-kit.md)" in index
    # the fixture's competencies name no KPIs: two gaps, linked from the index
    assert "[Competency traceability](trace.md) · Gaps: 2" in index
    assert "Measured by no probation KPI: Composure (`calm`)" in (out / "trace.md").read_text(encoding="utf-8")
    manifest = json.loads((out / website.MANIFEST).read_text(encoding="utf-8"))
    assert sorted(manifest) == written


def test_a_second_build_gives_the_same_bytes(repo: RepoCopy, tmp_path: Path) -> None:
    """Two processes with different hash seeds (set and dict order could leak into a page),
    the second building over the first's site."""
    import os
    import subprocess
    import sys

    out = tmp_path / "site"

    def build(seed: str) -> dict[Path, bytes]:
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "cs_team", "build", "--repo", str(repo.root), "--out", str(out)],
                       env=environment, check=True, capture_output=True)
        return {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    first = build("1")
    assert len(first) > 10
    assert build("2718") == first


def test_foreign_files_are_never_overwritten(repo: RepoCopy, tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / "agent").mkdir(parents=True)
    (out / "agent" / "scorecard.md").write_text("mine\n", encoding="utf-8")
    (out / "notes.txt").write_text("keep\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"holds files cs-team did not write: agent/scorecard\.md"):
        website.build(playbook_of(repo), out)
    assert (out / "agent" / "scorecard.md").read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in out.rglob("*") if p.is_file()) == ["notes.txt", "scorecard.md"]


def test_stale_own_files_go_foreign_files_stay(repo: RepoCopy, tmp_path: Path) -> None:
    out = tmp_path / "site"
    website.build(playbook_of(repo), out)
    (out / "notes.txt").write_text("keep\n", encoding="utf-8")
    repo.edit("evaluation.yaml", "    target_roles: [agent]", "    target_roles: [nobody]")
    written = website.build(playbook_of(repo), out)
    assert "agent/promotion.md" not in written
    assert not (out / "agent" / "promotion.md").exists()
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep\n"


def test_a_failed_build_leaves_the_previous_site(repo: RepoCopy, tmp_path: Path) -> None:
    out = tmp_path / "site"
    website.build(playbook_of(repo), out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    repo.edit("cs-team.yaml", "default_language: zh\n", "default_language: zh\ntemplates: templates\n")
    repo.write("templates/probation.md.j2", "{{ sheet.no_such_thing }}\n")
    with pytest.raises(InputError, match=r"probation\.md\.j2"):
        website.build(playbook_of(repo), out)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_cli_build(repo: RepoCopy) -> None:
    code, out, err = invoke(repo, "build", "--out", "public", "--lang", "zh-en")
    assert (code, out) == (0, "")
    assert "cs-team：已在 public 生成 14 个文件（打开 public/index.html）\n" in err  # --lang zh-en: said in zh
    assert (repo.root / "public" / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert repo.lint() == []  # the site is HTML and Markdown: nothing for lint to read


def test_every_page_and_folder_is_on_the_disk_before_the_swap(repo: RepoCopy, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash right after the swap must find whole pages, not names with no data behind them."""
    import os

    from cs_team.documents import publish

    out = tmp_path / "site"
    synced: list[str] = []  # paths inside the staging folder, relative to it ("." for itself)
    at_swap: list[set[str]] = []
    real_fsync, real_rename, real_exchange = os.fsync, os.rename, publish._exchange

    def fsync(handle: int) -> None:
        path = Path(os.readlink(f"/proc/self/fd/{handle}"))
        if path != out.parent:
            staging, *inside = path.relative_to(out.parent).parts
            assert "new-" in staging
            synced.append("/".join(inside) or ".")
        real_fsync(handle)

    def rename(source: Path, target: Path) -> None:
        if "new-" in Path(source).name:
            at_swap.append(set(synced))
        real_rename(source, target)

    def exchange(first: Path, second: Path) -> bool:
        at_swap.append(set(synced))
        return real_exchange(first, second)

    monkeypatch.setattr(publish.os, "fsync", fsync)
    monkeypatch.setattr(publish.os, "rename", rename)
    monkeypatch.setattr(publish, "_exchange", exchange)
    for _ in range(2):  # the first build renames the new folder into place, the second exchanges the two
        synced.clear()
        website.build(playbook_of(repo), out)
        published = {str(p.relative_to(out)) for p in out.rglob("*")} | {"."}
        assert at_swap[-1] == published
    assert len(at_swap) == 2
