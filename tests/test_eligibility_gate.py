"""CS255 reads a question's text with its full pattern only when a cheap first search finds one of
the words every match holds; the first search must never hide a match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cs_team.lint.rules.eligibility import _ELIGIBILITY_GATE, ELIGIBILITY

ASKS = [
    "你能接受夜班吗？", "是否适应轮班和周末值班", "可以配合节假日加班吗", "最早什么时候可以到岗？", "你多久能入职",
    "何时可以上班", "到岗时间", "你用过哪些工单系统？", "用过什么客服工作台", "英语水平如何", "有四级证书吗",
    "六级成绩", "Can you work night shifts?", "CAN YOU DO WEEKENDS", "When could you start?", "how soon can you join",
    "Start date", "Which ticketing tools have you used?", "Have you used any CRM software?",
    "English level", "CET-4", "cet6", "ſtart date", "Can you accept overtime on holidays?",
]
PIECES = [*ASKS, "你", "？", "，", "。", " ", "?", ".", ";", "the", "shift", "work", "you", "can", "ſ", "K", "İ",
          "系统", "工具", "夜班", "能", "接", "受", "四", "级"]


def test_each_ask_is_caught_by_both() -> None:
    for text in ASKS:
        assert ELIGIBILITY.search(text) and _ELIGIBILITY_GATE.search(text), text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=10).map("".join))
def test_the_first_search_never_hides_a_match(text: str) -> None:
    if ELIGIBILITY.search(text):
        assert _ELIGIBILITY_GATE.search(text)
