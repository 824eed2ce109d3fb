"""Terminals that are not UTF-8: every command prints (whole, or with a note), never a traceback.

The locales are compiled with ``localedef`` into tmp_path (``LOCPATH``), so the test needs no
system locale; stdout is a pseudo-terminal, as a user's console is, and ``PYTHONIOENCODING`` is
unset. Each locale runs every command in one interpreter (a driver calling the entry point),
so the three locales cost three start-ups, not forty-five.
"""

from __future__ import annotations

import io
import json
import os
import pty
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cs_team import terminal

ROOT = Path(__file__).parent.parent

DRIVER = r"""
import contextlib, functools, io, json, sys, traceback
import typer.main
from cs_team.cli import main

typer.main.get_command = functools.lru_cache(typer.main.get_command)  # built once, not per command

results = []
for argv in json.loads(sys.argv[1]):
    error = io.StringIO()
    with contextlib.redirect_stderr(error):
        try:
            code = main(argv)
        except SystemExit as stop:
            code = stop.code
        except BaseException:
            code, error = "traceback", io.StringIO(traceback.format_exc())
    sys.stdout.flush()
    results.append([argv, code, error.getvalue()])
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(results, out, ensure_ascii=False)
"""


def _commands(work: Path) -> list[list[str]]:
    (work / "results.csv").write_text(
        "hire,cohort,module,attempt,theory,simulation,practical\n"
        "王芳,2027-03,company-culture,1,88,,\n", encoding="utf-8")
    (work / "records.yaml").write_text(
        "kind: promotion-records\nformat: 1\npromotion: supervisor-competition\ncandidates: []\n",
        encoding="utf-8")
    repo = str(ROOT / "playbooks")
    return [
        ["lint", repo], ["lint", repo, "--format", "parsable"], ["list", "roles", "--repo", repo],
        ["list", "questions", "--repo", repo, "--format", "json"], ["rules"], ["rules", "CS301"],
        ["schema", "role"], ["interview-kit", "agent-1", "--repo", repo],
        ["interview-kit", "agent-1", "--repo", repo, "--lang", "zh-en", "--format", "html"],
        ["eval-sheet", "scorecard", "--role", "agent-1", "--repo", repo],
        ["eval-sheet", "training", "--role", "agent-1", "--repo", repo, "--format", "csv"],
        ["onboarding-plan", "agent-1", "--start", "2027-03-01", "--name", "王芳", "--repo", repo],
        ["onboarding-plan", "agent-1", "--start", "2027-03-01", "--format", "ics", "--repo", repo],
        ["score", str(work / "results.csv"), "--repo", repo],
        ["training-results", str(work / "results.csv"), "--repo", repo],
        ["promotion-rank", str(work / "records.yaml"), "--repo", repo],
        ["trace", "agent-1", "--repo", repo],
        ["erlang", "--volume", "100", "--aht", "180", "--interval", "1800", "--target", "0.8",
         "--within", "20", "--table"],
        ["plan-hiring", "--repo", repo, "--as-of", "2026-12-01", "--format", "md"],
        ["init", str(work / "new")],
        ["lint", str(work / "missing.yaml")],
    ]


@pytest.fixture(scope="module")
def locales(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("localedef") is None or not Path("/usr/share/i18n/charmaps").is_dir():
        pytest.skip("localedef and the glibc locale sources (Debian: locales) are needed")
    folder = tmp_path_factory.mktemp("locales")
    for name, charmap, source in (("zh_CN.GBK", "GBK", "zh_CN"), ("en_US.ISO-8859-1", "ISO-8859-1", "en_US")):
        subprocess.run(["localedef", "-f", charmap, "-i", source, str(folder / name)],
                       capture_output=True, check=False)
        if not (folder / name).is_dir():
            pytest.skip(f"localedef could not compile {name}")
    return folder


def _run_on_a_terminal(argv: list[str], env: dict[str, str], cwd: Path) -> bytes:
    """Run ``argv`` with stdout on a pseudo-terminal; what the terminal received."""
    main, secondary = pty.openpty()
    received = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the other side closed
                return
            if not chunk:
                return
            received.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        # The timeout only guards against a hang; nothing here measures speed.
        subprocess.run(argv, stdout=secondary, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                       env=env, cwd=cwd, timeout=300, check=False)
    finally:
        os.close(secondary)
        reader.join(timeout=10)
        os.close(main)
    return bytes(received)


@pytest.mark.parametrize("locale", ["C", "zh_CN.GBK", "en_US.ISO-8859-1"])
def test_every_command_in_a_non_utf8_locale(locale: str, locales: Path, tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("LC_", "PYTHONIO", "PYTHONUTF8")) and key != "LANG"}
    env.update(LANG=locale, LC_ALL=locale, LOCPATH=str(locales), NO_COLOR="1")
    commands = _commands(tmp_path)
    report = tmp_path / "report.json"
    shown = _run_on_a_terminal([sys.executable, "-c", DRIVER, json.dumps(commands), str(report)],
                               env, tmp_path)
    results = json.loads(report.read_text(encoding="utf-8"))
    assert [argv for argv, *_ in results] == commands
    for argv, code, stderr in results:
        assert code != "traceback", f"{argv}:\n{stderr}"
        assert "Traceback" not in stderr, argv
        assert code in (0, 1, 2), (argv, code, stderr)
    codes = {" ".join(argv[:2]): code for argv, code, _ in results}
    assert codes["interview-kit agent-1"] == 0 and codes["rules CS301"] == 0
    assert codes[f"lint {tmp_path / 'missing.yaml'}"] == 2
    if locale == "zh_CN.GBK":  # GB18030, GBK's superset: the Chinese arrives whole
        assert "面试".encode("gb18030") in shown and "☐".encode("gb18030") in shown
    if locale == "en_US.ISO-8859-1":  # latin-1 cannot hold Chinese: replaced, with the note
        assert "面试".encode() not in shown and b"??" in shown
        notes = [stderr for _, _, stderr in results if "cannot show some characters" in stderr]
        assert notes and all(n.count("cannot show some characters") == 1 for n in notes)


def _stream(encoding: str, tty: bool) -> io.TextIOWrapper:
    raw = io.BytesIO()
    raw.isatty = lambda: tty  # type: ignore[method-assign]
    return io.TextIOWrapper(raw, encoding=encoding)


@pytest.mark.parametrize(("encoding", "tty", "received", "note"), [
    # `cs-team interview-kit agent-1 > kit.md` must save the whole document, not question marks
    ("latin-1", False, "客服 ☐ é".encode(), False),
    ("iso8859-1", True, "?? ? é".encode("latin-1"), True),
    ("ascii", True, b"?? ? ?", True),
    ("gbk", True, "客服 ☐ é".encode("gb18030"), False),  # GBK's own characters keep GBK's bytes
])
def test_streams_never_fail_to_encode(monkeypatch: pytest.MonkeyPatch, encoding: str, tty: bool,
                                      received: bytes, note: bool) -> None:
    raw = io.BytesIO()
    raw.isatty = lambda: tty  # type: ignore[method-assign]
    stream = io.TextIOWrapper(raw, encoding=encoding)
    monkeypatch.setattr(sys, "stdout", stream)
    terminal.guard_standard_streams()
    stream.write("客服 ☐ é")
    stream.flush()
    assert raw.getvalue() == received
    assert (terminal.replacement_note() is not None) == note
