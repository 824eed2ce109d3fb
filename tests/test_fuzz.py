"""Randomly broken playbooks never make the linter raise; every finding has a real position."""

from __future__ import annotations

import contextlib
import math
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from cs_team.findings import Finding, Severity
from cs_team.interview import plan_interview
from cs_team.lint.runner import run
from cs_team.listing import LISTERS, rows
from cs_team.loader import load_repository
from cs_team.model import KINDS, Config
from cs_team.playbook import Playbook
from tests.conftest import MINIMAL
from tests.test_source import parse

DEPTH = float(os.environ.get("CS_TEAM_FUZZ_DEPTH", "1"))
"""How hard the fuzz tests search: their example counts are multiplied by it (CS_TEAM_FUZZ_DEPTH=10
for a long run before a release; the default keeps the suite quick)."""


def examples(count: int) -> int:
    return max(1, round(count * DEPTH))


FILES = sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*.yaml"))
YAML_BITS = [":", "-", " ", "\n", "\t", "[", "]", "{", "}", ",", "&a", "*a", "!!", "#", "'", '"',
             "|", ">", "? ", "---", "yes", "null", "1e9", "-1", "10:30", "客服", "\ufeff", "%", "@", "\\"]
ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
    st.text(max_size=12), st.lists(st.integers(), max_size=3),
    st.dictionaries(st.sampled_from(["id", "zh", "en", "x", "kind"]), st.text(max_size=5), max_size=3),
)


def check_all(root: Path) -> list[Finding]:
    repo = load_repository(root, cwd=root)
    findings = run(repo)
    playbook = Playbook(repo)
    for role in playbook.roles.values():
        plan_interview(playbook, role)
    for kind in LISTERS:
        rows(playbook, kind, "en")
    for finding in findings:
        assert finding.line >= 1 and finding.column >= 1, finding
        assert (root / finding.path).is_file(), finding
    return findings


def with_file(name: str, content: str | bytes) -> list[Finding]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "repo"
        shutil.copytree(MINIMAL, root)
        target = root / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        return check_all(root)


@st.composite
def text_mutations(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(FILES))
    text = (MINIMAL / name).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        operation = draw(st.sampled_from(["delete", "insert", "duplicate", "swap", "indent"]))
        at = draw(st.integers(0, len(text)))
        if operation == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        elif operation == "insert":
            bits = draw(st.lists(st.sampled_from(YAML_BITS) | st.text(max_size=3), min_size=1, max_size=5))
            text = text[:at] + "".join(bits) + text[at:]
        else:
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            if operation == "duplicate":
                lines.insert(i, lines[i])
            elif operation == "swap":
                lines[i], lines[j] = lines[j], lines[i]
            else:
                lines[i] = " " * draw(st.integers(1, 6)) + lines[i]
            text = "\n".join(lines)
    return name, text


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_mutations())
def test_mutated_text_never_raises(mutation: tuple[str, str]) -> None:
    with_file(*mutation)


def _paths(value: object, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*path, i))
    return found


def _replace(value: object, path: tuple, new: object) -> object:
    if not path:
        return new
    head, *rest = path
    copy = dict(value) if isinstance(value, dict) else list(value)  # type: ignore[call-overload]
    copy[head] = _replace(copy[head], tuple(rest), new)
    return copy


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FILES), st.data())
def test_values_of_the_wrong_shape_never_raise(name: str, data: st.DataObject) -> None:
    original = yaml.safe_load((MINIMAL / name).read_text(encoding="utf-8"))
    path = data.draw(st.sampled_from(_paths(original)[1:]))
    new = data.draw(ODD_VALUES)
    if isinstance(new, float) and not math.isfinite(new):
        new = float("inf")
    mutated = _replace(original, path, new)
    text = yaml.safe_dump(mutated, allow_unicode=True, sort_keys=False)
    findings = with_file(name, text)
    # A document its model rejects is never linted clean: the error is reported in that file.
    kind = mutated.get("kind")
    model = Config if name == "cs-team.yaml" else KINDS.get(kind) if isinstance(kind, str) else None
    try:
        accepted = model is not None and model.model_validate(yaml.safe_load(text)) is not None
    except ValidationError:
        accepted = False
    if not accepted:
        assert any(f.path == name and f.severity is Severity.ERROR for f in findings), (path, new)


