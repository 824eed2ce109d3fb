"""The example repositories: each lints clean, renders every document, plans its hiring and its
new hires' onboarding, and says in a README what it shows."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cs_team.inputs.forecasts import read_forecast
from cs_team.interview import plan_interview
from cs_team.lint.runner import run
from cs_team.loader import load_repository
from cs_team.playbook import Playbook
from tests.test_cli import invoke

EXAMPLES = Path(__file__).parent.parent / "examples"
NAMES = ["ecommerce-shop", "bank-card-centre"]


def playbook(name: str) -> Playbook:
    return Playbook(load_repository(EXAMPLES / name, cwd=EXAMPLES / name))


def test_there_are_two_examples_each_its_own_repository() -> None:
    # quarter/ is data for the bundled department (tests/test_quarter.py), not a repository
    assert sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir()) == sorted([*NAMES, "quarter"])
    for name in NAMES:
        assert (EXAMPLES / name / "cs-team.yaml").is_file()
        readme = (EXAMPLES / name / "README.md").read_text(encoding="utf-8")
        assert len(readme.splitlines()) >= 5 and f"examples/{name}" in readme


@pytest.mark.parametrize("name", NAMES)
def test_example_lints_clean(name: str) -> None:
    assert run(playbook(name).repo) == []


@pytest.mark.parametrize("name", NAMES)
def test_every_kit_fills_and_every_role_has_an_onboarding_plan(name: str) -> None:
    book = playbook(name)
    for role in book.roles.values():
        assert plan_interview(book, role).shortfalls == [], role.id
        code, out, err = invoke(EXAMPLES / name, "onboarding-plan", role.id, "--start", "2027-03-01",
                                "--format", "json")
        assert code == 0, err
        assert json.loads(out)["sessions"]


@pytest.mark.parametrize("name", NAMES)
def test_forecasts_cover_a_week_and_a_year(name: str) -> None:
    week = read_forecast(EXAMPLES / name / "forecasts" / "week.csv")
    year = read_forecast(EXAMPLES / name / "forecasts" / "year.csv")
    assert (week.last - week.first) >= dt.timedelta(days=6, hours=23)
    assert (year.last - year.first) >= dt.timedelta(days=364)
    assert set(week.channels) == set(year.channels)
    hiring = next(iter(playbook(name).hiring.values()))
    assert {c.id for c in hiring.channels} == set(week.channels)


def test_the_shop_peaks_on_singles_day_and_the_bank_on_due_dates() -> None:
    shop = read_forecast(EXAMPLES / "ecommerce-shop" / "forecasts" / "year.csv")
    presale = shop.channels["presale-chat"]
    by_day: dict[dt.date, float] = {}
    for start, volume in zip(presale.starts, presale.volume, strict=True):
        by_day[start.date()] = by_day.get(start.date(), 0) + volume
    assert max(by_day, key=by_day.__getitem__) == dt.date(2027, 11, 11)
    bank = read_forecast(EXAMPLES / "bank-card-centre" / "forecasts" / "year.csv")
    voice = bank.channels["card-voice"]
    due = [v for s, v in zip(voice.starts, voice.volume, strict=True) if 5 <= s.day <= 10 and s.month == 4]
    rest = [v for s, v in zip(voice.starts, voice.volume, strict=True) if 15 <= s.day <= 20 and s.month == 4]
    assert sum(due) > 1.2 * sum(rest)


@pytest.mark.parametrize("name", NAMES)
def test_example_plans_its_hiring(name: str, tmp_path: Path) -> None:
    # early enough that a class can train, nest and go live before the forecast's week
    code, _, err = invoke(EXAMPLES / name, "plan-hiring", "--format", "json", "--as-of", "2026-09-01",
                          "--out", str(tmp_path / "plan.json"))
    assert code == 0, err
    plan = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert plan["total_hires"] > 0 and plan["months"]
