"""CS285-CS286: a theory test's pass mark means what it says, checked against an exhaustive count
of the scores a test of n equal items can give."""

from __future__ import annotations

from fractions import Fraction

import pytest

from cs_team.lint.rules.theory_tests import requirement
from tests.conftest import RepoCopy


def _bank(methods: str, pass_mark: str, items: int) -> str:
    lines = [f"      methods: {methods}\n      pass_mark: {pass_mark}\n", "      items:\n"]
    for i in range(1, items + 1):
        lines.append(f"        - {{id: q{i}, question: {{zh: 第 {i} 题, en: Question {i}}}, "
                     f"options: [{{zh: 甲 {i}, en: A {i}}}, {{zh: 乙 {i}, en: B {i}}}], answer: 1}}\n")
    return "".join(lines)


def _with_bank(repo: RepoCopy, methods: str, pass_mark: str, items: int) -> None:
    repo.edit("curriculum.yaml", "      methods: [simulation]\n      pass_mark: 80\n", _bank(methods, pass_mark, items))


def _found(repo: RepoCopy, lang: str = "en") -> list[tuple[str, int, int, str]]:
    return [(f.code, f.line, f.column, f.text(lang)) for f in repo.lint() if f.code in ("CS285", "CS286")]


@pytest.mark.parametrize("items", range(1, 41))
def test_the_requirement_is_the_smallest_reachable_score_at_the_pass_mark(items: int) -> None:
    for pass_mark in (50, 60, 66.7, 70, 75, 80, 83.3, 85, 90, 95, 100):
        reachable = [100 * right / items for right in range(items + 1)]
        score = min(s for s in reachable if s >= pass_mark - 1e-9)
        need = requirement(items, pass_mark)
        assert need.score == pytest.approx(score), (items, pass_mark)
        # short by more than half an item: the pass mark sits nearer the count below
        mark = Fraction(str(pass_mark))
        nearest = min(range(items + 1), key=lambda right: (abs(Fraction(100 * right, items) - mark), -right))
        assert need.rounds_short == (nearest < need.right), (items, pass_mark)


def test_a_pass_mark_on_an_exact_item_count_is_not_rounded_up() -> None:
    assert requirement(20, 85).right == 17  # 85 x 20 / 100 in floating point is 17.000000000000004
    assert requirement(3, 66.7).right == 3 and requirement(3, 66.6).right == 2


def test_three_items_at_80_take_all_three(repo: RepoCopy) -> None:
    _with_bank(repo, "[theory]", "80", 3)
    line, column = repo.at("curriculum.yaml", "items")
    assert _found(repo) == [("CS285", line, column, "module 'm-calls': a theory test of 3 items with a pass mark "
                             "of 80 really takes every item right (100 points); each item is worth 33.3 points, "
                             "so one item decides the result: a graded test needs at least 10 items (each worth "
                             "at most 10 points), add 7")]
    assert _found(repo, "zh")[0][3] == ("课程“m-calls”的理论考试 3 题、及格线 80 分：实际须全对；每题占 33.3 分，"
                                        "一题之差就定及格与否，计分的考试至少要 10 题（每题不超过 10 分），请再加 7 题")


def test_six_items_at_60_say_how_many_a_pass_takes(repo: RepoCopy) -> None:
    _with_bank(repo, "[theory]", "60", 6)
    assert "really takes 4 of 6 right (66.7 points); each item is worth 16.7 points" in _found(repo)[0][3]


@pytest.mark.parametrize(("methods", "items", "target", "says"), [
    ("[theory, simulation]", 4, "items", "module 'm-calls': its theory test has only 4 items, each worth 25 points "
     "of the theory score, so one item swings the result: a graded test needs at least 10 items (each worth at "
     "most 10 points), add 6"),
    ("[theory]", 12, "85", "module 'm-calls': 12 items with a pass mark of 85 read as about 10 right, but a pass "
     "really takes 11 of 12 (91.7 points); write pass_mark: 91.6 if that is meant, or 83.3 to pass at 10 right"),
])
def test_a_small_bank_beside_a_simulation_or_a_pass_mark_that_reads_short(repo: RepoCopy, methods: str, items: int,
                                                                          target: str, says: str) -> None:
    """Beside a simulation only the bank's size is judged (the module passes on the mean); on a
    theory-only test, 85 of 12 items reads as 10 right and takes 11."""
    _with_bank(repo, methods, "85", items)
    line, column = repo.at("curriculum.yaml", target)
    assert _found(repo) == [("CS285", line, column, says)]


def test_the_suggested_pass_marks_take_what_they_say() -> None:
    assert requirement(12, 91.6).right == 11 and requirement(12, 83.3).right == 10


@pytest.mark.parametrize(("items", "pass_mark"), [(10, "80"), (10, "85"), (10, "75"), (12, "80"), (20, "85"),
                                                  (12, "90"), (10, "100")])
