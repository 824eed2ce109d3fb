"""The training-needs report as data (JSON) and as tables (csv: the needs, one row per agent and
competency; xlsx: every table), in the report's language(s)."""

from __future__ import annotations

from cs_team.export.workbook import Column, Table
from cs_team.model.kpi import KPI_FIELDS
from cs_team.needs.evidence import Evidence
from cs_team.needs.report import NeedsReport
from cs_team.playbook import Playbook
from cs_team.render.language import Language


def measure_name(evidence: Evidence, lang: Language) -> str:
    """A KPI by its document label, a QA item by its title."""
    if evidence.title is not None:
        return lang.plain(evidence.title)
    return lang.label(f"kpis.{evidence.measure}")


def as_dict(result: NeedsReport, playbook: Playbook, lang: Language) -> dict:
    """Every figure, rounded to 2 places (byte-identical across runs); names in ``lang``."""
    def name(competency: str) -> str:
        found = playbook.competencies.get(competency)
        return lang.plain(found.name) if found else competency

    def evidence(e: Evidence) -> dict:
        return {"source": e.source, "measure": e.measure, "name": measure_name(e, lang),
                "unit": KPI_FIELDS[e.measure][0] if e.source == "kpi" else "score" if e.source == "assessment"
                else "percent",
                "target": round(float(e.target), 2), "value": round(e.value, 2),
                "gap_percent": round(e.gap, 2),
                "periods": e.periods, "periods_below": e.below, "sample": e.sample, "flagged": e.flagged}

    s = result.settings
    return {
        "settings": {"min_periods": s.min_periods, "min_contacts": s.min_contacts,
                     "min_evaluations": s.min_evaluations, "qa_target": s.qa_target,
                     "min_gap_percent": s.min_gap,
                     "shared_share_percent": s.shared_share,
                     "refresher_share_percent": result.refresher_share},
        "agents": [{
            "agent": a.agent, "role": a.role, "periods": a.periods, "contacts": a.contacts,
            "evaluations": a.evaluations,
            "gaps": [{"competency": g.competency, "name": name(g.competency), "gap_percent": round(g.size, 2),
                      "modules": g.modules,
                      "module_titles": [lang.plain(playbook.modules[m].title) for m in g.modules],
                      "modules_taken": {m: a.taken[m] and a.taken[m].isoformat()
                                        for m in g.modules if m in a.taken},
                      "evidence": [evidence(e) for e in g.evidence]} for g in a.gaps],
        } for a in result.agents],
        "heat_map": {"competencies": result.competencies, "names": [name(c) for c in result.competencies],
                     "agents": [{
            "agent": a.agent,
            "gaps": {g.competency: round(g.size, 2) for g in a.gaps},
            "measured": a.measured} for a in result.agents]},
        "shared_gaps": [{"competency": s.competency, "name": name(s.competency), "agents": s.agents,
                         "measured": s.measured, "shared": s.shared} for s in result.shared],
        "refresher": {"start": result.start.isoformat() if result.start else None, "sessions": [{
            "module": x.module.id, "title": lang.plain(x.module.title), "date": x.day.isoformat(),
            "hours": x.hours, "agents": x.agents} for x in result.sessions]},
    }


def tables(data: dict, lang: Language) -> list[Table]:
    """Needs (one row per agent, competency and measure), the heat map, shared gaps, sessions."""
    def columns(*keys: str) -> list[Column]:
        return [Column(lang.label(key)) for key in keys]

    comma = {"zh": "、", "en": ", "}.get(lang.mode, "; ")  # zh-en: between "中文 / English" pairs
    needs = [[a["agent"], g["name"], g["gap_percent"], e["name"], e["target"], e["value"], e["gap_percent"],
              e["periods_below"], e["periods"], e["sample"],
              lang.label("qa_yes" if e["flagged"] else "qa_no"),
              comma.join(g["module_titles"])]
             for a in data["agents"] for g in a["gaps"] for e in g["evidence"]]
    heat = data["heat_map"]
    grid = [[row["agent"], *[row["gaps"].get(c, "·" if c in row["measured"] else None)
                             for c in heat["competencies"]]] for row in data["heat_map"]["agents"]]
    shared = [[s["name"], s["agents"], s["measured"], lang.label("qa_yes" if s["shared"] else "qa_no")]
              for s in data["shared_gaps"]]
    sessions = [[x["date"], x["hours"], x["title"], comma.join(x["agents"])]
                for x in data["refresher"]["sessions"]]
    return [
        Table(lang.label("needs_title"), columns(
            "qa_agent", "competency", "needs_competency_gap", "needs_measure", "target", "actual",
            "needs_measure_gap", "needs_periods_below", "needs_periods", "needs_sample", "needs_flagged",
            "needs_modules"), needs),
        Table(lang.label("needs_heat_map"), [Column(lang.label("qa_agent")),
                                              *[Column(c) for c in heat["names"]]], grid),
        Table(lang.label("needs_shared"),
              columns("competency", "needs_agents", "needs_measured", "needs_is_shared"), shared),
        Table(lang.label("needs_refresher"), columns("date", "needs_hours", "module", "qa_agent"), sessions),
    ]
