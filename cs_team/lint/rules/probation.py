"""CS219-CS222: probation the Labour Contract Law allows, and ramps that fit the KPI.

《劳动合同法》 art. 19 caps probation by the labour contract's term and allows one
probation per employer and employee, so it can be neither longer than the cap nor
extended or repeated; art. 83 makes the employer pay the excess as wages. A weak hire
gets a written improvement plan after 转正 instead (DOMAIN.md, section 10).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.lint.texts import texts
from cs_team.playbook import Playbook, Site
from cs_team.wording import Phrase, Texts, phrase

# Texts that propose a longer or second probation, in Chinese and English.
_EXTENSION = re.compile(
    r"延长.{0,6}试用|试用期?.{0,4}(延长|顺延|延期|再延)|延期转正|推迟转正|(再次|重新|二次|第二次)(约定)?试用"
    r"|\bextend(s|ed|ing)?\b.{0,30}\bprobation|\bprobation\b.{0,20}\bextend|\bprobation extension"
    r"|\bextension of (the |their |his |her )?probation|\b(repeat(s|ed)?|second|new|another) probation",
    re.IGNORECASE)
# A text that forbids an extension ("试用期不得延长", "never extend probation") is advice, not a
# plan: a negation inside the match or right before it (not one clauses earlier: "不达标，延长试用").
_NEGATION = re.compile(r"不|禁止|勿|\b(not|never|no|cannot)\b|n't", re.IGNORECASE)
_NEGATED_BEFORE = re.compile(r"(不[得能会可要]?|禁止|勿|\b(not|never|no|cannot)|n't)\s*$", re.IGNORECASE)
# KPIs that hold from the first day (red lines, schedule, courtesy): a deep ramp on them is a slip.
HOLD_FROM_GO_LIVE = ("quality_percent", "adherence_percent", "csat_percent")
HOLD_PERCENT = 90


def legal_cap(contract_months: int | str) -> int:
    """Longest probation art. 19 allows for a contract of this term (months; 0: none)."""
    if contract_months == "open-ended":
        return 6
    months = int(contract_months)
    if months < 3:
        return 0
    return 1 if months < 12 else 2 if months < 36 else 6


def _term(contract_months: int | str) -> Phrase:
    if contract_months == "open-ended":
        return phrase("law.open_ended")
    return phrase("law.term_months", months=contract_months)


def proposes_extension(text: str) -> bool:
    """Whether the text plans a longer or repeated probation (not one that forbids it)."""
    return any(not (_NEGATION.search(match.group()) or _NEGATED_BEFORE.search(text[:match.start()]))
               for match in _EXTENSION.finditer(text))


def _probations(playbook: Playbook) -> Iterator[tuple[Site, object]]:
    for rules in playbook.evaluation:
        yield playbook.site(rules).at("probation"), rules.probation


def check_cap(playbook: Playbook) -> Iterator[Report]:
    for site, probation in _probations(playbook):
        term = probation.contract_months
        cap = 6 if term is None else legal_cap(term)
        if probation.months <= cap:
            continue
        contract = phrase("law.any_contract") if term is None else _term(term)
        allowed = phrase("law.no_probation") if cap == 0 else phrase("law.at_most", cap=cap)
        fix = phrase("law.set_months", cap=cap) if cap else phrase("law.remove_or_lengthen")
        yield Report(site.at("months"), phrase("law.over_cap", months=probation.months, contract=contract,
                                               allowed=allowed, fix=fix))


def check_extension(playbook: Playbook) -> Iterator[Report]:
    for site, probation in _probations(playbook):
        for i, review in enumerate(probation.reviews):
            if review.month > probation.months:
                yield Report(site.at("reviews", i, "month"), phrase(
                    "law.review_after", month=review.month, months=probation.months))
        for path, text in texts(probation):
            if any(proposes_extension(s) for s in text.all_strings()):
                yield Report(site.at(*path), phrase("law.extension"))


def check_term_stated(playbook: Playbook) -> Iterator[Report]:
    for site, probation in _probations(playbook):
        if probation.contract_months is None:
            yield Report(site.at("months"), phrase("law.term_missing"), key=True)


def check_ramp(playbook: Playbook) -> Iterator[Report]:
    for site, probation in _probations(playbook):
        measured = {kpi for targets in probation.targets.values() for kpi, _ in targets.items()}
        for i, review in enumerate(probation.reviews):
            low = [(kpi, review.percent_for(kpi)) for kpi in HOLD_FROM_GO_LIVE
                   if kpi in measured and review.percent_for(kpi) < HOLD_PERCENT]
            if not low:
                continue
            where = (("ramp_percent", low[0][0]) if low[0][0] in review.ramp_percent
                     else ("expected_percent_of_target",))
            listed = Texts((("en", ", ".join(f"{kpi} at {percent:g} %" for kpi, percent in low)),
                            ("zh", "、".join(f"{kpi} {percent:g}%" for kpi, percent in low))))
            yield Report(site.at("reviews", i, *where), phrase(
                "law.ramp_hold", month=review.month, listed=listed, hold=HOLD_PERCENT))
