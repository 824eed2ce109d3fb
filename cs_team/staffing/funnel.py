"""The hiring funnel of one requisition, worked backwards from the people who must start.

Chinese centres count it stage by stage: résumés → passed the screen and invited (初筛) → came to
the interview (到面率) → passed it (面试通过率) → accepted the offer (offer 接受率) → came on day
one (报到率) → passed training (培训通过率). Each earlier stage is the next one divided by its
rate, rounded up, since nobody invites 0.4 of a candidate; the people expected to qualify are the
starters times the training pass rate, not rounded (an expectation).
"""

from __future__ import annotations

from dataclasses import dataclass

from cs_team.model.hiring import Funnel
from cs_team.staffing.erlang import ceil_tolerant

STAGES = ("resumes", "screened", "interviewed", "offered", "accepted", "joined")


@dataclass
class FunnelCount:
    resumes: int
    screened: int
    """Passed the résumé screen and invited to interview."""
    interviewed: int
    """Came to the interview."""
    offered: int
    accepted: int
    joined: int
    """Came on day one: the requisition's hires, who start training."""
    qualified: float
    """Expected to pass training and go live."""
    resumes_per_qualified: float | None
    """Résumés to screen for one qualified agent."""


def funnel(hires: int, rates: Funnel) -> FunnelCount:
    steps = [rates.screened_percent, rates.interviewed_percent, rates.offered_percent,
             rates.accepted_percent, rates.joined_percent]
    counts = [hires]
    for percent in reversed(steps):
        counts.append(ceil_tolerant(counts[-1] * 100 / percent))
    resumes, screened, interviewed, offered, accepted, joined = reversed(counts)
    qualified = round(hires * rates.trained_percent / 100, 2)
    return FunnelCount(resumes, screened, interviewed, offered, accepted, joined, qualified,
                       round(resumes / qualified, 1) if qualified else None)


def resumes_per_qualified(rates: Funnel) -> float:
    """Résumés a source needs for one qualified agent, before any rounding: 1 ÷ every rate."""
    share = 1.0
    for percent in (rates.screened_percent, rates.interviewed_percent, rates.offered_percent,
                    rates.accepted_percent, rates.joined_percent, rates.trained_percent):
        share *= percent / 100
    return round(1 / share, 1)
