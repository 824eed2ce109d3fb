"""Writing a file: whole or not at all, through links, into pipes, with the modes people expect."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from cs_team import atomic
from cs_team.errors import UsageError
from tests.test_cli import invoke


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_link_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real, links = tmp_path / "real", tmp_path / "links"
    real.mkdir(), links.mkdir()
    (real / "doc.md").write_text("old\n", encoding="utf-8")
    (links / "doc.md").symlink_to(real / "doc.md")
    (links / "chain.md").symlink_to(links / "doc.md")
    atomic.write_text(links / "chain.md", "new\n")
    assert (links / "chain.md").is_symlink() and (links / "doc.md").is_symlink()
    assert (real / "doc.md").read_text(encoding="utf-8") == "new\n"
    assert _files(real) == ["doc.md"] and _files(links) == ["chain.md", "doc.md"]  # no temporary left


def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    (tmp_path / "out.md").symlink_to(tmp_path / "made.md")
    atomic.write_text(tmp_path / "out.md", "x\n")
    assert (tmp_path / "made.md").read_text(encoding="utf-8") == "x\n" and (tmp_path / "out.md").is_symlink()


def test_a_fifo_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    atomic.write_bytes(fifo, b"through the pipe\n" * 10_000)  # more than a pipe buffer holds
    reader.join(timeout=10)
    assert received == [b"through the pipe\n" * 10_000]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and _files(tmp_path) == ["pipe"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="making a device needs root")
def test_a_character_device_is_written_into_not_replaced(tmp_path: Path) -> None:
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a null device of our own, in tmp_path
    atomic.write_text(device, "discarded\n")
    assert stat.S_ISCHR(os.lstat(device).st_mode) and _files(tmp_path) == ["null"]


def test_new_files_follow_the_umask_and_old_files_keep_their_mode(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        atomic.write_text(tmp_path / "new.md", "x\n")
        kept = tmp_path / "kept.md"
        kept.write_text("old\n", encoding="utf-8")
        kept.chmod(0o604)
        atomic.write_text(kept, "new\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o640
    assert stat.S_IMODE(kept.stat().st_mode) == 0o604 and kept.read_text(encoding="utf-8") == "new\n"


def test_a_name_over_the_limit_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        atomic.write_text(tmp_path / ("名" * 100 + ".md"), "x\n")  # 300 bytes in UTF-8
    assert str(caught.value) == (f"cannot write {tmp_path}/{'名' * 100}.md: the file name is longer than "
                                 "this system allows (255 bytes)")
    assert _files(tmp_path) == []


def test_a_folder_or_a_socket_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a folder"):
        atomic.write_text(tmp_path, "x")
    import socket

    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(UsageError, match="is not a regular file"):
            atomic.write_text(path, "x")


def test_cli_out_into_a_fifo_and_an_unwritable_name(repo, tmp_path: Path) -> None:
    fifo = tmp_path / "kit.md"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, _, err = invoke(repo, "eval-sheet", "scorecard", "--role", "agent", "--out", str(fifo))
    reader.join(timeout=10)
    assert code == 0 and received[0].decode("utf-8").startswith("#")
    code, _, err = invoke(repo, "eval-sheet", "scorecard", "--role", "agent", "--out", "x" * 300)
    assert code == 2 and err.count("\n") == 1 and "longer than this system allows" in err


def test_init_files_get_the_umask_mode(tmp_path: Path) -> None:
    from tests.test_cli import cs_team

    previous = os.umask(0o022)
    try:
        assert cs_team("init", "repo", cwd=tmp_path).returncode == 0
    finally:
        os.umask(previous)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "repo").rglob("*") if p.is_file()}
    assert modes == {0o644}
