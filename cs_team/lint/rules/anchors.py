"""CS254: a rating anchor describes what the person does, not what others think of them.

An interviewer rates what a candidate says and does in the room. "公认的专家", "同事常向他请教",
"客户常点名表扬", "the team's go-to person" describe a reputation earned over months in one
workplace: nobody can observe it in an hour, an outsider has had no chance to earn it, and a
rater who reads it grades how impressive the candidate's stories sound. The anchors of each
competency's scale are read for such wording, in Chinese and English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import phrase

REPUTATION = re.compile(
    r"公认|定心丸|口碑|点名表扬|表扬信|常被|(常|都|愿意|喜欢)向(他|她)请教|常找(他|她)|"
    r"(成为|是)[^，。；]{0,10}(参照|范例|标杆|榜样|稳定器|主心骨|定心丸|专家)|"
    r"被整理成|(整理|选)为[^，。；]{0,6}(范例|标杆)|在其他[^，。；]{0,6}推广|"
    r"(客户|顾客|持卡人)[^，。；]{0,6}(表示感谢|致谢|点名)"
    r"|\b(recogni[sz]ed|regarded|known|seen) as\b|\bgo-to\b|\breputation\b|\brole model\b"
    r"|\bby name\b|\bseeks? (them|him|her) out\b|\bturns? to (them|him|her)\b"
    r"|\b(seek|turn to|ask) (them|him|her) out\b|\bturns? [^.;]{0,40} into model scripts?\b"
    r"|\bthe person the [^.;]{0,20} turns? to\b|\badopted by other\b|\bthank (them|him|her)\b"
    r"|\bsteadies the team\b|\bthe team'?s? (reference|anchor|rock)\b",
    re.IGNORECASE)


def reputation_words(text) -> str | None:
    for value in text.all_strings():
        match = REPUTATION.search(value)
        if match:
            return match.group()
    return None


def check(playbook: Playbook) -> Iterator[Report]:
    for competency in playbook.competencies.values():
        site = playbook.site(competency)
        if isinstance(competency.scale, list):
            anchors = [(point.value, point.anchor, site.at("scale", i, "anchor"))
                       for i, point in enumerate(competency.scale) if point.anchor is not None]
        else:
            anchors = [(value, text, site.at("anchors", value))
                       for value, text in (competency.anchors or {}).items()]
        for value, text, place in anchors:
            words = reputation_words(text)
            if words is not None:
                yield Report(place, phrase("content.anchor_reputation", competency=competency.id,
                                           point=value, words=words))
