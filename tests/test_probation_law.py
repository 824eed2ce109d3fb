"""Probation under the Labour Contract Law (art. 19, 83) and per-KPI ramps on the review sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cs_team.documents.sheets import probation, whole
from cs_team.lint.rules.probation import legal_cap, proposes_extension
from cs_team.lint.rules.quoting import misread
from cs_team.loader import load_repository
from cs_team.playbook import Playbook
from tests.conftest import RepoCopy

ROOT = Path(__file__).parent.parent
SHIPPED = [ROOT / "playbooks", ROOT / "examples" / "bank-card-centre", ROOT / "examples" / "ecommerce-shop"]


@pytest.mark.parametrize(("term", "cap"), [
    (1, 0), (2, 0), (3, 1), (11, 1), (12, 2), (35, 2), (36, 6), (60, 6), ("open-ended", 6)])
def test_legal_cap_follows_article_19(term: int | str, cap: int) -> None:
    assert legal_cap(term) == cap


@pytest.mark.parametrize("text", [
    "延长试用期", "试用期延长一个月", "延长一个月试用", "延期转正", "再次约定试用期", "试用期顺延两周",
    "指标不达标，延长试用期", "Extend probation", "extend their probation by a month", "the probation is extended",
    "a second probation", "Extension of the probation"])
def test_extensions_are_recognised(text: str) -> None:
    assert proposes_extension(text)


@pytest.mark.parametrize("text", [
    "试用期不得延长", "不延长试用期，转正后制定改进计划", "probation is never extended",
    "cannot extend probation", "转正并制定书面改进计划", "Confirm with a written improvement plan"])
def test_texts_forbidding_an_extension_are_not_flagged(text: str) -> None:
    assert not proposes_extension(text)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("root", SHIPPED, ids=lambda p: p.name)
def test_no_shipped_file_extends_probation(root: Path) -> None:
    """Every text of every shipped YAML file, not only the evaluation rules."""
    offending = [(path.relative_to(ROOT), text) for path in sorted(root.rglob("*.yaml"))
                 for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
                 if proposes_extension(text)]
    assert offending == []


@pytest.mark.parametrize("root", SHIPPED, ids=lambda p: p.name)
def test_shipped_probation_states_its_term_and_keeps_the_cap(root: Path) -> None:
    playbook = Playbook(load_repository(root, cwd=root))
    assert playbook.evaluation
    for rules in playbook.evaluation:
        term = rules.probation.contract_months
        assert term is not None and rules.probation.months <= legal_cap(term)
        assert all(review.month <= rules.probation.months for review in rules.probation.reviews)


def test_whole_rounds_half_up() -> None:
    assert [whole(85.5), whole(85.49), whole(560.0), whole(466.666)] == [86, 85, 560, 467]


def test_per_kpi_ramp_on_the_sheet(repo: RepoCopy) -> None:
    repo.edit("evaluation.yaml", "  decisions:", "  reviews:\n    - {month: 1, focus: {zh: 上手, en: Settling in}, "
              "expected_percent_of_target: 95, ramp_percent: {fcr_percent: 80, aht_seconds: 75}}\n"
              "  decisions:")
    playbook = Playbook(load_repository(repo.root, cwd=repo.root))
    sheet = probation(playbook, playbook.roles["agent"])
    # by hand: csat 85 x 0.95 = 80.75 -> 81; fcr 70 x 0.80 = 56; aht 400 s / 0.75 = 533.3 -> 533
    assert [(k.name, k.expected) for k in sheet.kpis] == [
        ("csat_percent", [81]), ("fcr_percent", [56]), ("aht_seconds", [533])]


@pytest.mark.parametrize(("value", "read_as"), [
    ("2027-01-29", "a date or timestamp"), ("2027-1-9", None), ("2027-1-9 1:00:00", "a date or timestamp"),
    ("2027-01-29 10:00:00", "a date or timestamp"), ("18:00", "a base-60 number"),
    ("1:30:00", "a base-60 number"), ("09:00", None), ("00:30", None), ("2027", None), ("18", None)])
def test_what_yaml_11_makes_of_unquoted_values(value: str, read_as: str | None) -> None:
    """PyYAML's YAML 1.1 resolver agrees: a date, a base-60 int, or text (09:00 starts with 0)."""
    said = misread(value)
    assert (None if said is None else str(said)) == read_as
    data = yaml.load(f"v: {value}", Loader=yaml.SafeLoader)["v"]
    assert isinstance(data, str) == (read_as is None and not value.isdigit())


def test_unquoted_dates_and_times_outside_the_bundle(tmp_path: Path) -> None:
    from cs_team.lint.runner import run

    (tmp_path / "cs-team.yaml").write_text("format: 1\nname: x\nlanguages: [zh]\ndefault_language: zh\n",
                                           encoding="utf-8")
    (tmp_path / "cal.yaml").write_text(
        "kind: work-calendar\nformat: 1\nid: cal\ntitle: 日历\ndays_off:\n  - {date: 2027-10-01, reason: 国庆}\n"
        "  - {date: \"2027-10-02\", reason: 国庆}\n", encoding="utf-8")
    found = [(f.code, f.line, f.column) for f in run(load_repository(tmp_path, cwd=tmp_path))
             if f.code == "CS223"]
    assert found == [("CS223", 6, 12)]


def test_the_cap_is_cited_in_both_languages(repo: RepoCopy) -> None:
    repo.edit("evaluation.yaml", "contract_months: 36", "contract_months: 2")
    (finding,) = repo.lint({"CS219"})
    assert finding.text("zh") == (
        "试用期 3 个月超过法定上限：2 个月的劳动合同不得约定试用期（《劳动合同法》第十九条），"
        "超出部分须按试用期满月工资支付赔偿金（第八十三条）；请删除试用期，或延长合同期限")
    assert finding.text("en") == (
        "probation of 3 months is over the legal cap: a contract of 2 months allows no probation "
        "(Labour Contract Law art. 19), and the excess is paid as compensation at the full monthly "
        "wage (art. 83); remove the probation or lengthen the contract")
