"""The Erlang A engine against a 50-digit summation of the queue's chain and against a simulation."""

from __future__ import annotations

import itertools
import json
import math

import mpmath
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_team.staffing import erlang
from cs_team.staffing.erlang import StaffingError
from cs_team.staffing.erlang_a import measure, required_agents
from tests.queue_simulation import simulate
from tests.test_cli import cs_team


def exact(agents: int, load: float, aht: float, patience: float, within: float) -> dict[str, mpmath.mpf]:
    """Stationary probabilities of the birth-death chain summed term by term; for a caller finding
    ``j`` waiting, the chance of being answered and the mean wait by first-step analysis, and the
    answer time as a sum of exponentials (its explicit distribution): none of the engine's closed forms."""
    with mpmath.workdps(60):
        mu, theta = 1 / mpmath.mpf(aht), 1 / mpmath.mpf(patience)
        lam, t = mpmath.mpf(load) * mu, mpmath.mpf(within)
        weights = [mpmath.mpf(1)]
        for k in range(1, agents + 1):
            weights.append(weights[-1] * lam / (k * mu))
        j = 0
        while True:  # states with j + 1 waiting, until the rest cannot show at 1e-30
            rate = agents * mu + (j + 1) * theta
            weights.append(weights[-1] * lam / rate)
            j += 1
            if lam / rate < 0.9 and weights[-1] < mpmath.mpf(10) ** -30 * sum(weights):
                break
        total = sum(weights)
        level = sum(weights[:agents]) / total
        abandon = asa = mpmath.mpf(0)
        answered, mean_wait = mpmath.mpf(1), mpmath.mpf(0)  # for j = -1: answered at once
        for j, weight in enumerate(weights[agents:]):
            out = agents * mu + j * theta  # the queue ahead moves on
            answered, mean_wait = (out / (out + theta) * answered,
                                   out / (out + theta) * (answered / (out + theta) + mean_wait))
            rates = [agents * mu + (i + 1) * theta for i in range(j + 1)]
            within_t = 1 - sum(  # P(sum of Exp(rates) <= t), distinct rates
                mpmath.fprod(r / (r - s) for r in rates if r != s) * mpmath.exp(-s * t) for s in rates)
            p = weight / total
            abandon += p * (1 - answered)
            asa += p * mean_wait
            level += p * answered * within_t
        return {"wait": sum(weights[agents:]) / total, "level": level, "abandon": abandon,
                "asa": asa / (1 - abandon)}


CASES = [  # agents, Erlangs, AHT, patience, answer time
    (1, 0.5, 180, 60, 20), (3, 2.2, 300, 120, 20), (5, 4.0, 180, 60, 20), (10, 10.0, 180, 120, 20),
    (12, 10.0, 180, 120, 20), (10, 15.0, 180, 300, 20), (20, 18.5, 240, 90, 30), (8, 12.0, 300, 30, 10),
    (30, 25.0, 200, 200, 0), (4, 0.8, 600, 45, 60), (25, 24.0, 420, 400, 15),
]


@pytest.mark.parametrize(("agents", "load", "aht", "patience", "within"), CASES)
def test_agrees_with_mpmath_to_1e9(agents: int, load: float, aht: float, patience: float, within: float) -> None:
    figures = measure(agents, load, aht, patience, within)
    truth = exact(agents, load, aht, patience, within)
    assert abs(figures.wait_probability - float(truth["wait"])) <= 1e-9
    assert abs(figures.service_level - float(truth["level"])) <= 1e-9
    assert abs(figures.abandon_rate - float(truth["abandon"])) <= 1e-9
    assert abs(figures.asa_seconds - float(truth["asa"])) <= 1e-9 * max(1.0, float(truth["asa"]))


@pytest.mark.parametrize(("agents", "load", "aht", "patience", "within"), [
    (12, 10.0, 180, 120, 20), (10, 15.0, 180, 300, 20), (8, 12.0, 300, 30, 10)])
