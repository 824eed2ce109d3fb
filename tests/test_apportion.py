"""Places split over service lines in proportion to head-count (largest remainder), and the
expert competition that ranks each candidate within their line."""

from __future__ import annotations

import json
from fractions import Fraction
from itertools import product
from pathlib import Path

import pytest

from cs_team.apportion import largest_remainder
from cs_team.repo import bundled_root
from tests.test_cli import invoke


def _places(places: int, counts: list[tuple[str, int]]) -> list[int]:
    return [share.places for share in largest_remainder(places, counts)]


def test_split_by_hand() -> None:
    # 6 x 96/192 = 3, 6 x 72/192 = 2.25, 6 x 24/192 = 0.75: floors 3, 2, 0; the place left goes to .75
    shares = largest_remainder(6, [("voice", 96), ("chat", 72), ("vip", 24)])
    assert [(s.line, s.quota, s.places) for s in shares] == [("voice", 3.0, 3), ("chat", 2.25, 2), ("vip", 0.75, 1)]
    # 5 x 120/210 = 2.857, 5 x 75/210 = 1.786, 5 x 15/210 = 0.357: floors 2, 1, 0; two left to .857, .786
    assert _places(5, [("voice", 120), ("chat", 75), ("vip", 15)]) == [3, 2, 0]
    # 6 x 120/210 = 3.429, 6 x 75/210 = 2.143, 6 x 15/210 = 0.429: voice and vip tie at 90/210;
    # the larger head-count wins it
    assert _places(6, [("voice", 120), ("chat", 75), ("vip", 15)]) == [4, 2, 0]
    assert _places(6, [("vip", 15), ("chat", 75), ("voice", 120)]) == [0, 2, 4]
    # equal head-counts and remainders: the line listed first
    assert _places(1, [("a", 10), ("b", 10)]) == [1, 0]


def test_split_matches_the_definition_exhaustively() -> None:
    """Against Hamilton's method worked in exact fractions for every small case."""
    for places, counts in product(range(0, 9), product(range(0, 6), repeat=3)):
        if sum(counts) == 0:
            continue
        lines = list(zip("abc", counts, strict=True))
        quotas = [Fraction(places * c, sum(counts)) for c in counts]
        got = _places(places, lines)
        assert sum(got) == places
        floors = [q.numerator // q.denominator for q in quotas]
        left = places - sum(floors)
        order = sorted(range(3), key=lambda i: (-(quotas[i] - floors[i]), -counts[i], i))
        assert got == [f + (i in order[:left]) for i, f in enumerate(floors)], (places, counts)


def test_nothing_to_split_is_refused() -> None:
    with pytest.raises(ValueError):
        largest_remainder(3, [("a", 0), ("b", 0)])


RECORDS = """kind: promotion-records
promotion: expert-competition
candidates:
{rows}
"""


def _row(name: str, line: str, score: int, grade: str = "cs-3") -> str:
    scores = ", ".join(f"{c}: {score}" for c in ("kpi-attainment", "collaboration", "improvement",
                                                 "interview", "review-ratings"))
    return (f"  - {{name: {name}, grade: {grade}, line: {line}, tenure_months: 30, performance: [A, B+], "
            f"scores: {{{scores}}}}}")


def test_expert_competition_fills_each_lines_places_from_its_own_ranking(tmp_path: Path) -> None:
    """Bundled: 6 places over voice 96, chat 72, VIP 24 give 3, 2, 1. Every component scored alike,
    so the final score is that score; the pass score is 80."""
    rows = [_row("A", "voice", 90), _row("B", "电话", 86), _row("C", "voice", 84), _row("D", "voice", 82),
            _row("E", "chat", 88), _row("F", "chat", 79), _row("G", "VIP专属服务", 81),
            _row("H", "vip", 95, grade="cs-2")]
    (tmp_path / "records.yaml").write_text(RECORDS.format(rows="\n".join(rows)), encoding="utf-8")
    code, out, err = invoke(bundled_root(), "promotion-rank", str(tmp_path / "records.yaml"), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [(p["line"], p["places"]) for p in data["places"]] == [("voice", 3), ("chat", 2), ("vip", 1)]
    assert [(c["name"], c["line"], c["final"], c["passes"], c["selected"]) for c in data["candidates"]] == [
        ("A", "voice", 90.0, True, True), ("E", "chat", 88.0, True, True), ("B", "voice", 86.0, True, True),
        ("C", "voice", 84.0, True, True), ("D", "voice", 82.0, True, False), ("G", "vip", 81.0, True, True),
        ("F", "chat", 79.0, False, None), ("H", "vip", None, None, None)]
    code, out, err = invoke(bundled_root(), "promotion-rank", str(tmp_path / "records.yaml"), "--lang", "en")
    assert code == 0, err
    assert "| Voice | 96 | 3.00 | 3 |" in out and "| VIP service | 24 | 0.75 | 1 |" in out
    assert "| 5 | D | Voice |" in out and "Passes, but the line's places are taken" in out


def test_a_line_the_competition_does_not_have_is_named(tmp_path: Path) -> None:
    (tmp_path / "records.yaml").write_text(RECORDS.format(rows=_row("A", "email", 90)), encoding="utf-8")
    code, _, err = invoke(bundled_root(), "promotion-rank", str(tmp_path / "records.yaml"))
    assert code == 1
    assert "records.yaml:4:" in err
    assert "no line 'email' in this competition: use one of voice (电话), chat (在线), vip (VIP专属服务)" in err


def test_the_promotion_sheet_shows_the_places_of_each_line() -> None:
    code, out, err = invoke(bundled_root(), "eval-sheet", "promotion", "--role", "service-expert", "--lang", "en")
    assert code == 0, err
    assert "| Applicant | Date | Line |" in out
    assert [line for line in out.splitlines() if line.startswith(("| Voice", "| Chat", "| VIP"))] == [
        "| Voice | 96 | 3.00 | 3 |", "| Chat | 72 | 2.25 | 2 |", "| VIP service | 24 | 0.75 | 1 |"]