def test_banks_of_ten_or_more_with_a_pass_mark_that_reads_true_are_clean(repo: RepoCopy, items: int,
                                                                         pass_mark: str) -> None:
    _with_bank(repo, "[theory]", pass_mark, items)
    assert repo.lint() == []


def test_the_same_pass_mark_beside_a_simulation_passes_on_the_mean(repo: RepoCopy) -> None:
    _with_bank(repo, "[theory, simulation]", "85", 12)
    assert repo.lint() == []


@pytest.mark.parametrize(("methods", "pass_mark", "items", "says"), [
    ("[theory]", "0.8", 10, "pass mark 0.8 reads as a fraction of 1; pass marks are percents, write 80"),
    ("[theory]", "8", 10, "pass mark 8 reads as a count of items (8 of its 10 right); pass marks are percents, "
                          "write 80"),
    ("[theory]", "7", 3, "pass mark 7 reads as a mark out of 10; pass marks are percents, write 70"),
    ("[simulation]", "8", 0, "pass mark 8 reads as a mark out of 10; pass marks are percents, write 80"),
    ("[theory]", "40", 10, "a pass mark of 40 out of 100 passes someone who got most of it wrong"),
])
def test_a_pass_mark_written_out_of_another_total(repo: RepoCopy, methods: str, pass_mark: str, items: int,
                                                  says: str) -> None:
    if items:
        _with_bank(repo, methods, pass_mark, items)
    else:
        repo.edit("curriculum.yaml", "      pass_mark: 80\n", f"      pass_mark: {pass_mark}\n")
    line, column = repo.at("curriculum.yaml", pass_mark, before="pass_mark: ")
    found = _found(repo)
    assert [(code, at_line, at_column) for code, at_line, at_column, _ in found] == [("CS286", line, column)]
    assert says in found[0][3]


def _shipped_items() -> list[tuple[str, str, object]]:
    from pathlib import Path

    from cs_team.loader import load_repository
    from cs_team.playbook import Playbook
    from cs_team.repo import bundled_root

    examples = Path(__file__).parent.parent / "examples"
    found = []
    for root in (bundled_root(), examples / "bank-card-centre", examples / "ecommerce-shop"):
        book = Playbook(load_repository(root, cwd=root))
        for module in book.modules.values():
            for item in module.assessment.items if module.assessment else []:
                found.append((root.name, f"{module.id}/{item.id}", item))
    return found


def test_no_two_shipped_test_items_ask_nearly_the_same_thing() -> None:
    """The banks were grown to ten items a test: no item is a reworded copy of another, in
    any module of any shipped repository (the bar test_bundled sets for interview questions)."""
    from cs_team.similarity import similar_pairs, tokens

    items = _shipped_items()
    assert len(items) >= 210
    for lang, threshold in (("zh", 0.5), ("en", 0.55)):
        shown = [(where, name, item.question.get(lang, "zh")) for where, name, item in items
                 if lang == "zh" or item.question.written >= {"en"}]
        sets = [tokens(text) for _, _, text in shown]
        close = [(shown[i][1], shown[j][1], round(s, 2)) for i, j, s in similar_pairs(sets, threshold)]
        assert close == [], lang


def test_every_shipped_item_offers_distinct_options() -> None:
    for where, name, item in _shipped_items():
        options = [option.get("zh", "zh") for option in item.options]
        assert len(set(options)) == len(options), (where, name)


def test_no_shipped_bank_keeps_its_answers_in_one_place() -> None:
    """A paper whose answers are mostly B is passed by answering B: no option letter holds more
    than half of a module's answers."""
    by_module: dict[tuple[str, str], list[int]] = {}
    for where, name, item in _shipped_items():
        by_module.setdefault((where, name.split("/")[0]), []).append(item.answer)
    crowded = {module: answers for module, answers in by_module.items()
               if max(answers.count(a) for a in set(answers)) * 2 > len(answers)}
    assert crowded == {}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_longest_option_is_no_way_to_pass(lang: str) -> None:
    """Careful right answers tend to run longer than the wrong ones; a paper where they always
    do is passed by picking the longest option. In every shipped bank that strategy scores under
    half, below any pass mark the house uses."""
    by_module: dict[tuple[str, str], list[bool]] = {}
    for where, name, item in _shipped_items():
        if lang == "en" and not item.question.written >= {"en"}:
            continue
        lengths = [len(option.get(lang, "zh")) for option in item.options]
        longest = max(lengths)
        hit = lengths.count(longest) == 1 and lengths.index(longest) + 1 == item.answer
        by_module.setdefault((where, name.split("/")[0]), []).append(hit)
    scores = {module: round(100 * sum(hits) / len(hits)) for module, hits in by_module.items()}
    assert {module: score for module, score in scores.items() if score >= 50} == {}