def test_agrees_with_a_simulation(agents: int, load: float, aht: float, patience: float, within: float) -> None:
    figures = measure(agents, load, aht, patience, within)
    simulated = simulate(agents, load / aht, aht, patience, within, calls=100_000, seed=agents)
    assert simulated.service_level.holds(figures.service_level), (simulated, figures)
    assert simulated.abandon_rate.holds(figures.abandon_rate), (simulated, figures)
    assert simulated.asa_seconds.holds(figures.asa_seconds), (simulated, figures)
    assert simulated.abandon_rate.half_width < 0.01  # an interval this narrow could have missed


def test_very_patient_callers_give_erlang_c() -> None:
    a, c = measure(14, 10.0, 180, 1e9, 20), erlang.measure(14, 10.0, 180, 20)
    assert a.service_level == pytest.approx(c.service_level, abs=1e-7)
    assert a.asa_seconds == pytest.approx(c.asa_seconds, rel=1e-6)
    assert a.abandon_rate < 1e-8


def test_textbook_case_needs_fewer_agents_than_erlang_c() -> None:
    """100 calls, 180 s, 30 min at 80/20: Erlang C needs 14; with two minutes' patience the chain
    says 12 reach 82.6 % and 11 only 74.2 %."""
    assert erlang.required_agents(100, 180, 1800, target=0.8, within_seconds=20).agents == 14
    assert round(float(exact(12, 10.0, 180, 120, 20)["level"]), 3) == 0.826
    assert round(float(exact(11, 10.0, 180, 120, 20)["level"]), 3) == 0.742
    result = required_agents(100, 180, 1800, 120, target=0.8, within_seconds=20)
    assert result.agents == 12


def test_staffing_to_an_abandonment_target() -> None:
    result = required_agents(100, 180, 1800, 120, abandon_rate=0.02)
    assert result.abandon_rate <= 0.02 < measure(result.agents - 1, 10.0, 180, 120).abandon_rate


def test_overload_neither_overflows_nor_loses_the_balance() -> None:
    """Ten agents for 100 Erlangs: nine calls in ten hang up, and the answered are exactly the
    ten agents' worth of work."""
    figures = measure(10, 100.0, 180, 600, 20)
    assert figures.abandon_rate == pytest.approx(0.9, abs=1e-12)
    assert figures.occupancy == pytest.approx(1.0, abs=1e-12)
    assert figures.wait_probability == pytest.approx(1.0, abs=1e-12)
    assert 0 <= figures.service_level < 1e-50
    # 18 agents, 733 s of patience: the chain's weights pass 2**600 and are rescaled on the way
    assert measure(18, 121.5, 121.5, 733, 0).abandon_rate == pytest.approx(1 - 18 / 121.5, abs=1e-12)


@settings(max_examples=150, deadline=None)
@given(st.floats(0.5, 800), st.floats(30, 900), st.floats(10, 900), st.floats(0.05, 0.99), st.floats(0, 120),
       st.one_of(st.none(), st.floats(0.01, 0.5)), st.one_of(st.none(), st.floats(0.5, 1.0)))
def test_required_agents_is_the_minimum(volume: float, aht: float, patience: float, target: float,
                                        within: float, abandon: float | None, cap: float | None) -> None:
    result = required_agents(volume, aht, 900, patience, target=target, within_seconds=within,
                             abandon_rate=abandon, max_occupancy=cap)
    assert result.service_level >= target
    assert abandon is None or result.abandon_rate <= abandon
    assert cap is None or result.occupancy <= cap * (1 + 1e-9)
    fewer = measure(result.agents - 1, result.traffic_erlangs, aht, patience, within)
    assert (fewer.service_level < target or (abandon is not None and fewer.abandon_rate > abandon)
            or (cap is not None and fewer.occupancy > cap * (1 + 1e-9)))


@settings(max_examples=60, deadline=None)
@given(st.floats(0.1, 150), st.floats(30, 900), st.floats(5, 900), st.floats(0, 120))
def test_more_agents_never_do_worse(load: float, aht: float, patience: float, within: float) -> None:
    agents = range(max(1, math.floor(load) - 25), math.ceil(load) + 12)
    figures = [measure(n, load, aht, patience, within) for n in agents]
    for fewer, more in itertools.pairwise(figures):
        assert more.service_level >= fewer.service_level - 1e-12
        assert more.abandon_rate <= fewer.abandon_rate + 1e-12


