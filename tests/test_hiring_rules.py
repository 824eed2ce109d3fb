"""CS265 (campus hires for an experienced role) and CS268 (week and year forecasts disagree): each
needs two files changed, so they are here rather than in test_rules' one-edit cases."""

from __future__ import annotations

from tests.conftest import RepoCopy

CAMPUS = "    share_percent: 100\n    campus: true\n"


def test_campus_source_for_a_role_that_needs_three_years(repo: RepoCopy) -> None:
    repo.edit("role.yaml", "  experience_years: 0\n", "  experience_years: 3\n")
    repo.edit("hiring.yaml", "    share_percent: 100\n", CAMPUS)
    (finding,) = [f for f in repo.lint() if f.code == "CS265"]
    assert (finding.path, finding.line, finding.column) == ("hiring.yaml", *repo.at("hiring.yaml", "true",
                                                                                      "campus: "))
    assert finding.message == ("campus source 'referral' would fill role 'agent', which asks for 3 years' "
                               "experience; graduates have none: list only entry roles in its roles")
    assert finding.severity == "error"
    repo.edit("hiring.yaml", CAMPUS, CAMPUS + "    roles: [agent]\n")  # listed: the finding moves to it
    (finding,) = [f for f in repo.lint() if f.code == "CS265"]
    assert (finding.line, finding.column) == repo.at("hiring.yaml", "agent", "roles: [", nth=1)


def test_campus_source_for_entry_roles_is_clean(repo: RepoCopy) -> None:
    repo.edit("hiring.yaml", "    share_percent: 100\n", CAMPUS)
    assert repo.lint() == []


def _forecast(days: int, per_quarter: int, first_day: int = 1) -> str:
    rows = ["interval_start,channel,volume,aht_seconds"]
    rows += [f"2027-03-{first_day + d:02d}T{q // 4:02d}:{15 * (q % 4):02d},voice,{per_quarter},300"
             for d in range(days) for q in range(96)]
    return "\n".join(rows) + "\n"


def test_week_and_year_that_disagree(repo: RepoCopy) -> None:
    repo.write("forecasts/week.csv", _forecast(7, 2))  # 192 calls a day
    repo.write("forecasts/year.csv", _forecast(14, 2).replace(",voice,2,", ",voice,3,", 96 * 3))
    repo.edit("hiring.yaml", "sourcing:\n", "forecast: forecasts/week.csv\nsourcing:\n")
    (finding,) = [f for f in repo.lint() if f.code == "CS268"]
    assert (finding.path, finding.line, finding.column) == ("hiring.yaml", *repo.at("hiring.yaml",
                                                                                      "forecasts/week.csv"))
    # the first 288 quarter-hours of the year (three days) say 3 calls: 288 a day against 192
    assert finding.message == ("forecast forecasts/week.csv and forecasts/year.csv disagree on 3 days: on "
                               "2027-03-01, voice has 192 contacts in one and 288 in the other; make both "
                               "from one model")
    assert finding.severity == "warning"


def test_week_and_year_that_agree_within_rounding(repo: RepoCopy) -> None:
    repo.write("forecasts/week.csv", _forecast(7, 2))
    repo.write("forecasts/year.csv", _forecast(14, 2).replace(",voice,2,", ",voice,1,", 2))  # 2 fewer
    repo.edit("hiring.yaml", "sourcing:\n", "forecast: forecasts/week.csv\nsourcing:\n")
    assert [f for f in repo.lint() if f.code == "CS268"] == []
