"""The training-needs report: per agent the competencies below target with their evidence, the
team's heat map (agents x competencies, the gap in numbers) and the gaps shared by many, and for
each gap the modules that train it, with the refresher sessions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cs_team.inputs.qa_results import Evaluated
from cs_team.model.kpi_export import period_days
from cs_team.needs.evidence import AgentEvidence, Evidence, Settings, gather
from cs_team.needs.refresher import Session, plan
from cs_team.playbook import Playbook
from cs_team.schedule.calendar import WorkDays


@dataclass
class Gap:
    competency: str
    size: float
    """The largest shortfall among the flagged measures, in percent of their targets."""
    evidence: list[Evidence]
    """Flagged measures first, then the largest gap."""
    modules: list[str]


@dataclass
class AgentNeeds:
    agent: str
    role: str | None
    periods: int
    contacts: int
    evaluations: int
    gaps: list[Gap]
    measured: list[str]
    """Competencies with any evidence (flagged or not)."""
    taken: dict[str, Any] = field(default_factory=dict)
    """Module id -> the day the agent first sat it (training results given to the report)."""


@dataclass
class SharedGap:
    competency: str
    agents: int
    measured: int
    shared: bool


@dataclass
class NeedsReport:
    agents: list[AgentNeeds]
    competencies: list[str]
    shared: list[SharedGap]
    sessions: list[Session]
    start: dt.date | None
    settings: Settings
    refresher_share: float
    template: Any = None
    """The onboarding template whose training day the sessions keep to."""


def modules_for(playbook: Playbook, competency: str, role_id: str | None) -> list[str]:
    """The modules that train ``competency``: those of the role's curriculum (any curriculum's when
    the role is not known), in curriculum order."""
    role = playbook.roles.get(role_id) if role_id else None
    if role is not None:
        modules = playbook.curriculum_modules(role.curriculum) if role.curriculum else []
    else:
        modules = [playbook.modules[m] for m in sorted(playbook.modules)]
    return list(dict.fromkeys(m.id for m in modules if competency in m.competencies))


def relevant(playbook: Playbook, role_id: str | None, competency: str) -> bool:
    """Whether the role asks for the competency (its hiring criteria); any, when the role is unknown."""
    role = playbook.roles.get(role_id) if role_id else None
    return role is None or any(c.competency == competency for c in role.hiring_criteria)


def _needs(playbook: Playbook, found: AgentEvidence) -> AgentNeeds:
    gaps = []
    for competency in sorted(found.by_competency):
        # The measures below target, the flagged ones first: what the judgement rests on.
        evidence = sorted((e for e in found.by_competency[competency] if e.gap > 0),
                          key=lambda e: (not e.flagged, -e.gap, e.measure))
        flagged = [e for e in evidence if e.flagged]
        # A competency shows in several measures: it is a need when most of them fall short. One
        # low KPI shared by four competencies does not say which; the QA items that agree do.
        measures = len(found.by_competency[competency])
        if relevant(playbook, found.role, competency) and 2 * len(flagged) > measures:
            gaps.append(Gap(competency, max(e.gap for e in flagged), evidence,
                            modules_for(playbook, competency, found.role)))
    return AgentNeeds(found.agent, found.role, len(found.periods), found.contacts, found.evaluations, gaps,
                      sorted(found.by_competency), found.taken)


def report(playbook: Playbook, kpi_rows: list[Any], evaluated: list[Evaluated], settings: Settings,
           days: WorkDays, start: dt.date | None, refresher_share: float = 50,
           attempts: list[Any] = ()) -> NeedsReport:  # type: ignore[assignment]
    agents = [_needs(playbook, found) for found in gather(playbook, kpi_rows, evaluated, settings, attempts)]
    competencies = sorted({c for a in agents for c in a.measured})
    shared = []
    for competency in competencies:
        measured = sum(1 for a in agents if competency in a.measured)
        having = sum(1 for a in agents if any(g.competency == competency for g in a.gaps))
        if having:
            shared.append(SharedGap(competency, having, measured,
                                    having >= 2 and 100 * having >= settings.shared_share * measured))
    shared.sort(key=lambda s: (-s.agents, s.competency))
    if start is None:
        ends = [period_days(r.period)[1] for r in kpi_rows] + [e.evaluation.date for e in evaluated]
        start = max(ends) + dt.timedelta(days=1) if ends else None
    needs: dict[str, list[str]] = {}
    for a in agents:
        for gap in a.gaps:
            for module in gap.modules:
                needs.setdefault(module, [])
                if a.agent not in needs[module]:
                    needs[module].append(a.agent)
    template = _template(playbook, agents)
    sessions = [] if template is None or start is None else plan(
        [(playbook.modules[m], names) for m, names in needs.items()], template, days, start, refresher_share)
    return NeedsReport(agents, competencies, shared, sessions, start, settings, refresher_share, template)


def _template(playbook: Playbook, agents: list[AgentNeeds]) -> Any:
    """The onboarding template whose day the sessions keep to: the one of the role most agents with
    a gap hold (then by id), else the first."""
    counts: dict[str, int] = {}
    for a in agents:
        role = playbook.roles.get(a.role) if a.gaps and a.role else None
        if role is not None and role.onboarding in playbook.onboarding:
            counts[role.onboarding] = counts.get(role.onboarding, 0) + 1
    if counts:
        return playbook.onboarding[min(counts, key=lambda t: (-counts[t], t))]
    return playbook.onboarding[min(playbook.onboarding)] if playbook.onboarding else None
