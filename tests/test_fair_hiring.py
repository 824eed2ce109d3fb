"""Fair-hiring rules: every phrasing the domain brief lists is caught; ours are not flagged."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_team.lint.rules.fair_hiring import problems, topics_worth_checking
from tests.conftest import RepoCopy

# The phrasings DOMAIN.md section 8 lists, with the rule each must trigger.
DOMAIN_PHRASINGS = [
    ("您结婚了吗", "CS301"), ("有对象吗", "CS301"), ("打算什么时候结婚", "CS301"),
    ("打算什么时候要孩子", "CS302"), ("要二胎吗", "CS302"), ("现在怀孕了吗", "CS302"),
    ("能保证几年内不生吗", "CS302"), ("只招男生", "CS303"), ("男性优先", "CS303"),
    ("您是哪里人", "CS304"), ("户口在哪", "CS304"), ("农村户口还是城镇户口", "CS304"),
    ("您是什么民族", "CS305"), ("信什么教", "CS306"), ("有宗教信仰吗", "CS306"),
    ("有没有乙肝", "CS307"), ("是乙肝携带者吗", "CS307"), ("有没有残疾", "CS308"),
    ("有什么病史", "CS309"), ("有没有贷款", "CS310"), ("35岁以上不考虑", "CS311"),
    ("Are you married?", "CS301"), ("Do you plan to have kids soon?", "CS302"),
    ("Men preferred for night shifts", "CS303"), ("Where is your hukou?", "CS304"),
    ("Are you a hepatitis B carrier?", "CS307"), ("How old are you?", "CS311"),
    # a story question can probe as much as a direct one
    ("讲一次你结婚前后工作安排的变化", "CS301"), ("你的爱人支持你上夜班吗", "CS301"),
    ("Tell me about when you got married.", "CS301"), ("How does your wedding affect your shifts?", "CS301"),
]

NOT_PROBES = [
    "面试中不得询问婚育情况、籍贯和宗教信仰。",  # guidance that forbids the question
    "Do not ask about marital status or religion.",
    "一位客户来电，说自己是账户持有人的丈夫，要求你告诉他妻子账户的订单。你会怎么处理？",
    "一位六十多岁的客户打来电话，说看不懂自动续费。",
    "Types under 40 characters a minute, or the reply misses the question.",
    "为女儿订购的生日礼物没有按时送达。",
    "请讲一次你犯了错并影响到别人的经历。",
    "你的服务对象是谁？你怎样判断他们的需要？",
    "客户说她丈夫替她下的单，要求你把订单改到她名下。",
    "A customer asks you to change the delivery address to her wedding venue.",
]


@pytest.mark.parametrize(("text", "code"), DOMAIN_PHRASINGS)
def test_domain_phrasings_are_caught(text: str, code: str) -> None:
    assert code in {found for found, _ in problems(text)}


@pytest.mark.parametrize("text", NOT_PROBES)
def test_customers_and_guidance_are_not_flagged(text: str) -> None:
    assert list(problems(text)) == []


def test_each_language_is_reported_where_it_is_written(repo: RepoCopy) -> None:
    repo.edit("questions/bank.yaml", "{zh: 讲一次你弄清别人真正需要什么的经历, en: Tell me about a time you found out what someone really needed}",
              "{zh: 你结婚了吗？, en: Are you married?}")
    found = [(f.code, f.line, f.column) for f in repo.lint()]
    assert found == [("CS301", *repo.at("questions/bank.yaml", "你结婚了吗？")),
                     ("CS301", *repo.at("questions/bank.yaml", "Are you married?"))]


def test_role_play_scenarios_describe_the_customer(repo: RepoCopy) -> None:
    repo.edit("questions/bank.yaml", "persona: {zh: 包裹迟到的客户, en: A customer whose parcel is late}",
              "persona: {zh: 王女士，35 岁，已婚，为孩子买的礼物迟到了, en: 'Ms Wang, 35, married; a gift for her child is late'}")
    assert repo.lint() == []


def test_suppression_with_a_reason(repo: RepoCopy) -> None:
    repo.edit("questions/bank.yaml", "{zh: 讲一次你弄清别人真正需要什么的经历, en: Tell me about a time you found out what someone really needed}",
              "{zh: 本岗位需要核查征信，你是否同意？, en: This post needs a credit check; do you consent?}"
              "  # cs-team: disable CS310 -- 银行卡中心岗位依监管要求核查征信")
    assert repo.lint() == []


def test_suppression_on_the_line_above_covers_the_next_line(repo: RepoCopy) -> None:
    repo.edit("role.yaml", "  experience_years: 0\n",
              "  experience_years: 0\n  # cs-team: disable age-limit -- 依法须年满 18 周岁（夜班）\n  traits: [18岁以下不招]\n")
    # the age limit is suppressed; the plain string still lacks its English version
    assert [f.code for f in repo.lint()] == ["CS208"]


def test_reason_is_optional_outside_fair_hiring(repo: RepoCopy) -> None:
    repo.edit("role.yaml", "csat_percent: 85", "csat_percent: 0.85  # cs-team: disable CS211")
    assert repo.lint() == []


def test_suppression_naming_no_rule(repo: RepoCopy) -> None:
    repo.edit("role.yaml", "grade: g1\n", "grade: g1  # cs-team: disable CS999 -- typo\n")
    (finding,) = repo.lint()
    assert (finding.code, finding.message) == ("CS012", "'CS999' names no rule")


FRAGMENTS = [text for text, _ in DOMAIN_PHRASINGS] + NOT_PROBES + [
    "你", "您", "吗", "？", "。", "，", "不得询问", "客户", "请讲一次", "35", "岁", "以下", "年内", "不会", "生",
    "男", "女", "士", "优先", "只招", "信", "什么", "教", "体检", "报告", "身体", "状况", "Are you", "married",
    "single", " only", "men", "preferred", "how old", " are you", "hiv", "AIDS", "loans", "credit score",
    "Do not", ". ", "\n", "home town", "aged over 40", "years old", "start a family", "plan to have kids",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=12).map("".join))
def test_the_anchor_gate_never_hides_a_match(text: str) -> None:
    """The fast first pass must only skip texts the full patterns would not match anyway."""
    assert list(problems(text)) == list(problems(text, gate=False))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=6).map("".join), max_size=8))
def test_one_pass_over_many_texts_matches_one_text_at_a_time(texts: list[str]) -> None:
    lowered = [t.lower() for t in texts]
    assert topics_worth_checking(lowered) == [topics_worth_checking([t])[0] for t in lowered]


@pytest.mark.parametrize("default", ["zh", "en"])
def test_the_finding_reads_in_the_readers_language(repo: RepoCopy, default: str) -> None:
    """Whatever the team's default language, the whole finding is worded in the language asked for."""
    repo.edit("cs-team.yaml", "default_language: zh", f"default_language: {default}")
    repo.edit("questions/bank.yaml", "{zh: 讲一次你弄清别人真正需要什么的经历, en: Tell me about a time you found out what someone really needed}",
              "{zh: 你结婚了吗？, en: Are you married?}")
    findings = repo.lint()
    assert {f.text("en") for f in findings} == {
        f"question 'q-listen' touches marital status (\"{quoted}\"): A question or requirement probes "
        "marital status. Remove it; `cs-team rules CS301` gives the law and a better question"
        for quoted in ("你结婚了吗", "Are you married")}
    assert {f.text("zh") for f in findings} == {
        f"题目“q-listen”触及招聘中不得询问的话题（“{quoted}”）：题目或任职要求涉及婚姻状况。请删除；"
        "`cs-team rules CS301` 会给出法律依据和更好的问法"
        for quoted in ("你结婚了吗", "Are you married")}


