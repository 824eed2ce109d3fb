"""Cross-file rules, one module each, and the one table of which function checks which code.

A rule module only defines its check; it is registered here (as yamllint's ``rules/__init__``
lists its rules), so what runs is read in one place and nothing depends on import order.
A test fails when a rule module is not in the table or a code in it has no catalogue entry.
"""

from __future__ import annotations

from cs_team.lint.registry import Check
from cs_team.lint.rules import (
    demand_pattern,
    duplicate_ids,
    fair_hiring,
    handle_time,
    hiring_plan,
    interview_time,
    knock_outs,
    languages,
    near_duplicates,
    onboarding_capacity,
    prerequisites,
    probation,
    promotion_ratings,
    qa_forms,
    question_supply,
    quoting,
    references,
    scales,
    shift_rules,
    stage_competencies,
    targets,
    traceability,
    weights,
)

CHECKS: dict[str, Check] = {
    "CS201": duplicate_ids.check,
    "CS202": references.check,
    "CS203": weights.check,
    "CS204": question_supply.check,
    "CS205": scales.check,
    "CS206": prerequisites.check_cycles,
    "CS207": onboarding_capacity.check_capacity,
    "CS208": languages.check,
    "CS209": near_duplicates.check,
    "CS210": targets.check_impossible,
    "CS211": targets.check_implausible,
    "CS212": targets.check_rates,
    "CS213": prerequisites.check_order,
    "CS214": interview_time.check,
    "CS215": onboarding_capacity.check_unscheduled,
    "CS216": demand_pattern.check,
    "CS217": traceability.check_trained,
    "CS218": promotion_ratings.check,
    "CS219": probation.check_cap,
    "CS220": probation.check_extension,
    "CS221": probation.check_term_stated,
    "CS222": probation.check_ramp,
    "CS223": quoting.check,
    "CS240": hiring_plan.check_channels,
    "CS241": hiring_plan.check_temps,
    "CS242": hiring_plan.check_moves,
    "CS243": hiring_plan.check_overtime,
    "CS244": hiring_plan.check_new_hire_rate,
    "CS224": handle_time.check,
    "CS245": shift_rules.check_channels,
    "CS246": shift_rules.check_lunch,
    "CS247": shift_rules.check_pools,
    "CS248": shift_rules.check_abandonment,
    "CS249": shift_rules.check_grid,
    "CS225": stage_competencies.check_asked,
    "CS226": stage_competencies.check_scored,
    "CS250": knock_outs.check_passes,
    "CS251": knock_outs.check_grounds,
    **fair_hiring.checks(),
    **qa_forms.checks(),
}