def test_no_volume_and_no_agents() -> None:
    assert required_agents(0, 300, 900, 60, target=0.8, within_seconds=20).agents == 0
    nobody = measure(0, 3.0, 300, 60, 20)
    assert (nobody.service_level, nobody.abandon_rate) == (0.0, 1.0)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"patience_seconds": 0}, "the patience must be positive and finite"),
    ({"patience_seconds": math.nan}, "the patience must be positive and finite"),
    ({"abandon_rate": 1.5}, "the abandonment target must lie between 0 and 1"),
    ({"target": None}, "give a service-level target"),
    ({"within_seconds": math.inf}, "needs the answer time"),
])
def test_bad_inputs(kwargs: dict, message: str) -> None:
    arguments = {"patience_seconds": 60, "target": 0.8, "within_seconds": 20, **kwargs}
    with pytest.raises(StaffingError, match=message):
        required_agents(100, 180, 1800, arguments.pop("patience_seconds"), **arguments)


def test_cli_units_and_percentages_mean_the_same(tmp_path) -> None:
    plain = cs_team("erlang", "--volume", "100", "--aht", "180", "--interval", "1800", "--target", "0.8",
                    "--within", "20", "--max-occupancy", "0.85", "--format", "json", cwd=tmp_path).stdout
    for interval, target, cap in (("30m", "80", "85"), ("1800s", "80%", "85%"), ("0.5h", "0.8", "85")):
        again = cs_team("erlang", "--volume", "100", "--aht", "180", "--interval", interval, "--target", target,
                        "--within", "20", "--max-occupancy", cap, "--format", "json", cwd=tmp_path)
        assert again.stdout == plain
    assert json.loads(plain)["agents"] == 14


def test_cli_patience_prints_the_abandon_rate(tmp_path) -> None:
    result = cs_team("erlang", "--volume", "100", "--aht", "180", "--interval", "30m", "--target", "80",
                     "--within", "20", "--patience", "120", "--table", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert lines[:5] == ["agents            12", "traffic           10.00 Erlangs",
                         "service level     82.6% answered within 20 s", "ASA               6.3 s",
                         "abandon rate      6.2% hang up (patience 120 s)"]
    assert lines[lines.index("") + 1].endswith("abandon rate")
    assert "<- required" in next(line for line in lines if line.strip().startswith("12 "))
    data = json.loads(cs_team("erlang", "--volume", "100", "--aht", "180", "--interval", "30m", "--abandon",
                              "2", "--patience", "120", "--format", "json", cwd=tmp_path).stdout)
    assert data["abandon_rate"] <= 0.02
    assert measure(data["agents"] - 1, 10.0, 180, 120).abandon_rate > 0.02


def test_cli_warns_when_the_interval_is_shorter_than_a_call(tmp_path) -> None:
    result = cs_team("erlang", "--volume", "10", "--aht", "180", "--interval", "1m", "--target", "80",
                     "--within", "20", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == ("cs-team: warning: the interval (60 s) is shorter than the average handle time "
                             "(180 s): most contacts outlast it, so the figures are rough; plan on 15 minutes "
                             "or more\n")


@pytest.mark.parametrize(("options", "code", "message"), [
    (["--interval", "15x", "--asa", "30"], 2,
     "--interval '15x' is not a duration: write seconds (900, 900s), minutes (15m) or hours (1h)"),
    (["--interval", "0m", "--asa", "30"], 2, "--interval must be positive and finite, got 0m"),
    (["--interval", "15m", "--target", "eighty", "--within", "20"], 2,
     "--target 'eighty' is not a number: write 80 or 0.8 for 80 %"),
    (["--interval", "15m", "--target", "nan", "--within", "20"], 2,
     "--target must be a finite number, not negative, got nan"),
    (["--interval", "15m", "--abandon", "5"], 2, "--abandon needs --patience: without it nobody hangs up"),
    (["--interval", "15m", "--asa", "30", "--patience", "0"], 2, "the patience must be positive and finite, got 0 s"),
])
def test_cli_bad_options(tmp_path, options: list[str], code: int, message: str) -> None:
    result = cs_team("erlang", "--volume", "100", "--aht", "180", *options, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (code, f"cs-team: error: {message}\n")
