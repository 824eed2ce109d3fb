"""Cross-file rules, one module each; importing this package registers their checks."""

from cs_team.lint.rules import (  # noqa: F401
    demand_pattern,
    duplicate_ids,
    fair_hiring,
    interview_time,
    languages,
    near_duplicates,
    onboarding_capacity,
    prerequisites,
    question_supply,
    references,
    scales,
    targets,
    traceability,
    weights,
)