@settings(max_examples=examples(50), deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(content: bytes) -> None:
    with_file("role.yaml", content)


@contextlib.contextmanager
def refused_as_the_cli_would() -> Iterator[None]:
    """Rendering may refuse an odd playbook, but only as the CLI reports a user error: a message
    in words (no Python object or traceback in it) and exit code 1 or 2."""
    from cs_team.errors import CsTeamError

    try:
        yield
    except CsTeamError as error:
        message = str(error)
        assert message.strip() and "Traceback" not in message and " object at 0x" not in message, message
        assert error.exit_code in (1, 2), (error.exit_code, message)


def render_everything(root: Path) -> None:
    """Every document of every role, each either rendered or refused with a user-facing error."""
    from cs_team.documents.contexts import DOCUMENTS, context
    from cs_team.documents.output import render

    playbook = Playbook(load_repository(root, cwd=root))
    for role in playbook.roles.values():
        for name, output, lang in zip(DOCUMENTS, ["html", "md", "md", "html", "md"],
                                      ["zh-en", "en", "zh", "en", "zh-en"], strict=True):
            with refused_as_the_cli_would():
                render(playbook, name, output, lang, **context(playbook, role, name))
        # the onboarding plan in every format, and the traceability report
        import datetime as dt

        from cs_team.documents.onboarding import onboarding
        from cs_team.documents.onboarding_json import as_dict
        from cs_team.documents.output import onboarding_plan
        from cs_team.render.ics import plan_calendar
        from cs_team.schedule.calendar import PlainWeekdays
        from cs_team.schedule.cohort import Hire
        from cs_team.trace import trace

        with refused_as_the_cli_would():
            view = onboarding(playbook, role, Hire("甲", "乙", dt.date(2026, 11, 2)), PlainWeekdays(),
                              "Asia/Shanghai")
            onboarding_plan(playbook, view, "html", "zh-en")
            onboarding_plan(playbook, view, "md", "en")
            as_dict(view, "zh")
            from cs_team.documents.output import language

            plan_calendar(view, language(playbook, "zh"))
        trace(playbook, role)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FILES), st.data())
def test_documents_from_odd_playbooks_never_raise(name: str, data: st.DataObject) -> None:
    original = yaml.safe_load((MINIMAL / name).read_text(encoding="utf-8"))
    path = data.draw(st.sampled_from(_paths(original)[1:]))
    mutated = _replace(original, path, data.draw(ODD_VALUES))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "repo"
        shutil.copytree(MINIMAL, root)
        (root / name).write_text(yaml.safe_dump(mutated, allow_unicode=True, sort_keys=False), encoding="utf-8")
        render_everything(root)


# -- hostile generators: expansion, overflowing numbers, special files, long lines -------------------
# Kept to few examples: each is a whole class of input, and the suite must stay within its time.

@settings(max_examples=12, deadline=None)
@given(st.integers(1, 60_000), st.integers(1, 40_000))
def test_anchored_strings_expand_to_a_capped_size(length: int, aliases: int) -> None:
    from cs_team.alias_guard import MAX_EXPANDED_CHARS

    text = f"long: &x {'y' * length}\nmany: [" + ", ".join(["*x"] * aliases) + "]\n"
    codes = [f.code for f in parse(text).findings]
    assert codes == (["CS006"] if length * aliases > MAX_EXPANDED_CHARS else [])


NUMBERS = st.one_of(
    st.integers(0, 6000).map(lambda n: "9" * max(n, 1)),
    st.integers(-400, 400).map(lambda e: f"1.0e{e:+d}"),
    st.sampled_from([".inf", "-.inf", ".nan", "-0", "0", "5.0e-324", "1.7976931348623157e+308", "0x7fffffffffffffff"]),
)
NUMERIC_FIELDS = [("curriculum.yaml", "hours: 2"), ("hiring.yaml", "shrinkage: 30"), ("hiring.yaml", "days_to_fill: 30"),
                  ("role.yaml", "weight: 40"), ("scale.yaml", "value: 3"), ("onboarding.yaml", "days: 5")]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(NUMERIC_FIELDS), NUMBERS)
def test_overflowing_numbers_never_raise(field: tuple[str, str], number: str) -> None:
    name, written = field
    text = (MINIMAL / name).read_text(encoding="utf-8")
    if written not in text:
        return
    key = written.split(":")[0]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "repo"
        shutil.copytree(MINIMAL, root)
        (root / name).write_text(text.replace(written, f"{key}: {number}", 1), encoding="utf-8")
        check_all(root)
        render_everything(root)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["fifo", "zero", "sparse", "folder"]), st.sampled_from(FILES))
def test_special_files_never_hang_or_raise(tmp_path: Path, kind: str, name: str) -> None:
    """Made inside tmp_path only; /dev/zero is reached only through a link the loader must refuse."""
    import os

    with tempfile.TemporaryDirectory(dir=tmp_path) as folder:
        root = Path(folder) / "repo"
        shutil.copytree(MINIMAL, root)
        target = root / name
        target.unlink()
        if kind == "fifo":
            os.mkfifo(target)
        elif kind == "zero":
            target.symlink_to("/dev/zero")
        elif kind == "sparse":
            with open(target, "wb") as sparse:
                sparse.truncate(64 * 1024 * 1024)
        else:
            target.mkdir()
        findings = run(load_repository(root, cwd=root))  # a folder named *.yaml is not walked as a file
        render_everything(root)
        if kind != "folder":
            assert [(f.code, f.path) for f in findings if f.code == "CS005"] == [("CS005", name)]


@settings(max_examples=8, deadline=None)
@given(st.lists(st.sampled_from(["- ", "? ", "[", "]", "{", "}", ", ", " ", "\t", "a", ": ", "*a", "&a "]),
                min_size=1, max_size=6), st.integers(1_000, 400_000))
def test_long_lines_never_raise(pieces: list[str], repeat: int) -> None:
    line = ("".join(pieces) * (repeat // len("".join(pieces)) + 1))[:repeat]
    for text in (line, "key: " + line, "- " * 99 + " " * repeat):
        parse(text)
