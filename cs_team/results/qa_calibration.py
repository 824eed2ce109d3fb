"""How QA evaluators compare (质检员校准), on the contacts more than one of them scored.

Two measures per evaluator. Against the others: their score of a shared contact minus the other
evaluators' mean on it, averaged (interview scoring's leniency). With two evaluators it is
symmetric by construction: one sits as far above as the other below, so it says how far apart they
are, never which of them is off. With three or more it is still shared out: one evaluator five
points lenient puts each of two others two and a half points "harsh".

Against the consensus, on the contacts three or more evaluators scored: the same figure on those
contacts, less the median of it among the evaluators who scored them together. The median
evaluator is the consensus: one lenient evaluator stands out by what they give above them, and the
others sit near zero instead of sharing the lenient one's excess.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

LENIENT = "lenient"
HARSH = "harsh"
IN_LINE = "in-line"
CANNOT_TELL = "cannot-tell"
"""Two evaluators apart on the contacts they shared, and no third to say which one is off."""


@dataclass
class EvaluatorCalibration:
    evaluator: str
    evaluations: int
    compared: int
    """Contacts they scored that another evaluator scored too."""
    leniency: float | None
    """Against the others (None when they shared no contact)."""
    consensus_contacts: int
    """Contacts they scored that at least two other evaluators scored too."""
    against_consensus: float | None
    verdict: str | None
    """lenient, harsh, in-line or cannot-tell; None when they shared no contact."""


def calibrate(scores: dict[str, dict[str, float]], threshold: float) -> list[EvaluatorCalibration]:
    """Per evaluator (sorted), from ``contact -> evaluator -> score``; ``threshold`` points off
    marks an evaluator lenient or harsh."""
    raw: dict[str, float] = {}
    found = []
    for evaluator in sorted({e for given in scores.values() for e in given}):
        mine = [given for given in scores.values() if evaluator in given]
        shared = [given for given in mine if len(given) > 1]
        crowded = [given for given in shared if len(given) > 2]
        if crowded:
            raw[evaluator] = statistics.fmean(_gap(given, evaluator) for given in crowded)
        leniency = statistics.fmean(_gap(given, evaluator) for given in shared) if shared else None
        found.append(EvaluatorCalibration(evaluator, len(mine), len(shared), leniency, len(crowded),
                                          None, None))
    for group in _groups(scores):
        middle = statistics.median(raw[e] for e in group)
        for calibration in found:
            if calibration.evaluator in group:
                calibration.against_consensus = raw[calibration.evaluator] - middle
    for calibration in found:
        calibration.verdict = _verdict(calibration.leniency, calibration.against_consensus, threshold)
    return found


def _gap(given: dict[str, float], evaluator: str) -> float:
    return given[evaluator] - statistics.fmean(v for e, v in given.items() if e != evaluator)


def _groups(scores: dict[str, dict[str, float]]) -> list[set[str]]:
    """The evaluators who scored contacts together in threes or more, joined through shared
    contacts (each channel's QA team is one group)."""
    groups: list[set[str]] = []
    for given in scores.values():
        if len(given) > 2:
            joined = set(given)
            for group in [g for g in groups if g & joined]:
                groups.remove(group)
                joined |= group
            groups.append(joined)
    return groups


def _verdict(leniency: float | None, against: float | None, threshold: float) -> str | None:
    if against is not None:
        return LENIENT if against >= threshold else HARSH if against <= -threshold else IN_LINE
    if leniency is None:
        return None
    return CANNOT_TELL if abs(leniency) >= threshold else IN_LINE
