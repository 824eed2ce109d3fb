"""The HiGHS wrapper: answers checked by hand and by exhaustive search, silence, bad shapes."""

import itertools

import numpy as np
import pytest

from cs_team.staffing.solver import solve_milp

INF = float("inf")


def test_small_lp_matches_the_vertex_worked_by_hand():
    # min -x - 2y  s.t.  x + y <= 4,  x + 3y <= 6,  x, y >= 0.
    # Vertices: (0,0) 0, (4,0) -4, (0,2) -4, (3,1) -5: the optimum is (3, 1), objective -5.
    result = solve_milp([-1, -2], [0, 0, 1, 1], [0, 1, 0, 1], [1, 1, 1, 3], [-INF, -INF], [4, 6])
    assert result.status == "optimal"
    assert result.x == pytest.approx([3.0, 1.0])
    assert result.objective == pytest.approx(-5.0)
    assert result.mip_gap == 0.0


def test_small_mip_equals_exhaustive_search():
    # Cover demands (7 on row 0, 5 on row 1) with whole people of three kinds:
    # kind 0 covers 3 of row 0 (cost 4), kind 1 covers 2 of row 1 (cost 3), kind 2 covers 2 of each (cost 5).
    c = [4.0, 3.0, 5.0]
    rows, cols, vals = [0, 1, 0, 1], [0, 1, 2, 2], [3, 2, 2, 2]
    result = solve_milp(c, rows, cols, vals, [7, 5], [INF, INF], var_upper=[10, 10, 10],
                        integer=[True, True, True])
    best = min(
        (sum(ci * xi for ci, xi in zip(c, x, strict=True)), x)
        for x in itertools.product(range(11), repeat=3)
        if 3 * x[0] + 2 * x[2] >= 7 and 2 * x[1] + 2 * x[2] >= 5
    )
    assert result.status == "optimal"
    assert result.objective == pytest.approx(best[0])
    x = np.round(result.x)
    assert 3 * x[0] + 2 * x[2] >= 7 and 2 * x[1] + 2 * x[2] >= 5
    assert float(np.dot(c, x)) == pytest.approx(best[0])


def test_integer_mask_makes_the_difference_against_the_relaxation():
    # min x  s.t.  2x >= 3: the LP answer is 1.5, the integer one 2.
    lp = solve_milp([1], [0], [0], [2], [3], [INF])
    mip = solve_milp([1], [0], [0], [2], [3], [INF], integer=[True])
    assert lp.x == pytest.approx([1.5]) and mip.x == pytest.approx([2.0])


def test_duplicate_coo_entries_are_summed():
    # The coefficient of x in row 0 is given as 1 + 1: min x s.t. 2x >= 4 -> x = 2.
    result = solve_milp([1], [0, 0], [0, 0], [1, 1], [4], [INF])
    assert result.x == pytest.approx([2.0])


def test_variable_bounds_and_equality_rows():
    # min x + y s.t. x + y = 3, 2 <= x <= 2.5 : the objective is 3 whatever the split, x within its bounds.
    result = solve_milp([1, 1], [0, 0], [0, 1], [1, 1], [3], [3], var_lower=[2, 0], var_upper=[2.5, INF])
    assert result.status == "optimal" and result.objective == pytest.approx(3.0)
    assert 2 - 1e-9 <= result.x[0] <= 2.5 + 1e-9


def test_infeasible_and_unbounded_are_named():
    infeasible = solve_milp([1], [0], [0], [1], [5], [INF], var_upper=[3])
    assert infeasible.status == "infeasible" and infeasible.x.size == 0
    unbounded = solve_milp([-1], [0], [0], [1], [0], [INF])
    assert unbounded.status == "unbounded"
    infeasible_mip = solve_milp([1, 1], [0, 0], [0, 1], [2, 2], [3], [3], integer=[True, True])
    assert infeasible_mip.status == "infeasible"


def test_no_variables():
    assert solve_milp([], [], [], [], [0], [1]).status == "optimal"
    assert solve_milp([], [], [], [], [1], [2]).status == "infeasible"


def test_the_solver_prints_nothing(capfd):
    solve_milp([1, 1], [0, 1], [0, 1], [1, 1], [1, 1], [INF, INF], integer=[True, False])
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_same_problem_same_answer():
    args = ([1.0] * 6, [0, 0, 1, 1, 2, 2], [0, 1, 2, 3, 4, 5], [1] * 6, [1, 1, 1], [INF] * 3)
    first, second = solve_milp(*args, integer=[True] * 6), solve_milp(*args, integer=[True] * 6)
    assert np.array_equal(first.x, second.x)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"var_lower": [0, 0, 0]}, "var_lower has 3 entries for 2 variables"),
    ({"integer": [True]}, "integer has 1 entries for 2 variables"),
])
def test_bad_shapes_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        solve_milp([1, 1], [0], [0], [1], [0], [1], **kwargs)


def test_matrix_entry_outside_the_shape_is_refused():
    with pytest.raises(ValueError, match="outside the 1 x 2 shape"):
        solve_milp([1, 1], [1], [0], [1], [0], [1])
