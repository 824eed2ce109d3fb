"""The materials the content refers to: the authority list (授权表), theory-test item banks and
the shadowing record (旁听记录表), linted where they break and printed on the training sheet."""

from __future__ import annotations

from tests.conftest import RepoCopy
from tests.test_cli import invoke

AUTHORITY = """authority:
  - id: coupon
    name: {zh: 优惠券, en: Coupon}
    unit: CNY
    limits:
      - {grade: g2, up_to: 50}
      - {grade: g1, up_to: 20}
"""
ITEMS = """      methods: [theory, simulation]
      items:
        - id: q-greet
          question: {zh: 接起电话先说什么？, en: What do you say first?}
          options: [{zh: 您好, en: Hello}, {zh: 喂, en: Yes?}, {zh: 什么事, en: What is it?}]
          answer: 1
        - id: q-hold
          question: {zh: 让客户等待前要做什么？, en: What comes before putting a caller on hold?}
          options: [{zh: 直接静音, en: Mute at once}, {zh: 说明原因和大约时间, en: Say why and for how long}]
          answer: 2
"""


def _found(repo: RepoCopy, code: str) -> list[tuple[str, int, int, str]]:
    return [(f.path, f.line, f.column, f.message) for f in repo.lint() if f.code == code]


def test_a_well_ordered_authority_list_is_clean(repo: RepoCopy) -> None:
    repo.write("framework.yaml", repo.read("framework.yaml") + AUTHORITY)
    assert repo.lint() == []


def test_authority_names_a_grade_once_and_known(repo: RepoCopy) -> None:
    repo.write("framework.yaml", repo.read("framework.yaml") + AUTHORITY.replace(
        "      - {grade: g1, up_to: 20}\n", "      - {grade: g3, up_to: 20}\n      - {grade: g2, up_to: 60}\n"))
    unknown = repo.at("framework.yaml", "g3")
    twice = repo.at("framework.yaml", "g2", before="grade: ", nth=1)
    assert _found(repo, "CS263") == [
        ("framework.yaml", *unknown, "the authority list names grade 'g3', which does not exist"),
        ("framework.yaml", *twice, "grade 'g2' is listed twice for remedy 'coupon' (first as limit 1)"),
    ]


def test_test_items_that_cannot_be_marked(repo: RepoCopy) -> None:
    repo.edit("curriculum.yaml", "      methods: [simulation]\n", ITEMS.replace("answer: 2", "answer: 3")
              .replace("id: q-hold", "id: q-greet"))
    twice = repo.at("curriculum.yaml", "q-greet", nth=1)
    answer = repo.at("curriculum.yaml", "3", before="answer: ")
    assert _found(repo, "CS264") == [
        ("curriculum.yaml", *twice, "item id 'q-greet' is used twice in module 'm-calls' (first as item 1)"),
        ("curriculum.yaml", *answer, "item 'q-greet' gives option 3 as the answer, but it has 2 options"),
    ]


def test_the_training_sheet_prints_the_test_its_key_and_the_shadowing_record(repo: RepoCopy) -> None:
    repo.edit("curriculum.yaml", "      methods: [simulation]\n", ITEMS)
    repo.edit("curriculum.yaml", "    competencies: [listening]\n", "    competencies: [listening]\n"
              "    shadowing_record: [{zh: 客户诉求, en: What the customer wanted}, {zh: 我的疑问, en: My questions}]\n")
    # two items show the layout; CS285 rightly says they are too few to grade
    assert [f.code for f in repo.lint()] == ["CS285"]
    code, out, err = invoke(repo, "eval-sheet", "training", "--role", "agent", "--lang", "en")
    assert code == 0, err
    test = out[out.index("## Theory test questions"):out.index("## Answer key")]
    assert test.split("\n") == [
        "## Theory test questions", "", "### Taking calls", "", "1. What do you say first?",
        "    - ☐ A. Hello", "    - ☐ B. Yes?", "    - ☐ C. What is it?", "",
        "2. What comes before putting a caller on hold?", "    - ☐ A. Mute at once",
        "    - ☐ B. Say why and for how long", "", ""]
    assert "| Taking calls | 1 A; 2 B |" in out
    record = out[out.index("## Shadowing record · Introduction"):]
    assert record.split("\n")[4:8] == ["| # | What the customer wanted | My questions |", "|--:|---|---|",
                                       "| 1 | | |", "| 2 | | |"]
    assert record.count("\n|") == 2 + 8  # header, rule and eight rows to fill


def test_every_shipped_theory_test_has_an_item_bank() -> None:
    """A trainer can run each theory test of the bundled department and the examples on day one."""
    from pathlib import Path

    from cs_team.loader import load_repository
    from cs_team.playbook import Playbook
    from cs_team.repo import bundled_root

    examples = Path(__file__).parent.parent / "examples"
    short = {}
    for root in (bundled_root(), examples / "bank-card-centre", examples / "ecommerce-shop"):
        book = Playbook(load_repository(root, cwd=root))
        for module in book.modules.values():
            if module.assessment and "theory" in module.assessment.methods:
                short[(root.name, module.id)] = len(module.assessment.items)
    assert len(short) == 21
    assert {key: n for key, n in short.items() if n < 10} == {}  # CS285: enough items to grade
