"""Lint speaks the reader's language: every catalogue message in zh and en, whole lines in one
language, and the cache keeps the wording."""

from __future__ import annotations

import re
import string

import pytest

from cs_team.wording import Phrase, _catalogue, phrase
from tests.conftest import RepoCopy
from tests.test_cli import invoke

CJK = re.compile(r"[\u4e00-\u9fff]")
# What may stay as written in a Chinese line: quoted ids and values, `code`, paths, rule names.
QUOTED = re.compile(r"“[^”]*”|'[^']*'|\"[^\"]*\"|`[^`]*`|\[[a-z0-9-]+\]|\S+\.ya?ml(?::\d+)*|\b[A-Z]{2,}\d*\b"
                    r"|cs-team|zh-Hant")
ENGLISH_RUN = re.compile(r"\b[A-Za-z]{2,}(?:[ -][A-Za-z]{2,})+\b")

# Placeholders a language may leave out: zh does not name the topic the summary already names.
OPTIONAL = {("rules.fair_hiring", "topic"), ("shortfall.more_places", "count"),
            ("shortfall.more_places", "more")}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(_catalogue()))
def test_every_message_is_written_in_both_languages(key: str) -> None:
    texts = _catalogue()[key]
    assert set(texts) == {"zh", "en"}, key
    assert not CJK.search(texts["en"]), f"{key}: Chinese in the English text"
    names = {name for name in _fields(texts["en"]) | _fields(texts["zh"]) if (key, name) not in OPTIONAL}
    assert _fields(texts["en"]) >= names and _fields(texts["zh"]) >= names, f"{key}: placeholders differ"
    if CJK.search(texts["en"]) is None and any(c.isalpha() for c in texts["en"].replace("{", "")):
        stripped = QUOTED.sub("", re.sub(r"\{[^}]*\}", "", texts["zh"]))
        assert not ENGLISH_RUN.search(stripped), f"{key}: English words in the Chinese text: {texts['zh']}"


def test_a_phrase_survives_the_cache_format() -> None:
    nested = phrase("rules.unknown_reference", namespace=phrase("namespace.role"), key="agnet",
                    hint=phrase("hint.did_you_mean", name="agent"))
    assert Phrase.from_data(nested.as_data()) == nested
    assert nested.word("zh") == "未知的岗位“agnet”；是不是想写“agent”？"
    assert nested.word("en") == "unknown role 'agnet'; did you mean 'agent'?"
    with pytest.raises(ValueError):
        Phrase.from_data({"key": "no.such.message", "values": {}})
    with pytest.raises(ValueError):
        Phrase.from_data({"key": "rules.unknown_reference", "values": {"key": ["a", "list"]}})


MISTAKES = [
    ("role.yaml", "{competency: calm, weight: 40}", "{competency: clam, weight: 45}"),
    ("role.yaml", "csat_percent: 85", "csat_percent: 0.85\n  nps_score: 3"),
    ("hiring.yaml", "shrinkage: 30", "shrinkage: 100"),
    ("curriculum.yaml", "    hours: 2\n", "    hours: 2\n    prerequisites: [m-calls]\n"),
    ("scale.yaml", "kind: rating-scale\n", "kind: rating-scale\nformat: 1\n"),
]


