"""Work in a forked child (cs_team.forking) and where a cold lint uses one: the back of a large
repository parsed while the rules import (parse_ahead). A fork must never change a finding, only
when it is ready."""

from __future__ import annotations

import os
import shutil
import sys
import threading
from pathlib import Path

import pytest

from cs_team import forking, parse_ahead
from cs_team.lint.cache import lint_repository
from cs_team.repo import bundled_root, display_paths, playbook_files
from cs_team.source import parse_file

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only on Linux")


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two CPUs")
def test_a_fork_waits_for_a_free_cpu_and_a_single_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    cpus = len(os.sched_getaffinity(0))
    monkeypatch.setattr(os, "getloadavg", lambda: (cpus - 0.5, 0.0, 0.0))  # busy of late, but...
    monkeypatch.setattr(forking, "others_running", lambda: cpus - 2)  # ...a CPU is free now
    assert forking.can_fork()
    monkeypatch.setattr(forking, "others_running", lambda: cpus - 1)  # every other CPU taken now
    assert not forking.can_fork()
    monkeypatch.setattr(forking, "others_running", lambda: 0)
    monkeypatch.setattr(os, "getloadavg", lambda: (float(cpus), 0.0, 0.0))  # saturated for a minute
    assert not forking.can_fork()
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not forking.can_fork()
    finally:
        release.set()
        other.join()
    assert forking.can_fork()


