"""Hostile files in a playbook repository: special files, names that are not UTF-8, aliases
that multiply text, nesting that defeats a regular expression, numbers out of every range.

Special files are made inside tmp_path only; /dev/zero is reached only through a link inside
tmp_path, which the code must refuse to read.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cs_team.prescan import excess_structure
from cs_team.source import parse_file
from tests.conftest import RepoCopy
from tests.test_cli import invoke
from tests.test_source import only, parse

GBK_NAME = "工".encode("gbk") + b".yaml"


def _special_files(folder: Path) -> dict[str, str]:
    """Name -> the message each special file must get (a FIFO, a link to /dev/zero, a sparse file)."""
    os.mkfifo(folder / "fifo.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    with open(folder / "sparse.yaml", "wb") as sparse:
        sparse.truncate(3 * 1024 ** 3)  # 3 GiB of holes: nothing is written to disk
    return {
        "fifo.yaml": "not a regular file (a pipe); only regular files are read as playbooks",
        "zero.yaml": "not a regular file (a device); only regular files are read as playbooks",
        "sparse.yaml": "file is 3072.0 MiB; playbook files are read up to 5 MiB: split it into several files",
    }


def test_special_files_are_refused_never_read(tmp_path: Path) -> None:
    for name, message in _special_files(tmp_path).items():
        assert only(parse_file(tmp_path / name, name)) == ("CS005", 1, 1, message)


def test_special_files_in_a_repository_are_findings_and_the_rest_is_checked(repo: RepoCopy) -> None:
    expected = _special_files(repo.root)
    # One process with a hang guard: a FIFO that were opened for reading would block forever.
    done = subprocess.run([sys.executable, "-m", "cs_team", "lint", "--format", "parsable", "--no-cache",
                           "--lang", "en"], cwd=repo.root, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    assert done.stdout == "".join(f"{name}:1:1: error CS005 {message}\n" for name, message in sorted(expected.items()))
    done = subprocess.run([sys.executable, "-m", "cs_team", "interview-kit", "agent"], cwd=repo.root,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and "Traceback" not in done.stderr


def test_a_file_name_that_is_not_utf8_is_reported_escaped(repo: RepoCopy) -> None:
    role = repo.read("role.yaml").replace("id: agent\n", "id: agent-gbk\n")
    with open(os.path.join(os.fsencode(repo.root), b"roles-" + GBK_NAME), "wb") as file:
        file.write(role.encode())
    for _ in range(2):  # the second run reads the lint cache
        code, out, err = invoke(repo, "lint", "--format", "parsable", "--lang", "en")
        assert code == 1, err
        assert out == ("roles-\\xb9\\xa4.yaml:1:1: error CS014 the file name is not UTF-8 (shown here with \\x "
                       "escapes); it reads as 'roles-工.yaml' in GBK/GB18030: rename it to that, in UTF-8, so "
                       "that git, editors and other systems show the same name\n")
    code, out, _ = invoke(repo, "lint", "--format", "json")
    assert code == 1 and '"path": "roles-\\\\xb9\\\\xa4.yaml"' in out
    assert invoke(repo, "list", "roles")[0] == 0
    assert invoke(repo, "interview-kit", "agent-gbk", "--format", "html")[0] == 0
    assert invoke(repo, "build", "--out", str(repo.root.parent / "site"))[0] == 0


def test_an_anchored_string_aliased_many_times_is_capped_by_characters() -> None:
    """50,000 characters aliased 30,000 times: a few values, but 1.5 billion characters to scan."""
    text = "kind: question-bank\nformat: 1\nlong: &x " + "y" * 50_000 + "\nmany: [" + ", ".join(["*x"] * 30_000) + "]\n"
    assert only(parse(text)) == (
        "CS006", 3, 7, "aliases expand this document beyond 4 MiB of text; write the content out instead of "
        "repeating anchors")
    assert parse("a: &x " + "y" * 1000 + "\nb: [" + ", ".join(["*x"] * 100) + "]\n").findings == []


@pytest.mark.parametrize(("text", "offset"), [
    ("- " * 99 + " " * 5_000_000, None),  # backtracked for 13-27 s through a regular expression
    ("x: " + "- " * 99 + "a " + "- " * 100 + "b", 3 + 2 * 99 + 2),
    ("[" + "[]," * 200_000 + "[]]", 0),
])
def test_the_structure_prescan_is_one_pass(text: str, offset: int | None) -> None:
    found = excess_structure(text)
    assert (found[0] if found else None) == offset


def test_a_million_small_collections_are_refused_before_parsing() -> None:
    code, line, column, message = only(parse("rows: [" + "[]," * 200_000 + "[]]"))
    assert (code, line, column) == ("CS001", 1, 7)
    assert message == ("the file opens 200,002 collections with [ or { (at most 100,000 are read); playbooks "
                       "never need this: split the file")


@pytest.mark.parametrize(("file", "old", "new", "says"), [
    ("curriculum.yaml", "hours: 2", "hours: .inf", "modules[0].hours: must be a finite number (not .inf or .nan), got inf"),
    ("curriculum.yaml", "hours: 2", "hours: 1.0e+20", "modules[0].hours: must be at most 1000, got 1e+20"),
    ("hiring.yaml", "shrinkage: 30", "shrinkage: .nan", "shrinkage.total: must be a finite number (not .inf or .nan), got nan"),
    ("hiring.yaml", "screened_percent: 50", "screened_percent: 0",
     "sourcing[0].funnel.screened_percent: must be at least 0.01, got 0"),
    ("hiring.yaml", "days_to_fill: 30", "days_to_fill: 100000000000000000000",
     "sourcing[0].days_to_fill: must be at most 365, got 100000000000000000000"),
    ("scale.yaml", "value: 3", "value: 1000000000000000000000000000000000000000",
     "points[2].value: must be at most 100, got 1000000000000000000000000000000000000000"),
])
def test_every_number_has_a_range_and_is_found_at_its_line(repo: RepoCopy, file: str, old: str, new: str,
                                                            says: str) -> None:
    repo.edit(file, old, new)
    found = [f for f in repo.lint() if f.code == "CS104"]
    line, column = repo.at(file, new.split(": ", 1)[1], before=new.split(": ", 1)[0] + ": ")
    assert [(f.path, f.line, f.column) for f in found] == [(file, line, column)], found
    assert found[0].message == says


def test_the_schema_shows_the_ranges() -> None:
    from cs_team.schema import schemas

    hiring = schemas()["hiring-inputs.schema.json"]["definitions"]
    assert hiring["SourcingChannel"]["properties"]["days_to_fill"]["maximum"] == 365
    assert hiring["Funnel"]["properties"]["screened_percent"]["minimum"] == 0.01


def test_an_unknown_time_zone_is_found_at_its_line(repo: RepoCopy) -> None:
    repo.write("cs-team.yaml", repo.read("cs-team.yaml") + "timezone: Mars/Olympus\n")
    (finding,) = repo.lint()
    line, column = repo.at("cs-team.yaml", "Mars/Olympus")
    assert (finding.path, finding.line, finding.column, finding.code) == ("cs-team.yaml", line, column, "CS104")
    assert finding.message == ("timezone: unknown time zone 'Mars/Olympus': use an IANA name such as "
                               "Asia/Shanghai")


def test_bidi_controls_are_flagged_where_they_are(repo: RepoCopy) -> None:
    repo.edit("questions/bank.yaml", "讲一次有人冲你发火的经历", "讲一次有人\u202e冲你发火\u202c的经历")
    found = repo.lint()
    assert [(f.code, f.path, f.line, f.column) for f in found] == [
        ("CS015", "questions/bank.yaml", *repo.at("questions/bank.yaml", "\u202e")),
        ("CS015", "questions/bank.yaml", *repo.at("questions/bank.yaml", "\u202c"))]
    assert found[0].message == ("invisible bidirectional control U+202E (right-to-left override): it shows the "
                                "text around it in another order than the one written; delete it")


def test_score_with_a_broken_competency_file_names_the_problem(repo: RepoCopy) -> None:
    code, _, _ = invoke(repo, "eval-sheet", "scorecard", "--role", "agent", "--format", "yaml", "--out", "card.yaml")
    assert code == 0
    card = repo.read("card.yaml").replace('candidate: ""', "candidate: 王芳").replace(
        'interviewer: ""', "interviewer: 李雷").replace('recommendation: ""', "recommendation: yes")
    repo.write("card.yaml", card.replace('    rating:\n    evidence: ""', '    rating: 2\n    evidence: "ok"'))
    assert invoke(repo, "score", "card.yaml")[0] == 0
    repo.write("competencies/calm.yaml", repo.read("competencies/calm.yaml") + "name: [broken\n")
    code, out, err = invoke(repo, "score", "card.yaml", "--lang", "en")
    line, column = repo.at("card.yaml", "calm", before="competency: ")
    assert (code, out) == (1, "")
    assert err == (f"card.yaml:{line}:{column}: competency 'calm' of 'agent' is not usable: its playbook file "
                   "has errors (`cs-team lint` names them); fix them first\n"
                   "cs-team: error: 1 problem in the results files; nothing was scored\n")


def _week(extra: str = "", volume: str = "60") -> str:
    rows = "".join(f"2027-03-{1 + day:02d}T{hour:02d}:00,voice,{volume},300\n"
                   for day in range(7) for hour in range(24))
    return "interval_start,channel,volume,aht_seconds\n" + rows + extra


@pytest.mark.parametrize(("forecast", "says"), [
    # a field past the CSV reader's limit: a problem at the file, not a traceback
    ("interval_start,channel,volume,aht_seconds\n2027-03-01T00:00,voice," + "9" * 200_000 + ",300\n",
     "long.csv: CSV syntax error: field larger than field limit (131072)"),
    # two rows a century apart: refused from the count of missing intervals, never by walking them
    (_week("2127-03-01T00:00,voice,5,300\n"), "channel voice has no row for 876408 intervals"),
    # volumes no centre has: the Erlang bound says so
    (_week(volume="1000000000000"), "past what cs-team computes"),
])
def test_hostile_forecasts_are_one_line_problems(repo: RepoCopy, forecast: str, says: str) -> None:
    repo.write("long.csv", forecast)
    code, out, err = invoke(repo, "plan-hiring", "--forecast", "long.csv", "--as-of", "2026-12-01", "--lang", "en")
    assert (code, out) == (1, "")
    assert says in err and "Traceback" not in err
