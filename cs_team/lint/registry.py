"""Every rule cs-team knows: stable code, kebab-case name, severity, explanation.

File- and schema-level rules are raised by the loader; cross-file rules live in
``cs_team.lint.rules``, one module each, and attach their check here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cs_team.findings import Severity

if TYPE_CHECKING:
    from cs_team.playbook import Site


@dataclass
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    check: Callable | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"


RULES: dict[str, Rule] = {}


@dataclass(frozen=True)
class Report:
    """What a rule's check says: where, and what is wrong there (and how to fix it)."""

    site: Site
    message: str
    key: bool = False
    """Point at the key rather than its value (e.g. at ``hiring_criteria:``)."""


def _rule(code: str, name: str, severity: Severity, summary: str, explanation: str) -> None:
    RULES[code] = Rule(code, name, severity, summary, " ".join(explanation.split()))


E, W = Severity.ERROR, Severity.WARNING

# -- files -------------------------------------------------------------------
_rule("CS001", "yaml-syntax", E, "The file is not valid YAML.", """
    The YAML parser stopped at this position. Common causes are a tab used for
    indentation, a missing space after a colon, or an unclosed quote or bracket.""")
_rule("CS002", "duplicate-key", E, "A mapping has the same key twice.", """
    YAML parsers silently keep the last of two equal keys, so the first value is
    lost without a word. Remove or rename one of them.""")
_rule("CS003", "file-encoding", E, "The file is not UTF-8.", """
    Playbooks are read as UTF-8 (with or without a byte-order mark). Files saved
    as GBK/GB18030 or UTF-16 by older editors must be converted, for example with
    `iconv -f GB18030 -t UTF-8 in.yaml > out.yaml`.""")
_rule("CS004", "empty-file", W, "The file holds no YAML document.", """
    The file is empty or holds only comments, so it defines nothing. Delete it or
    give it content.""")
_rule("CS005", "unreadable-file", E, "The file cannot be read as a playbook.", """
    The file is binary, larger than the size cs-team reads, or cannot be opened.
    Playbooks are small text files; split a large one into several.""")
_rule("CS006", "alias-expansion", E, "YAML aliases expand beyond a safe size.", """
    Anchors and aliases (`&a` / `*a`) can make a small file expand into billions of
    values (the "billion laughs" attack). cs-team stops when the expanded document
    would exceed a fixed number of nodes; write the content out instead.""")
_rule("CS007", "ambiguous-boolean", W, "A YAML 1.1 word is read as true/false.", """
    PyYAML reads `yes`, `no`, `on`, `off`, `y` and `n` as booleans. Write `true` or
    `false` for a flag, or quote the word if you meant text.""")
_rule("CS008", "multiple-documents", E, "A file holds more than one YAML document.", """
    Each playbook file holds exactly one document; split documents separated by
    `---` into files of their own.""")
_rule("CS009", "unknown-kind", E, "The document does not say a known `kind`.", """
    Every playbook document starts with `kind:` (what it is) and `format:` (which
    format version it follows). `cs-team rules` and the README list the kinds.""")
_rule("CS010", "unsupported-format", E, "The `format` version is missing or unknown.", """
    `format: 1` is the version this cs-team reads. A higher number was written for a
    newer cs-team: upgrade it. The field is required so that the format can evolve
    without breaking repositories.""")

# -- schema ------------------------------------------------------------------
_rule("CS101", "missing-key", E, "A required key is missing.", """
    The document or item lacks a key its kind requires. The message names the key
    and where to add it.""")
_rule("CS102", "unknown-key", E, "A key is not part of the format.", """
    The key is not defined for this kind (often a typo: the message suggests the
    closest known key). Unknown keys are errors so that misspelt settings are not
    silently ignored.""")
_rule("CS103", "wrong-type", E, "A value has the wrong type.", """
    For example a list where a single value is expected, text where a number is
    expected, or a number written in quotes.""")
_rule("CS104", "invalid-value", E, "A value is not allowed here.", """
    The value has the right type but is outside what the field accepts: not one of
    the allowed words, out of range, or not a valid identifier (lower case letters,
    digits, `-`, `_` and `.`).""")

# -- across files ------------------------------------------------------------
_rule("CS201", "duplicate-id", E, "Two items share an id.", """
    Ids are unique across the whole repository within a kind (two roles, two
    questions, two modules...), because every reference names an id.""")
