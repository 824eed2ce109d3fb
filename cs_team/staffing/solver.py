"""A thin, silent, deterministic wrapper over the HiGHS linear / mixed-integer solver.

Callers state a problem as plain arrays (objective, COO matrix, row and column bounds, an integer
mask) and get a frozen result back: nothing of highspy leaks out, so the planning code stays pure
and testable, and the solver is imported only when a command actually solves something.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

_INF = float("inf")


@dataclass(frozen=True)
class MilpResult:
    status: str  # "optimal" | "feasible" | "infeasible" | "unbounded" | "error"
    x: np.ndarray  # values of the variables (empty when none)
    objective: float
    mip_gap: float  # relative gap, 0.0 when proven optimal
    seconds: float


def solve_milp(c, rows, cols, vals, row_lower, row_upper, *, var_lower=None, var_upper=None,
               integer=None, time_limit=10.0, mip_gap=0.0, start=None, node_limit=None) -> MilpResult:
    """Minimise c·x subject to row_lower <= A x <= row_upper (A given as COO triples rows/cols/vals,
    shape (len(row_lower), len(c))), var_lower <= x <= var_upper (default 0..inf), integer a bool mask
    (default all continuous). Deterministic (fixed seed, one thread), silent (no solver output).
    ``start``, a feasible x, gives the search an incumbent to improve on; ``node_limit`` stops the
    branch-and-bound after that many nodes, a limit that, unlike time, gives the same answer every run."""
    started = time.perf_counter()
    c = np.asarray(c, dtype=float).ravel()
    n, row_lower, row_upper = len(c), _vector(row_lower), _vector(row_upper)
    m = len(row_lower)
    if len(row_upper) != m:
        raise ValueError(f"row_lower has {m} entries but row_upper has {len(row_upper)}")
    lower = np.zeros(n) if var_lower is None else _vector(var_lower)
    upper = np.full(n, _INF) if var_upper is None else _vector(var_upper)
    mask = np.zeros(n, dtype=bool) if integer is None else np.asarray(integer, dtype=bool).ravel()
    for name, array in (("var_lower", lower), ("var_upper", upper), ("integer", mask)):
        if len(array) != n:
            raise ValueError(f"{name} has {len(array)} entries for {n} variables")
    begin, index, value = _column_wise(rows, cols, vals, m, n)
    if n == 0:  # nothing to choose: feasible exactly when 0 lies inside every row's range
        ok = bool(np.all(row_lower <= 0.0) and np.all(row_upper >= 0.0))
        return MilpResult("optimal" if ok else "infeasible", np.zeros(0), 0.0, 0.0,
                          time.perf_counter() - started)
    given = None if start is None else _vector(start)
    if given is not None and len(given) != n:
        raise ValueError(f"start has {len(given)} entries for {n} variables")
    status, x, objective, gap = _run(c, lower, upper, row_lower, row_upper, begin, index, value, mask,
                                     float(time_limit), float(mip_gap), given, node_limit)
    return MilpResult(status, x, objective, gap, time.perf_counter() - started)


def _vector(values) -> np.ndarray:
    return np.asarray(values, dtype=float).ravel()


def _column_wise(rows, cols, vals, m: int, n: int):
    """COO triples -> compressed columns, duplicates summed (HiGHS refuses repeated entries)."""
    rows, cols = np.asarray(rows, dtype=np.int64).ravel(), np.asarray(cols, dtype=np.int64).ravel()
    vals = np.asarray(vals, dtype=float).ravel()
    if not len(rows) == len(cols) == len(vals):
        raise ValueError(f"rows, cols and vals differ in length ({len(rows)}, {len(cols)}, {len(vals)})")
    if len(rows) and (rows.min() < 0 or rows.max() >= m or cols.min() < 0 or cols.max() >= n):
        raise ValueError(f"a matrix entry lies outside the {m} x {n} shape")
    keys, inverse = np.unique(cols * max(m, 1) + rows, return_inverse=True)
    summed = np.bincount(inverse.ravel(), weights=vals, minlength=len(keys))
    keep = summed != 0.0
    keys, summed = keys[keep], summed[keep]
    col_of, row_of = keys // max(m, 1), keys % max(m, 1)
    start = np.searchsorted(col_of, np.arange(n + 1)).astype(np.int32)
    return start, row_of.astype(np.int32), summed


def _run(c, lower, upper, row_lower, row_upper, start, index, value, mask, time_limit, mip_gap, given,
         node_limit):
    import highspy
    from highspy import _core

    # The public Highs() prints a banner while constructing; the core class lets the options
    # below be set before HiGHS says anything, so the solve stays silent.
    highs = _core._Highs()
    for option, setting in (("output_flag", False), ("log_to_console", False), ("threads", 1),
                            ("random_seed", 0), ("time_limit", time_limit),
                            ("mip_rel_gap", mip_gap), ("mip_abs_gap", 0.0 if mip_gap == 0 else 1e-6)):
        highs.setOptionValue(option, setting)
    if node_limit is not None:
        highs.setOptionValue("mip_max_nodes", int(node_limit))
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = len(c), len(row_lower)
    lp.col_cost_, lp.col_lower_, lp.col_upper_ = c, lower, upper
    lp.row_lower_, lp.row_upper_ = row_lower, row_upper
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_, lp.a_matrix_.index_, lp.a_matrix_.value_ = start, index, value
    is_mip = bool(mask.any())
    if is_mip:
        lp.integrality_ = [highspy.HighsVarType.kInteger if flag else highspy.HighsVarType.kContinuous
                           for flag in mask]
    if highs.passModel(lp) == highspy.HighsStatus.kError:
        return "error", np.zeros(0), float("nan"), float("nan")
    if given is not None:  # an incumbent is known: the costly search heuristics add little
        for option in ("mip_heuristic_run_rins", "mip_heuristic_run_rens"):
            highs.setOptionValue(option, False)
        highs.setOptionValue("mip_heuristic_effort", 0.0)
        solution = highspy.HighsSolution()
        solution.col_value = given
        highs.setSolution(solution)
    highs.run()
    model_status = highs.getModelStatus()
    if model_status == highspy.HighsModelStatus.kUnboundedOrInfeasible:
        highs.setOptionValue("presolve", "off")  # presolve cannot tell which; the simplex can
        highs.run()
        model_status = highs.getModelStatus()
    return _outcome(highspy, highs, model_status, is_mip)


def _outcome(highspy, highs, model_status, is_mip):
    statuses = highspy.HighsModelStatus
    info = highs.getInfo()
    if model_status == statuses.kInfeasible:
        return "infeasible", np.zeros(0), float("nan"), float("nan")
    if model_status == statuses.kUnbounded:
        return "unbounded", np.zeros(0), float("nan"), float("nan")
    has_solution = info.primal_solution_status == highspy.SolutionStatus.kSolutionStatusFeasible
    if not has_solution:
        return "error", np.zeros(0), float("nan"), float("nan")
    x = np.array(highs.getSolution().col_value, dtype=float)
    objective = float(info.objective_function_value)
    gap = float(info.mip_gap) if is_mip and np.isfinite(info.mip_gap) else 0.0
    if model_status == statuses.kOptimal:
        return "optimal", x, objective, max(gap, 0.0)
    return "feasible", x, objective, max(gap, 0.0) if is_mip else float("nan")
