"""The Erlang C engine against an independent high-precision computation, and its edge cases."""

from __future__ import annotations

import itertools
import json
import math

import mpmath
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_team.staffing.erlang import (
    StaffingError,
    ceil_tolerant,
    measure,
    required_agents,
    wait_probability,
)
from tests.test_cli import cs_team


def exact(agents: int, load: float, aht: float, within: float) -> tuple[mpmath.mpf, ...]:
    """Erlang C from its closed form, sum a^k/k!, at 50 digits (not the recursion the engine uses)."""
    with mpmath.workdps(50):
        a = mpmath.mpf(load)
        term, below = mpmath.mpf(1), mpmath.mpf(0)
        for k in range(agents):
            below += term
            term = term * a / (k + 1)  # a^(k+1) / (k+1)!
        top = term * agents / (agents - a)  # a^n / n! * n / (n - a)
        waiting = top / (below + top)
        level = 1 - waiting * mpmath.exp(-(agents - a) * within / aht)
        return waiting, level, waiting * aht / (agents - a)


CASES = [(1, 0.5), (2, 1.7), (3, 0.01), (14, 10.0), (25, 20.3), (101, 100.0), (130, 100.0),
         (1000, 990.5), (1200, 1000.0), (5000, 4900.0), (10000, 9950.0), (10000, 9000.0), (10001, 10000.2)]


@pytest.mark.parametrize(("agents", "load"), CASES)
def test_agrees_with_mpmath_to_1e9(agents: int, load: float) -> None:
    result = measure(agents, load, aht_seconds=240.0, within_seconds=20.0)
    waiting, level, asa = exact(agents, load, 240.0, 20.0)
    assert abs(result.wait_probability - float(waiting)) <= 1e-9
    assert abs(result.service_level - float(level)) <= 1e-9
    assert abs(result.asa_seconds - float(asa)) <= 1e-9 * max(1.0, float(asa))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 300), st.floats(0.01, 0.999))
def test_random_cases_agree_with_mpmath(agents: int, fraction: float) -> None:
    load = agents * fraction
    waiting, level, _ = exact(agents, load, 180.0, 30.0)
    result = measure(agents, load, 180.0, 30.0)
    assert abs(result.wait_probability - float(waiting)) <= 1e-9
    assert abs(result.service_level - float(level)) <= 1e-9


@settings(max_examples=200, deadline=None)
@given(st.floats(0.1, 500), st.floats(0.05, 0.99), st.floats(0, 120))
def test_service_level_rises_and_asa_falls_with_agents(load: float, target: float, within: float) -> None:
    start = math.floor(load) + 1
    figures = [measure(n, load, 200.0, within) for n in range(start, start + 15)]
    levels = [f.service_level for f in figures]
    asas = [f.asa_seconds for f in figures]
    assert all(a <= b + 1e-12 for a, b in itertools.pairwise(levels))
    assert all(a >= b - 1e-12 for a, b in itertools.pairwise(asas))


@settings(max_examples=300, deadline=None)
@given(st.floats(0.01, 2000), st.floats(10, 900), st.floats(0.05, 0.99), st.floats(0, 120),
       st.one_of(st.none(), st.floats(0.5, 1.0)))
def test_required_agents_is_the_minimum(volume: float, aht: float, target: float, within: float,
                                        cap: float | None) -> None:
    result = required_agents(volume, aht, 900, target=target, within_seconds=within, max_occupancy=cap)
    load = result.traffic_erlangs
    assert result.agents > load
    assert result.service_level >= target
    if cap is not None:
        assert load / result.agents <= cap * (1 + 1e-9)
    fewer = measure(result.agents - 1, load, aht, within)
    fails_level = fewer.service_level < target
    fails_cap = cap is not None and load / max(fewer.agents, 1e-12) > cap * (1 + 1e-9)
    assert fails_level or fails_cap or fewer.agents <= load


def test_zero_volume_needs_nobody() -> None:
    result = required_agents(0, 300, 900, target=0.8, within_seconds=20)
    assert (result.agents, result.service_level, result.asa_seconds) == (0, 1.0, 0.0)


def test_overloaded_staffing_never_meets_a_target() -> None:
    result = measure(10, 10.0, 180, 20)
    assert (result.service_level, result.asa_seconds, result.wait_probability) == (0.0, math.inf, 1.0)
    assert wait_probability(9, 12.5) == 1.0


def test_low_targets_start_at_the_true_minimum() -> None:
    # 2.5 Erlangs: the smallest n above the traffic is 3, and a 1 % target is met there
    result = required_agents(10, 900, 3600, target=0.01, within_seconds=0)
    assert result.agents == 3


