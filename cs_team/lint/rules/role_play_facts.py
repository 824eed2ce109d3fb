"""CS252: a role-play graded on stating a rule accurately gives the candidate the rule.

"准确说明退款规则" can only be judged against the rule the candidate was handed: without the
scenario's ``facts``, each assessor grades against the rule they remember, and a candidate from
another company is marked down for not knowing this one's. The rubric and what to watch for are
read for a rule, policy, procedure or time limit the candidate must state or explain accurately.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import phrase

_ZH_RULE = r"(规则|政策|规定|流程|时限|计算方法|退款计算|价保|价格保护)"
GRADES_RULE = re.compile(
    rf"(准确|正确|讲清|说清)(地)?(说明|解释|介绍|告知|讲清|说出)?[^，。；]{{0,12}}{_ZH_RULE}"
    r"|(说明|解释|告知)[^，。；]{0,10}(正式流程|处理时限|办理时限|退款规则|政策)"
    rf"|{_ZH_RULE}[^，。；]{{0,6}}(说错|解释不清|说明基本正确|说不清)"
    r"|\b(states?|explains?|gives?|describes?)\b[^.;]{0,40}\b(rules?|polic(y|ies)|procedures?|time limits?)\b"
    r"[^.;]{0,30}\b(accurately|correctly|right)\b"
    r"|\b(accurately|correctly|exactly)\b[^.;]{0,30}"
    r"\b(rules?|polic(y|ies)|procedures?|refund is worked out)\b"
    r"|\b(gets?|has) the [^.;]{0,30}\b(rules?|polic(y|ies))\b wrong\b",
    re.IGNORECASE)


def graded_rule(question) -> str | None:
    """The words of the rubric or watch-for list that grade stating a rule, if any."""
    scenario = question.scenario
    texts = [*(item for item in scenario.watch_for), *(t for t in (
        question.rubric.poor, question.rubric.fair, question.rubric.strong) if question.rubric)]
    for text in texts:
        for value in text.all_strings():
            match = GRADES_RULE.search(value)
            if match:
                return match.group()
    return None


def check(playbook: Playbook) -> Iterator[Report]:
    for bank in playbook.banks:
        for i, question in enumerate(bank.questions):
            if question.scenario is None or question.scenario.facts:
                continue
            words = graded_rule(question)
            if words is not None:
                yield Report(playbook.site(bank).at("questions", i, "scenario"), phrase(
                    "content.role_play_no_facts", id=question.id, words=words), key=True)