def test_every_line_lint_prints_in_zh_is_chinese(repo: RepoCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    """A repository with a mistake of each common kind, linted in zh: no line mixes in English
    words beyond the quoted ids, paths and codes; the same run from the cache says the same."""
    monkeypatch.delenv("CS_TEAM_LANG")  # the fixture's language: zh
    for file, old, new in MISTAKES:
        repo.edit(file, old, new)
    code, out, err = invoke(repo, "lint")
    assert code == 1
    lines = [*out.splitlines(), *err.splitlines()]
    assert len(lines) >= 6
    for line in lines:
        message = line.split(" ", 3)[-1] if re.match(r"\S+:\d+:\d+: CS\d{3} ", line) else line
        assert CJK.search(message), line
        assert not ENGLISH_RUN.search(QUOTED.sub("", message)), line
    again = invoke(repo, "lint")
    assert again == (code, out, err)  # from the cache, worded the same
    code, english, _ = invoke(repo, "lint", "--lang", "en")
    assert not CJK.search(QUOTED.sub("", english))
    assert len(english.splitlines()) == len(out.splitlines())


def test_every_document_label_is_whole_in_both_languages() -> None:
    """An unquoted comma in a flow mapping cuts a label in two (``en: People on each shift, day by
    day`` leaves "People on each shift" and a key "day by day"): every label is zh and en text."""
    from cs_team.render.language import catalogue

    def leaves(node: dict, path: str = ""):
        for name, value in node.items():
            if isinstance(value, dict) and {"zh", "en"} & set(value):
                yield f"{path}{name}", value
            elif isinstance(value, dict):
                yield from leaves(value, f"{path}{name}.")
            else:
                assert name == "weekday_names" or path.startswith("weekday_names"), f"{path}{name}: {value!r}"

    for key, texts in leaves(catalogue()):
        if key == "weekday_names":
            continue
        assert set(texts) == {"zh", "en"}, key
        assert all(isinstance(text, str) and text for text in texts.values()), key


def _zh_texts():
    """Every Chinese text of the three catalogues: lint's, the commands' and the documents'."""
    from cs_team.render.language import catalogue

    def leaves(node: dict, path: str):
        for name, value in node.items():
            if isinstance(value, dict) and isinstance(value.get("zh"), str):
                yield f"{path}{name}", value["zh"]
            elif isinstance(value, dict):
                yield from leaves(value, f"{path}{name}.")

    yield from ((key, texts["zh"]) for key, texts in _catalogue().items())
    yield from leaves(catalogue(), "render:")


def test_no_chinese_message_quotes_with_ascii_quotes() -> None:
    """A Chinese sentence quotes an id, a name or a value with “ ”, never with ASCII '…' or "…"
    (code in backticks, a YAML or shell example, keeps its own quotes), and puts no space beside
    them: 未知的岗位“agnet”, not 未知的岗位 'agnet'."""
    ascii_quoted = re.compile(r"'[^'\s][^']*'|\"[^\"\s][^\"]*\"")
    found = []
    for key, text in _zh_texts():
        outside_code = re.sub(r"`[^`]*`", "", text)
        if ascii_quoted.search(outside_code) or re.search(r" “[^ ]|[^ ]” ", outside_code):
            found.append(f"{key}: {text}")
    assert found == []


def test_the_quote_check_catches_a_placeholder_in_ascii_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above is not vacuous: the message it was written for, as it read, fails it."""
    import cs_team.wording as wording

    planted = {**_catalogue(), "planted.old": {"zh": "未知的{namespace} '{key}'{hint}", "en": "x"}}
    monkeypatch.setattr(wording, "_catalogue", lambda: planted)
    monkeypatch.setitem(globals(), "_catalogue", lambda: planted)
    with pytest.raises(AssertionError, match=r"planted\.old"):
        test_no_chinese_message_quotes_with_ascii_quotes()


@pytest.mark.parametrize(("count", "en"), [
    (0, "0 problems in the input files; nothing was computed"),
    (1, "1 problem in the input files; nothing was computed"),
    (2, "2 problems in the input files; nothing was computed"),
    (1.0, "1 problem in the input files; nothing was computed"),
    (1.5, "1.5 problems in the input files; nothing was computed"),
])
def test_an_english_count_names_its_noun_in_the_singular_or_plural(count: float, en: str) -> None:
    said = phrase("inputs.problems", count=count)
    assert said.word("en") == en
    assert said.word("zh") == f"输入文件有 {count:g} 处问题，未做任何计算"  # Chinese has no plural


def test_no_english_message_says_s_in_brackets() -> None:
    """"1 question(s)" is how a program counts, not how a person writes: every English text
    that counts says "1 question" or "3 questions" through the plural form."""
    from cs_team.render.language import catalogue

    def english(node: dict):
        for value in node.values():
            if isinstance(value, dict):
                yield from ([value["en"]] if isinstance(value.get("en"), str) else english(value))

    texts = [texts["en"] for texts in _catalogue().values()] + list(english(catalogue()))
    assert [text for text in texts if re.search(r"\w\((s|es)\)", text)] == []


def test_a_document_label_counts_in_the_singular_or_plural() -> None:
    from cs_team.render.language import Language

    english = Language("en", "zh")
    assert english.label("questions_n", n=1) == "1 question"
    assert english.label("questions_n", n=3) == "3 questions"
    assert Language("zh", "zh").label("questions_n", n=3) == "3 题"


def test_chinese_puts_a_space_between_a_chinese_word_and_a_latin_one_filled_in() -> None:
    """The house writes 这是 KPI 导出 and 第 3 行: a value filled in next to a Chinese character
    gets the space the sentence itself would have had; one in “ ” gets none."""
    from cs_team.wording import fill

    assert fill("这是{other}，不是{expected}", {"other": "KPI 导出", "expected": "质检评估表"}, spaced=True) \
        == "这是 KPI 导出，不是质检评估表"
    assert fill("{n}处", {"n": 3}, spaced=True) == "3 处"
    assert fill("未知的键 {key} 在此", {"key": "“k”"}, spaced=True) == "未知的键“k”在此"
    assert fill("这是{other}", {"other": "KPI"}) == "这是KPI"  # English documents are left alone


def test_a_list_of_ids_is_enumerated_as_each_language_lists() -> None:
    """Ids in a row take the Chinese enumeration comma in a Chinese sentence: 可用的值：fast、standard."""
    from cs_team.wording import enumerated

    said = phrase("hint.use_one_of", choices=enumerated(["fast", "standard", "extended"]))
    assert said.word("zh") == "；可用的值：fast、standard、extended"
    assert said.word("en") == "; use one of: fast, standard, extended"
    assert Phrase.from_data(said.as_data()) == said  # the lint cache keeps it
