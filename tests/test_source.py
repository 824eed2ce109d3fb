"""Bad input of every kind gets a clear finding with file, line and column, never a crash."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_team import source
from cs_team.alias_guard import loader_for
from cs_team.findings import Span
from cs_team.node_path import span_at
from cs_team.repo import bundled_root
from cs_team.source import MAX_BYTES, ParsedFile, parse_file, parse_text
from tests.conftest import RepoCopy, position


def parse(text: str) -> ParsedFile:
    parsed = ParsedFile(Path("x.yaml"), "x.yaml")
    parse_text(text, parsed)
    return parsed


def only(parsed: ParsedFile) -> tuple[str, int, int, str]:
    (finding,) = parsed.findings
    return finding.code, finding.line, finding.column, finding.message


def test_utf8_with_bom_loads(repo: RepoCopy) -> None:
    text = repo.read("scale.yaml")
    repo.write("scale.yaml", codecs.BOM_UTF8 + text.encode("utf-8"))
    assert repo.lint() == []


def test_gbk_file_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("kind: role\ntitle: 客服专员\n".encode("gbk"))
    assert only(parse_file(path, "gbk.yaml")) == (
        "CS003", 2, 8, "file is not UTF-8 (byte 0xBF cannot be decoded); it looks like GBK/GB18030: "
        "convert it with `iconv -f GB18030 -t UTF-8`, or re-save it as UTF-8 in your editor")


def test_utf16_file(tmp_path: Path) -> None:
    path = tmp_path / "utf16.yaml"
    path.write_bytes("kind: role\n".encode("utf-16"))
    code, line, column, message = only(parse_file(path, "utf16.yaml"))
    assert (code, line, column) == ("CS003", 1, 1)
    assert "UTF-16" in message


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n# and another\n"])
def test_empty_or_comment_only_file_is_a_warning(text: str) -> None:
    assert only(parse(text)) == ("CS004", 1, 1, "file holds no YAML document (it is empty or only comments)")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "picture.yaml"
    path.write_bytes(b"kind: role\n\x89PNG\x00\x00\x01")
    assert only(parse_file(path, "picture.yaml")) == (
        "CS005", 2, 5, "file is binary (it contains NUL bytes), not YAML text")


def test_fifty_megabyte_file_is_refused_without_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    line = b"- {id: q, text: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa}\n"
    path.write_bytes(line * (50 * 1024 * 1024 // len(line)))
    assert path.stat().st_size > MAX_BYTES
    code, _, _, message = only(parse_file(path, "huge.yaml"))
    assert code == "CS005"
    assert message.startswith("file is 50.0 MiB; playbook files are read up to 5 MiB")


def test_unreadable_path(tmp_path: Path) -> None:
    code, _, _, message = only(parse_file(tmp_path / "missing.yaml", "missing.yaml"))
    assert code == "CS005"
    assert message.startswith("cannot read the file")


def test_billion_laughs_is_stopped() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        prev, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    code, line, _, message = only(parse("\n".join(lines)))
    assert code == "CS006"
    assert message.startswith("aliases expand this document beyond 1,000,000 values")
    assert line < 10


def test_a_few_aliases_are_fine() -> None:
    parsed = parse("base: &b {zh: 你好, en: Hello}\ncopy: *b\n")
    assert parsed.findings == []
    assert parsed.data["copy"] == {"zh": "你好", "en": "Hello"}


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, "x:\n  " + "- " * 100_000 + "a"])
def test_pathological_nesting_is_refused_before_libyaml_sees_it(text: str) -> None:
    code, _, _, message = only(parse(text))
    assert code == "CS001"
    assert "nested more than 1000 levels" in message


def test_duplicate_key_keeps_both_positions() -> None:
    assert only(parse("id: a\nname: x\nid: b\n")) == (
        "CS002", 3, 1, "key 'id' appears twice in this mapping (first on line 1); the first value would be lost")


@pytest.mark.parametrize("alias", ["", "anchor: &n 1\n"])  # an alias takes the generic constructor
def test_keys_written_differently_but_equal_are_duplicates(alias: str) -> None:
    parsed = parse(f"{alias}levels:\n  yes: a\n  2: b\n  true: c\n  '2': d\n")
    duplicates = [(f.line, f.message) for f in parsed.findings if f.code == "CS002"]
    assert duplicates == [(4 + bool(alias), "key 'true' is the same key as 'yes' on line "
                           f"{2 + bool(alias)}; the first value would be lost")]
    assert parsed.data["levels"] == {True: "c", 2: "b", "2": "d"}


def test_merge_keys_are_not_duplicates() -> None:
    parsed = parse("base: &b {a: 1}\nmerged:\n  <<: *b\n  a: 2\n")
    assert parsed.findings == []
    assert parsed.data["merged"] == {"a": 2}


def test_yaml_11_booleans_and_base_60_times() -> None:
    parsed = parse("flag: on\nstart: 10:30\nend: 09:00\n")
    assert only(parsed)[:3] == ("CS007", 1, 7)
    assert parsed.data == {"flag": True, "start": "10:30", "end": "09:00"}


def test_tab_indentation_says_to_use_spaces() -> None:
    code, line, _, message = only(parse("a:\n\tb: 1\n"))
    assert (code, line) == ("CS001", 2)
    assert "indent with spaces, not tabs" in message or "tab" in message


def test_control_character() -> None:
    assert only(parse("a: b\nc: \x07\n")) == (
        "CS001", 2, 4, "control character U+0007 is not allowed in YAML; delete it")


def test_unsafe_tags_are_refused() -> None:
    code, line, column, message = only(parse("a: !!python/object/apply:os.system [echo hi]\n"))
    assert (code, line, column) == ("CS001", 1, 4)
    assert "could not determine a constructor" in message


def test_missing_kind_and_format(repo: RepoCopy) -> None:
    repo.write("extra.yaml", "id: nothing\n")
    repo.write("extra2.yaml", "kind: role\nid: x\n")
    found = [(f.path, f.code, f.line, f.column, f.message) for f in repo.lint() if f.path.startswith("extra")]
    assert found[0] == ("extra.yaml", "CS009", 1, 1, "missing `kind:`; say what this document is: one of "
                        "career-framework, rating-scale, competency, role, question-bank, curriculum, "
                        "onboarding-template, evaluation-rules, hiring-inputs, hiring-scenario, demand-pattern, work-calendar, qa-form, survey")
    assert ("extra2.yaml", "CS010", 1, 1, "missing `format: 1` (the cs-team format version this file "
            "follows)") in found
    # the rest of the document is still checked
    assert any(code == "CS101" and "missing required key 'title'" in message
               for path, code, _, _, message in found if path == "extra2.yaml")


def test_a_document_that_is_not_a_mapping(repo: RepoCopy) -> None:
    repo.write("list.yaml", "- a\n- b\n")
    (finding,) = [f for f in repo.lint() if f.path == "list.yaml"]
    assert (finding.code, finding.line, finding.column) == ("CS103", 1, 1)


def test_text_of_the_wrong_shape(repo: RepoCopy) -> None:
    repo.edit("role.yaml", "title: {zh: 客服专员, en: Service agent}", "title: [客服专员]")
    (finding,) = repo.lint()
    assert (finding.code, finding.message) == (
        "CS103", "title: expected text: a string, or a mapping of languages such as {zh: ..., en: ...}; got a list")
    assert (finding.line, finding.column) == repo.at("role.yaml", "[客服专员]")


def test_quoted_number_is_a_type_error(repo: RepoCopy) -> None:
    repo.edit("role.yaml", "weight: 40}", "weight: '40'}")
    (finding,) = repo.lint()
    assert (finding.code, finding.message) == (
        "CS103", "hiring_criteria[1].weight: expected a number, got text '40'")


def test_bad_id(repo: RepoCopy) -> None:
    repo.edit("role.yaml", "id: agent", "id: Service Agent")
    found = [f for f in repo.lint() if f.path == "role.yaml"]
    assert [(f.code, f.message) for f in found] == [
        ("CS104", "id: text 'Service Agent' is not a valid id: use lower-case letters, digits, '-', '_' "
                  "and '.', starting with a letter or digit")]


def test_bad_config(repo: RepoCopy) -> None:
    repo.write("cs-team.yaml", "format: 1\nname: x\nlanguages: [zh]\ndefault_language: en\n")
    (finding,) = repo.lint()
    assert (finding.path, finding.code) == ("cs-team.yaml", "CS104")
    assert "default_language 'en' is not in languages ['zh']" in finding.message


# The direct walk (constructor.construct_data) must build exactly what PyYAML's generic
# constructor builds, and report the same findings, for any text: compare the two.

def _construct(text: str, generic: bool) -> tuple[str, list[tuple[str, int, str]]]:
    reports: list[tuple[str, int, str]] = []
    loader = loader_for(text, lambda code, node, message: reports.append(
        (code, node.start_mark.line, message)))
    try:
        node = loader.get_single_node()
        if node is None:
            return "no document", reports
        data = loader.construct_document(node) if generic else loader.construct_data(node)
    except yaml.YAMLError as error:
        return f"error {type(error).__name__}: {error}", reports
    finally:
        loader.dispose()
    # repr: a NaN equals itself there, and dict order counts; findings are sorted by position later
    return repr(data), sorted(reports)


SHIPPED = sorted(p for root in (bundled_root(), *Path("examples").iterdir()) if root.is_dir()
                 for p in root.rglob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=str)
def test_direct_walk_builds_shipped_files_without_the_generic_constructor(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    expected = _construct(text, generic=True)
    if "*" not in text:  # no alias: the generic constructor must not be needed at all
        monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_document", None)
    assert _construct(text, generic=False) == expected


SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8), st.dates(),
    st.datetimes(), st.sampled_from(["yes", "off", "10:30", "0x1f", "0o17", "1_000", ".inf", "~",
                                     "2026-02-30", "<<", "=", "1e3", "-.5", "+12"]))
KEYS = st.one_of(st.text(max_size=4), st.integers(-3, 3), st.booleans(), st.none())
DATA = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)), max_leaves=20)
PIECES = ["a: 1\n", "a: 2\n", "- x\n", "  b: yes\n", "<<: {a: 9}\n", "? [k]\n: v\n", "!!set {x}\n",
          "!!str 5\n", "!!binary aGk=\n", "!!omap [a: 1]\n", "True: 1\n", "true: 2\n", "1: x\n",
          "'1': y\n", "c: 10:30\n", "d: 2026-02-30\n", "e: !!float 1\n", "f: [g, {h: i}]\n", "[[[1]]]\n"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(DATA.map(lambda data: yaml.safe_dump(data, allow_unicode=True)),
                 DATA.map(lambda data: yaml.safe_dump(data, default_flow_style=True)),
                 st.lists(st.sampled_from(PIECES), max_size=8).map("".join)))
def test_direct_walk_matches_the_generic_constructor(text: str) -> None:
    assert _construct(text, generic=False) == _construct(text, generic=True)


def test_direct_walk_falls_back_past_the_recursion_limit() -> None:
    parsed = parse("[" * 999 + "]" * 999)  # deeper than Python lets the walk recurse
    assert parsed.findings == []
    data, depth = parsed.data, 1
    while data != []:
        (data,), depth = data, depth + 1
    assert depth == 999


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=12), st.sampled_from(
           ["", "~", "null", "Null", "NO", "on", "0x1F", "0o7", "0b101", "1_000", "-1.5e3", ".NaN", "+.inf",
            "190:20:30", "2026-11-22", "2026-11-22T09:30:00+08:00", "<<", "=", "!", "&", "*", "yes"])),
       st.booleans(), st.sampled_from([yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode]))
def test_quick_resolver_agrees_with_pyyaml(value: str, plain: bool, kind: type) -> None:
    loader = loader_for("a", lambda *report: None)
    assert None not in loader.yaml_implicit_resolvers and not loader.yaml_path_resolvers
    implicit = (plain, not plain)
    assert loader.resolve(kind, value, implicit) == yaml.resolver.Resolver.resolve(
        loader, kind, value, implicit)
    loader.dispose()


def test_the_node_tree_is_let_go_and_composed_again_for_positions() -> None:
    parsed = parse("a: 1\nlist:\n  - x\n  - {zh: 你好, en: Hello}\n")
    assert parsed.has_document and parsed._node is None  # not held for files without findings
    assert span_at(parsed.node, ("list", 1, "en")) == Span(4, 18, 4, 23)
    assert parsed.node is parsed.node  # composed once
    assert parse("").node is None and parse("a: [").node is None


def _tree(node: yaml.Node) -> object:
    """A node tree as values and positions, to compare two trees."""
    marks = (node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return node.value, marks
    if isinstance(node, yaml.MappingNode):
        return [(_tree(k), _tree(v)) for k, v in node.value], marks
    return [_tree(item) for item in node.value], marks


@pytest.mark.parametrize("merge", [False, True])
def test_a_large_file_keeps_the_tree_libyaml_composes(merge: bool) -> None:
    """A large file's tree is kept from the parse rather than composed again for positions: the
    same nodes at the same places; with a merge key (which PyYAML's constructor rewrites in
    place) it is composed again, so positions stay the file's."""
    base = "base: &base {minutes: 5}\n" if merge else ""
    items = "".join(f"  - id: q{n:05d}\n    text: {{zh: 问题{n}, en: Question {n}}}\n"
                    + ("    <<: *base\n" if merge else "    minutes: 5\n") for n in range(2000))
    text = f"kind: question-bank\n{base}questions:\n{items}"
    assert len(text) >= source.KEEP_TREE_CHARS
    parsed = parse(text)
    assert parsed.has_document and (parsed._node is not None) is not merge
    assert _tree(parsed.node) == _tree(yaml.compose(text, Loader=yaml.CSafeLoader))
    line, column = position(text, "Question 1234", "en: ")
    assert span_at(parsed.node, ("questions", 1234, "text", "en")) == Span(line, column, line, column + 13)
    small = parse(text[:4000].rsplit("\n  - ", 1)[0] + "\n")
    assert small.has_document and small._node is None and small.node is not None


@pytest.mark.parametrize(("text", "unquoted"), [
    ("a: 18:00\n", True),               # base 60 to YAML 1.1
    ("a: 1:30.5\n", True),              # a base-60 float
    ("a: 2027-01-29\n", True),          # a date
    ("a: [x, {b: 2027-01-29 10:00:00}]\n", True),
    ('a: "18:00"\n', False),            # quoted: text to every reader
    ("a: '2027-01-29'\n", False),
    ("a: 12\nb: 1.5\nc: yes\nd: ~\ne: at 18:00\n", False),  # numbers, words, a time inside text
    ("a: !!str 18:00\n", False),        # a tag: the resolver is not asked (CS223 looks for '!')
])
def test_parse_tells_whether_a_plain_value_reads_as_a_date_or_time(text: str, unquoted: bool) -> None:
    # CS223 walks a file's tree only when this is set: it must be set for every value CS223 reports
    assert parse(text).unquoted_time is unquoted