def _anchored_word_by_word(lowered: list[str]) -> dict[int, set[str]]:
    """The first pass as first written, one text at a time: the Chinese anchors' pattern, and
    every \\b[a-z]+\\b word looked up."""
    from cs_team.lint.rules import fair_hiring

    hits: dict[int, set[str]] = {}
    for index, text in enumerate(lowered):
        for match in fair_hiring._CJK_GATE.finditer(text):
            hits.setdefault(index, set()).update(fair_hiring._CJK_CODES[match.group()])
        for word in re.findall(r"\b[a-z]+\b", text):
            codes = set(fair_hiring._WORD_CODES.get(word, ()))
            for stem, stem_codes in fair_hiring._STEM_CODES.items():
                if word.startswith(stem):
                    codes |= stem_codes
            if codes:
                hits.setdefault(index, set()).update(codes)
    return hits


EDGES = ["age", "aged", "agency", "old", "hold", "marr", "marriage", "disabled", "home", "hometown", "wife",
         "_", "2", "x", "é", "你", "，", " ", "-", "\x00", "İ", "K", "Where", "OLD", "single", "men", "women"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(EDGES + FRAGMENTS) | st.text(max_size=3), max_size=8).map("".join),
                max_size=6))
def test_the_gate_finds_the_anchors_a_word_by_word_search_finds(texts: list[str]) -> None:
    """Anchors glued to letters, digits, underscores or Chinese are not words; at a text's edge
    or beside punctuation they are, in every text of a batch."""
    from cs_team.lint.rules import fair_hiring

    lowered = [t.lower() for t in texts]
    assert fair_hiring._anchored(lowered) == _anchored_word_by_word(lowered)