def test_others_running_reads_the_present_and_leaves_this_process_out(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins
    import io

    real_open = builtins.open

    def fake(lines: str):
        return lambda path, *a, **k: io.StringIO(lines) if path == "/proc/loadavg" else real_open(path, *a, **k)

    monkeypatch.setattr(builtins, "open", fake("0.95 1.20 1.31 3/412 8812\n"))
    assert forking.others_running() == 2
    monkeypatch.setattr(builtins, "open", fake("0.00 0.00 0.00 1/90 17\n"))
    assert forking.others_running() == 0
    monkeypatch.setattr(builtins, "open", fake("garbled"))
    assert forking.others_running() == len(os.sched_getaffinity(0))  # unknown counts as busy


def test_a_childs_result_comes_back() -> None:
    child = forking.start(lambda: {"answer": [42, "四十二"]})
    assert child is not None
    assert child.result() == {"answer": [42, "四十二"]}
    assert child.result() is None  # reaped once


def test_a_child_that_fails_or_cannot_send_gives_none() -> None:
    def fails() -> None:
        raise ValueError("boom")

    for work in (fails, lambda: (lambda: 1)):  # a lambda cannot be pickled
        child = forking.start(work)
        assert child is not None
        assert child.result() is None


def test_a_child_closed_early_is_reaped() -> None:
    child = forking.start(lambda: "x" * 10_000_000)  # more than a pipe holds: the child blocks writing
    assert child is not None
    child.close()
    assert child.done


def test_a_worker_answers_requests_after_its_first_result() -> None:
    child = forking.start(lambda: "parsed", serve=True)
    assert child is not None
    assert child.result() == "parsed"
    first = child.ask(divmod, 17, 5)
    second = child.ask(sorted, ["乙", "甲", "c"])
    assert second.result() == sorted(["乙", "甲", "c"])  # read out of order: each gets its own
    assert first.result() == (3, 2)
    assert first.result() is None  # each answer is read once
    big = "字" * 3_000_000  # more than a pipe holds, both ways
    assert child.ask(str.upper, big).result() == big
    child.close()
    assert child.done
    assert child.ask(divmod, 1, 1).result() is None  # closed: the caller computes it itself


def test_a_failed_request_gives_none_and_the_caller_computes() -> None:
    child = forking.start(lambda: None, serve=True)
    assert child is not None
    child.result()
    assert child.ask(divmod, 1, 0).result() is None  # ZeroDivisionError in the worker
    assert child.ask(lambda: 1).result() is None  # a lambda cannot be sent
    child.close()


def test_a_worker_still_computing_is_not_waited_for() -> None:
    import time

    child = forking.start(lambda: None, serve=True)
    assert child is not None
    child.result()
    child.ask(time.sleep, 30)
    started = time.monotonic()
    child.close()
    assert time.monotonic() - started < 10  # killed, not waited out
    assert child.done


_PREPARED: list[str] = []


def _prepare() -> None:
    _PREPARED.append("ready")


def _prepared() -> list[str]:
    return list(_PREPARED)


def _fail() -> None:
    raise RuntimeError("nothing to prepare")


def test_a_worker_prepares_meanwhile_and_a_failure_there_changes_nothing() -> None:
    child = forking.start(lambda: "parsed", serve=True, meanwhile=_prepare)
    assert child is not None
    assert child.result() == "parsed"
    assert child.ask(_prepared).result() == ["ready"]  # in the worker, before its first answer
    child.close()
    assert _PREPARED == []  # not here
    child = forking.start(lambda: "parsed", serve=True, meanwhile=_fail)
    assert child is not None
    assert child.result() == "parsed"
    assert child.ask(divmod, 7, 2).result() == (3, 1)
    child.close()


def test_the_worker_finds_every_question_text_in_raw_data() -> None:
    import yaml

    bank = yaml.safe_load((bundled_root() / "questions" / "behavioural.yaml").read_text(encoding="utf-8"))
    found = list(parse_ahead.question_texts(bank))
    expected = [value for q in bank["questions"]
                for value in (q["text"].values() if isinstance(q["text"], dict) else [q["text"]])]
    assert found == expected and len(found) >= 2 * len(bank["questions"])  # zh and en of each
    assert list(parse_ahead.question_texts({"kind": "role", "questions": [{"text": "x"}]})) == []
    odd = {"kind": "question-bank", "questions": [None, {"text": 3}, {"text": {"zh": ["x"], "en": "y"}}, "z"]}
    assert list(parse_ahead.question_texts(odd)) == ["y"]  # whatever the shape: the model judges it


class _Failed:
    done = False

    def result(self) -> None:
        return None


def test_files_a_failed_child_owned_are_parsed_here(tmp_path: Path) -> None:
    root = bundled_root()
    paths = playbook_files(root, [], [])
    displays = display_paths(root, paths, tmp_path)
    ahead = parse_ahead.ParseAhead(_Failed(), paths[::2], displays[::2])  # type: ignore[arg-type]
    parsed = ahead.parse(paths, displays, Path.read_bytes)
    expected = [parse_file(path, display) for path, display in zip(paths, displays, strict=True)]
    assert [(p.display, p.data, p.findings) for p in parsed] == [(p.display, p.data, p.findings) for p in expected]


def _flawed_department(root: Path) -> None:
    """The bundled department with findings in the files a child parses (the back of the list) and
    a near duplicate (CS209: a cross-file rule on what the child parsed)."""
    shutil.copytree(bundled_root(), root)
    bank = root / "questions" / "behavioural.yaml"
    text = bank.read_text(encoding="utf-8")
    first = text.index("  - id: beh-explain-complex")
    end = text.index("  - id:", first + 1)
    bank.write_text(text + text[first:end].replace("beh-explain-complex", "beh-explain-copy"), encoding="utf-8")
    (root / "zz").mkdir()
    (root / "zz" / "broken.yaml").write_text("kind: role\nid: [unclosed\n", encoding="utf-8")
    (root / "zz" / "late.yaml").write_text(
        "kind: rating-scale\nformat: 1\nid: late\nid: later\nstarts: 18:00\nnote: \u202eevil\n", encoding="utf-8")


def _lint(root: Path) -> list[tuple]:
    run = lint_repository(root, root, use_cache=False)
    return [(f.path, f.line, f.column, f.code, f.message, f.phrase) for f in run.findings]


def test_a_forked_lint_finds_exactly_what_a_serial_one_does(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "repo"
    _flawed_department(root)
    with monkeypatch.context() as serial:
        serial.setattr(forking, "can_fork", lambda only_to_a_free_cpu=True: False)
        expected = _lint(root)
    codes = {finding[3] for finding in expected}
    assert {"CS001", "CS002", "CS015", "CS209", "CS223"} <= codes, codes

    results: list[object] = []
    start = forking.start

    answers: list[object] = []

    def spied(work, serve=False, meanwhile=None):
        child = start(work, serve=serve, meanwhile=meanwhile)
        assert child is not None
        result, ask = child.result, child.ask
        child.result = lambda: results.append(result()) or results[-1]  # type: ignore[method-assign]

        def asked(function, *args):
            reply = ask(function, *args)
            answer = reply.result
            reply.result = lambda: answers.append(answer()) or answers[-1]  # type: ignore[method-assign]
            return reply

        child.ask = asked  # type: ignore[method-assign]
        return child

    monkeypatch.setattr(forking, "start", spied)
    monkeypatch.setattr(forking, "can_fork", lambda only_to_a_free_cpu=True: True)  # however loaded the machine running this
    monkeypatch.setattr(parse_ahead, "MIN_BYTES", 0)
    assert _lint(root) == expected
    # the child ran and its parse was used (it holds the findings of the files at the back)
    assert len(results) == 1 and results[0] is not None, results
    assert any(f.code == "CS002" for *_, findings, _ in results[0] for f in findings)  # type: ignore[union-attr]
    # and, as a worker, it compared the question texts (CS209) while the other rules ran
    assert len(answers) == 1 and answers[0], answers


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two CPUs")
def test_jobs_choose_the_processes_and_not_the_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "repo"
    _flawed_department(root)
    monkeypatch.setattr(parse_ahead, "MIN_BYTES", 0)
    started: list[bool] = []
    start = forking.start
    monkeypatch.setattr(forking, "start", lambda work, serve=False, meanwhile=None:
                        started.append(serve) or start(work, serve, meanwhile))

    def lint(jobs: str) -> list[tuple]:
        run = lint_repository(root, root, use_cache=False, jobs=jobs)
        return [(f.path, f.line, f.column, f.code, f.message) for f in run.findings]

    monkeypatch.setattr(forking, "others_running", lambda: 64)  # every CPU taken
    serial = lint("auto")
    assert started == []
    assert lint("2") == serial and started == [True]  # a worker however busy the machine
    monkeypatch.setattr(forking, "others_running", lambda: 0)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert lint("1") == serial and started == [True]  # never
    assert lint("auto") == serial and started == [True, True]  # a CPU is free
