"""Two career tracks side by side: bands rank grades, progression rules move one step up a track."""

from __future__ import annotations

import pytest

from cs_team.loader import load_repository
from cs_team.playbook import Playbook
from tests.conftest import RepoCopy

TWO_TRACKS = """tracks:
  - {id: pro, name: {zh: 专业通道, en: Professional}}
  - {id: mgmt, name: {zh: 管理通道, en: Management}}
grades:
  - {id: g1, name: {zh: 专员一级, en: Agent I}, level: junior, track: pro, band: 1}
  - id: g2
    name: {zh: 专员二级, en: Agent II}
    level: intermediate
    track: pro
    band: 2
    progression:
      from_grade: g1
      min_months_in_grade: 6
      months_at_target: 3
      min_performance: B
      assessment: {zh: 理论考试和抽检, en: A test and sampled contacts}
  - {id: expert, name: {zh: 专家, en: Expert}, level: senior, track: pro, band: 4}
  - {id: lead, name: {zh: 组长, en: Team lead}, level: lead, track: mgmt, band: 3}
  - {id: super, name: {zh: 主管, en: Supervisor}, level: lead, track: mgmt, band: 4}
"""


def _two_tracks(repo: RepoCopy) -> None:
    text = repo.read("framework.yaml")
    repo.write("framework.yaml", text[: text.index("grades:")] + TWO_TRACKS)


def test_two_tracks_lint_clean_and_rank_by_band(repo: RepoCopy) -> None:
    _two_tracks(repo)
    assert repo.lint() == []
    playbook = Playbook(load_repository(repo.root, cwd=repo.root))
    # The expert ranks with the supervisor and above the team lead, though listed before both.
    assert [playbook.grade_rank(g) for g in ("g1", "g2", "expert", "lead", "super")] == [1, 2, 4, 3, 4]


def test_without_bands_the_list_order_ranks(repo: RepoCopy) -> None:
    playbook = Playbook(load_repository(repo.root, cwd=repo.root))
    assert [playbook.grade_rank(g) for g in ("g1", "g2", "nope")] == [0, 1, None]


def _found(repo: RepoCopy, code: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message) for f in repo.lint() if f.code == code]


BROKEN = [  # (old, new, where the finding points, the text before it, code, message)
    ("track: pro, band: 4}", "track: pro, band: 2}", "2}", "band: ", "CS260",
     "grade 'expert' has band 2, not above 'g2' (band 2) listed before it on the same track: list a "
     "track's grades lowest first, each band higher than the last"),
    (", track: mgmt, band: 3}", ", track: mgmt}", "{id: lead", "", "CS260",
     "grade 'lead' has no band while 4 grades of this framework have one: give every grade a band, or none"),
    ("from_grade: g1", "from_grade: lead", "lead", "from_grade: ", "CS261",
     "'g2' (track pro) is reached from 'lead' on another track (mgmt): a move across tracks is an "
     "internal competition, not a progression"),
    ("from_grade: g1", "from_grade: expert", "expert", "from_grade: ", "CS261",
     "progression into 'g2' from 'expert', which is not below it: a progression moves one grade up"),
]


@pytest.mark.parametrize(("old", "new", "target", "before", "code", "message"), BROKEN,
                         ids=["band-not-rising", "band-missing", "other-track", "from-above"])
def test_a_broken_ladder_is_found_where_it_breaks(repo: RepoCopy, old: str, new: str, target: str,
                                                  before: str, code: str, message: str) -> None:
    _two_tracks(repo)
    repo.edit("framework.yaml", old, new)
    line, column = repo.at("framework.yaml", target, before=before)
    assert _found(repo, code) == [(line, column, message)]


def test_progression_rating_must_be_a_rating(repo: RepoCopy) -> None:
    _two_tracks(repo)
    repo.edit("framework.yaml", "min_performance: B", "min_performance: B-")
    line, column = repo.at("framework.yaml", "B-")
    (message,) = [m for ln, col, m in _found(repo, "CS261") if (ln, col) == (line, column)]
    assert message.startswith("performance rating 'B-' is not one of the evaluation rules' ratings (")


def test_the_built_site_lays_the_tracks_side_by_side(repo: RepoCopy, tmp_path) -> None:
    from tests.test_cli import invoke

    _two_tracks(repo)
    repo.write("framework.yaml", repo.read("framework.yaml") + "authority:\n"
               "  - {id: coupon, name: {zh: 优惠券, en: Coupon}, unit: CNY, above: {zh: 经理, en: The manager},\n"
               "     limits: [{grade: super, up_to: 300}, {grade: g1, up_to: 20}, {grade: lead, up_to: 100}]}\n")
    assert repo.lint() == []
    code, _, err = invoke(repo, "build", "--out", str(tmp_path / "site"), "--lang", "en")
    assert code == 0, err
    page = (tmp_path / "site" / "career.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith("|")]
    assert rows == [
        "| Band | Professional | Management |", "|--:|---|---|",
        # highest band first; the expert shares band 4 with the supervisor; no grade at band 3 on the
        # professional track, none below 3 on the management track
        "| 4 | Expert | Supervisor |", "| 3 |  | Team lead |", "| 2 | Agent II |  |", "| 1 | Agent I |  |",
        "| From | To | Months in the grade | Months at target | Lowest rating | Assessment | Pass mark |",
        "|---|---|--:|--:|---|---|--:|",
        "| Agent I | Agent II | 6 | 3 | B | A test and sampled contacts | — |",
        # authority columns by band, then list order: Agent I (1), Team lead (3), Supervisor (4)
        "| Remedy | Agent I | Team lead | Supervisor | Above the limit |", "|---|--:|--:|--:|---|",
        "| Coupon (CNY) | 20 | 100 | 300 | The manager |",
    ]
    assert "[Career tracks and grades](career.md)" in (tmp_path / "site" / "index.md").read_text(encoding="utf-8")
