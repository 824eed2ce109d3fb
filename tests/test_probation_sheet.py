"""The probation sheet states the labour contract's term and the probation art. 19 allows for it."""

from __future__ import annotations

import pytest

from tests.conftest import RepoCopy
from tests.test_cli import invoke


@pytest.mark.parametrize(("term", "months", "shown", "law"), [
    ("36", 3, "| 36 months | 3 months |", "at most 6 months of probation for this term"),
    ("12", 2, "| 12 months | 2 months |", "at most 2 months of probation for this term"),
    ("11", 1, "| 11 months | 1 month |", "at most one month of probation for this term"),
    ("open-ended", 6, "| Open-ended | 6 months |", "at most 6 months of probation for this term"),
    ("2", 1, "| 2 months | 1 month |", "a contract of this term allows no probation"),
])
def test_the_sheet_shows_the_term_and_its_cap(repo: RepoCopy, term: str, months: int, shown: str,
                                               law: str) -> None:
    repo.edit("evaluation.yaml", "  contract_months: 36\n  months: 3\n",
              f"  contract_months: {term}\n  months: {months}\n")
    code, out, err = invoke(repo, "eval-sheet", "probation", "--role", "agent", "--lang", "en", "--format", "md")
    assert code == 0, err
    assert "| Contract term | Probation |" in out and shown in out
    assert f"Labour Contract Law, art. 19: {law}" in out


def test_a_sheet_without_a_term_asks_for_it(repo: RepoCopy) -> None:
    repo.edit("evaluation.yaml", "  contract_months: 36\n", "")
    code, out, _ = invoke(repo, "eval-sheet", "probation", "--role", "agent", "--lang", "zh", "--format", "html")
    assert code == 0
    assert "劳动合同期限</th><td>未注明" in out and "请在考核规则中注明合同期限" in out


def test_the_bundled_sheet_in_chinese() -> None:
    from pathlib import Path

    bundled = Path(__file__).parent.parent / "playbooks"
    code, out, _ = invoke(bundled, "eval-sheet", "probation", "--role", "agent-1", "--format", "md")
    assert code == 0
    assert "| 36 个月 | 3 个月 |" in out
    assert "《劳动合同法》第十九条：此期限的合同试用期最长 6 个月，只约定一次，不得延长" in out