def test_occupancy_cap_that_lands_on_a_whole_number() -> None:
    # 252 calls x 30 s / 3600 s = 2.1 Erlangs; at a 70 % cap, 2.1 / 0.7 is 3.0000000000000004
    assert 252 * 30 / 3600 / 0.7 > 3
    result = required_agents(252, 30, 3600, target=0.01, within_seconds=20, max_occupancy=0.7)
    assert result.agents == 3
    assert result.occupancy == pytest.approx(0.7)


def test_ceil_tolerant() -> None:
    assert 2.1 / 0.7 == 3.0000000000000004
    assert ceil_tolerant(2.1 / 0.7) == 3
    assert ceil_tolerant(3.01) == 4
    assert ceil_tolerant(2.0) == 2
    assert ceil_tolerant(1e6 + 1e-4) == 1_000_000  # relative slack for large counts


def test_textbook_case() -> None:
    """10 Erlangs (100 calls, 180 s, 30 min) at 80/20: 13 agents reach 79.6 %, so 14 are needed."""
    assert round(measure(13, 10.0, 180, 20).service_level, 3) == 0.796
    assert required_agents(100, 180, 1800, target=0.8, within_seconds=20).agents == 14


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"volume": -1}, "volume must be a finite number, not negative"),
    ({"volume": float("nan")}, "volume must be a finite number, not negative"),
    ({"volume": float("inf")}, "volume must be a finite number, not negative"),
    ({"aht_seconds": 0}, "average handle time must be positive"),
    ({"aht_seconds": float("nan")}, "average handle time must be positive"),
    ({"interval_seconds": 0}, "the interval must be positive"),
    ({"target": 1.0}, "the service-level target must lie between 0 and 1"),
    ({"within_seconds": None}, "needs the answer time"),
    ({"max_occupancy": 1.5}, "the occupancy cap must lie in (0, 1]"),
])
def test_bad_inputs(kwargs: dict, message: str) -> None:
    arguments = {"volume": 100, "aht_seconds": 180, "interval_seconds": 1800, "target": 0.8,
                 "within_seconds": 20, **kwargs}
    with pytest.raises(StaffingError, match=message.replace("(", r"\(").replace(")", r"\)").replace("]", r"\]")):
        required_agents(arguments.pop("volume"), arguments.pop("aht_seconds"),
                        arguments.pop("interval_seconds"), **arguments)


def test_cli_json(tmp_path) -> None:
    result = cs_team("erlang", "--volume", "100", "--aht", "180", "--interval", "1800", "--target", "0.8",
                     "--within", "20", "--format", "json", cwd=tmp_path)
    data = json.loads(result.stdout)
    assert set(data) == {"agents", "service_level", "asa_seconds", "occupancy", "wait_probability",
                         "traffic_erlangs"}
    assert data["agents"] == 14 and data["traffic_erlangs"] == 10.0
    assert data["occupancy"] == pytest.approx(10 / 14)


def test_cli_table_marks_the_answer(tmp_path) -> None:
    result = cs_team("erlang", "--volume", "100", "--aht", "180", "--interval", "1800", "--asa", "30",
                     "--within", "20", "--table", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert lines[0] == "agents            13"
    assert [line.split()[0] for line in lines[lines.index("") + 2:]] == ["10", "11", "12", "13", "14", "15", "16"]
    assert "never (queue grows)" in result.stdout  # 10 agents for 10 Erlangs
    assert "<- required" in next(line for line in lines if line.strip().startswith("13 "))


def test_cli_bad_input_is_a_usage_error_on_one_line(tmp_path) -> None:
    result = cs_team("erlang", "--volume", "-5", "--aht", "180", "--interval", "1800", "--asa", "30", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2, "cs-team: error: volume must be a finite number, not negative, got -5\n")
    result = cs_team("erlang", "--volume", "nan", "--aht", "180", "--interval", "1800", "--asa", "30", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0, 3000), min_size=1, max_size=40), st.floats(30, 900), st.floats(0.05, 0.99),
       st.floats(0, 120), st.one_of(st.none(), st.floats(0.5, 1.0)), st.one_of(st.none(), st.floats(1, 300)))
def test_batch_equals_one_at_a_time(volumes: list[float], aht: float, target: float, within: float,
                                    cap: float | None, asa: float | None) -> None:
    import numpy as np

    from cs_team.staffing import batch

    together = batch.required_agents(np.array(volumes), aht, 900, target=target, within_seconds=within,
                                     asa_seconds=asa, max_occupancy=cap)
    alone = [required_agents(v, aht, 900, target=target, within_seconds=within, asa_seconds=asa,
                             max_occupancy=cap).agents for v in volumes]
    assert together.tolist() == alone


def test_batch_rejects_what_the_scalar_search_rejects() -> None:
    import numpy as np

    from cs_team.staffing import batch

    for bad in (np.array([1.0, np.nan]), np.array([np.inf]), np.array([-1.0])):
        with pytest.raises(StaffingError, match="volumes must be finite and not negative"):
            batch.required_agents(bad, 180, 900, target=0.8, within_seconds=20)