_rule("CS202", "unresolved-reference", E, "A reference names an id that does not exist.", """
    A role names a competency, curriculum, onboarding template, grade or role; a
    question names a competency; a module names a prerequisite: each must exist in
    the repository. The message suggests the closest existing id.""")
_rule("CS203", "weights-not-100", E, "Weights do not add up to 100.", """
    Hiring-criteria weights of a role and the components of a promotion model are
    percentages of one total score, so they must add up to exactly 100.""")
_rule("CS204", "insufficient-questions", E, "The question bank cannot fill an interview stage.", """
    For every competency a role's interview stage assesses, the bank must hold
    enough distinct questions of each requested type that suit the role and its
    level. Each question is used at most once in a kit, so a question assessing two
    competencies fills only one slot.""")
_rule("CS205", "scale-incomplete", E, "A rating scale is incomplete or out of order.", """
    Scale points must be whole numbers, ascending, without gaps, and each must carry
    a label or an anchor; a competency using a shared scale must anchor every point
    of it and no other.""")
_rule("CS206", "prerequisite-cycle", E, "Module prerequisites form a cycle.", """
    A module cannot come before itself: the cycle is listed module by module. Break
    it by removing one of the prerequisites.""")
_rule("CS207", "stage-over-capacity", E, "An onboarding stage needs more hours than it has.", """
    The modules placed in a stage add up to more training hours than the stage's
    working days offer, after the daily cap, lunch and the blocked (peak-hour)
    windows. Lengthen the stage or move modules.""")
_rule("CS208", "missing-language", E, "A text lacks a language the repository requires.", """
    `cs-team.yaml` lists the languages every text must be written in. A plain string
    counts as the default language; give a mapping such as `{zh: ..., en: ...}`.""")
_rule("CS209", "near-duplicate-question", W, "Two questions are nearly the same.", """
    Questions whose wording overlaps almost entirely waste interview time and make
    kits repetitive. Merge them, or make them ask about different situations.""")
_rule("CS210", "target-out-of-range", E, "A KPI or service target is impossible.", """
    Percentages must lie between 0 and 100, times must be positive, and a service
    level needs a percentage below 100 and a positive time.""")
_rule("CS211", "implausible-target", W, "A KPI or service target is far from usual figures.", """
    The value is possible but far outside the ranges contact centres report (for
    example CSAT below 50 %, occupancy above 90 %, which burns agents out, or an
    average handle time over an hour). Check the unit: percentages are written as
    85, not 0.85.""")
_rule("CS212", "impossible-rate", E, "Shrinkage or attrition is 100 % or more.", """
    Shrinkage of 100 % leaves no time on the floor and attrition of 100 % a month
    replaces the whole team every month; such a rate makes staffing arithmetic
    meaningless. Typical shrinkage is 24-40 %, attrition 3-5 % a month.""")
_rule("CS213", "prerequisite-order", E, "An onboarding stage schedules a module before its prerequisite.", """
    Stages run in order, so a module's prerequisites must sit in an earlier stage or
    earlier in the same stage.""")
_rule("CS214", "interview-over-time", W, "A stage's questions take longer than the stage.", """
    The minutes of the questions the kit will use exceed the minutes planned for the
    stage, so the interviewer will run out of time.""")
_rule("CS215", "module-not-scheduled", W, "A curriculum module is missing from the onboarding template.", """
    The onboarding template that uses a curriculum does not place one of its
    modules in any stage, so new hires would never take it.""")


def rule(code: str) -> Callable:
    """Attach a check function to the registered rule ``code``."""

    def attach(function: Callable) -> Callable:
        RULES[code].check = function
        return function

    return attach


def resolve_codes(names: Iterable[str]) -> tuple[set[str], list[str]]:
    """Map codes, names or code prefixes (``CS2``) to codes; also return the unknown ones."""
    codes: set[str] = set()
    unknown: list[str] = []
    for raw in names:
        name = raw.strip()
        matched = {
            c for c, r in RULES.items() if name.upper() == c or name == r.name
        } or {c for c in RULES if name.upper().startswith("CS") and c.startswith(name.upper())}
        if matched:
            codes |= matched
        else:
            unknown.append(name)
    return codes, unknown
