"""The hiring plan as an xlsx workbook: the report's tables, one sheet each, in the report's language."""

from __future__ import annotations

from cs_team.export.workbook import Column, Table
from cs_team.playbook import Playbook
from cs_team.render.language import Language
from cs_team.staffing.funnel import STAGES
from cs_team.staffing.plan_model import HiringPlan

PIVOT = ("need", "roster", "new_hires", "overtime_hours", "surplus")


def _costs(plan: HiringPlan, lang: Language) -> list[list]:
    """The cost lines as the report orders them: the budget's lines, the budget, then the others."""
    from cs_team.documents.output import COST_LABELS
    from cs_team.staffing.plan_model import LINES

    label, c = lang.label, plan.costs
    rows = [[label(COST_LABELS[line]), c.line(line)] for line in c.covers]
    if c.budget is not None:
        state = label("over_budget" if c.over_budget else "within_budget")
        rows += [[label("budgeted_cost"), c.budgeted], [f"{label('budget')} · {state}", c.budget],
                 [label("outside_budget"), None]]
    rows += [[label(COST_LABELS[line]), c.line(line)] for line in LINES if line not in c.covers]
    return [*rows, [label("plan_cost"), c.total]]


def plan_tables(playbook: Playbook, plan: HiringPlan, lang: Language) -> list[Table]:
    from cs_team.documents.output import _reference, plan_names, plan_sentence

    names = plan_names(playbook, playbook.hiring[plan.inputs], lang)
    label = lang.label
    reference = [[label("reference_hires"), _reference(plan, lang)]] if plan.reference is not None else []
    summary = Table(label("plan_summary"), [Column(label("hiring_plan"), width=24),
                                            Column(f"{label('as_of')} {plan.as_of}", width=60)],
                    [[label("total_hires"), plan.total_hires], *_costs(plan, lang), *reference,
                     *[[label("warnings"), plan_sentence(note, names, lang)] for note in plan.notes]])
    figures = ("need_hours", "people_hours", "pivot_overtime", "temp_hours", "uncovered_hours", "going_live",
               "overtime_cost", "temps_cost")
    mix = Table(label("plan_mix_sheet"),  # a sheet's name holds 31 characters at most
                [Column(label("month")), *(Column(label(key), kind="decimal") for key in figures)],
        [[f"{m.month:%Y-%m}", m.need_hours, m.people_hours, m.overtime_hours, m.temp_hours, m.uncovered_hours,
          m.going_live, m.overtime_cost, m.temps_cost] for m in plan.mix])
    months = sorted({m.month for m in plan.months})
    month_columns = [Column(f"{m:%Y-%m}", kind="decimal") for m in months]
    pivot = Table(label("by_role_month"), [Column(label("role"), width=28), Column(""), *month_columns])
    for role in dict.fromkeys(m.role for m in plan.months):
        rows = sorted((m for m in plan.months if m.role == role), key=lambda m: m.month)
        for key in PIVOT:
            word = label("pivot_" + ("overtime" if key == "overtime_hours" else key))
            pivot.rows.append([names.get(role, role), word, *(getattr(m, key) for m in rows)])
    cover = Table(label("by_channel_month"),
                  [Column(label("sourcing_channel"), width=20), Column("", width=28), *month_columns])
    for channel in dict.fromkeys(m.channel for m in plan.channel_months):
        rows = sorted((m for m in plan.channel_months if m.channel == channel), key=lambda m: m.month)
        shown = names.get(channel, channel)
        cover.rows.append([shown, label("need_hours"), *(m.need_hours for m in rows)])
        cover.rows += [[shown, names.get(r, r), *(m.by_role[r] for m in rows)] for r in rows[0].by_role]
        cover.rows.append([shown, label("temp_hours"), *(m.temp_hours for m in rows)])
        cover.rows.append([shown, label("uncovered_hours"), *(m.uncovered_hours for m in rows)])
    dates = [Column(label(key), kind="date") for key in ("open_by", "training_starts", "go_live",
                                                          "productive_by")]
    classes = Table(label("classes"), [
        Column(label("role"), width=28), Column(label("class_hires"), kind="whole"),
        Column(label("qualified"), kind="decimal"), Column(label("after_90_days"), kind="decimal"),
        Column(label("training_cost"), kind="decimal"), *dates],
        [[names.get(k.role, k.role), k.hires, k.qualified, k.after_90_days, k.training_cost, k.open_by,
          k.training_starts, k.go_live, k.fully_productive] for k in plan.classes])
    requisitions = Table(label("sourcing_plan"), [
        Column(label("role"), width=28), Column(label("training_starts"), kind="date"),
        Column(label("sourcing_channel"), width=20), Column(label("hires"), kind="whole"),
        Column(label("open_by"), kind="date"), Column(label("applicants"), kind="whole"),
        Column(label("cost"), kind="decimal")],
        [[names.get(r.role, r.role), k.training_starts, names.get(r.sourcing, r.sourcing), r.hires, r.open_by,
          r.applicants, r.cost] for k in plan.classes for r in k.requisitions])
    # the channels' totals on a sheet of their own: rows of another kind inside the requisitions
    # would break Excel's filter and sort, and a job board's yearly fee belongs to no requisition
    totals = Table(label("sourcing_totals"), [
        Column(label("sourcing_channel"), width=28), Column(label("hires"), kind="whole"),
        Column(label("applicants"), kind="whole"), Column(label("resumes_per_qualified"), kind="decimal"),
        Column(label("per_hire_fees"), kind="decimal"), Column(label("fixed_fees"), kind="decimal"),
        Column(label("cost_total"), kind="decimal")],
        [[names.get(s.sourcing, s.sourcing), s.hires, s.applicants, s.resumes_per_qualified, s.per_hire_cost,
          s.fixed_cost, s.cost] for s in plan.sourcing])
    funnel = Table(label("hiring_funnel"), [
        Column(label("role"), width=28), Column(label("training_starts"), kind="date"),
        Column(label("sourcing_channel"), width=20),
        *(Column(label(f"funnel.{stage}"), kind="whole") for stage in STAGES),
        Column(label("funnel.qualified"), kind="decimal"),
        Column(label("resumes_per_qualified"), kind="decimal")],
        [[names.get(r.role, r.role), k.training_starts, names.get(r.sourcing, r.sourcing),
          *(getattr(r.funnel, stage) for stage in STAGES), r.funnel.qualified, r.funnel.resumes_per_qualified]
         for k in plan.classes for r in k.requisitions])
    return [summary, mix, pivot, cover, classes, requisitions, totals, funnel]
