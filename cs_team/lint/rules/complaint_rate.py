"""CS257: a promotion's complaint-rate cap says what the rate is a share of.

"投诉率不高于 0.5%" means nothing until it says of what: complaints per contacts handled, per
orders, per customers served, over which months. HR computes one figure and the candidate
another, and the same person passes or fails by the denominator chosen. The cap is read with
the competition's own texts (its title, special track and stages): one of them must give the
denominator, as a division or a named base ("÷ 本人接待量", "per contacts handled").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import phrase

DENOMINATOR = re.compile(
    r"÷|除以|分母|接待量|服务量|来电量|会话量|订单量|每(百|千|万)"
    r"|\bdivided by\b|\bdenominator\b|\bper (100|1,?000|10,?000|hundred|thousand)\b"
    r"|\b(over|of) (the |their |all )?(contacts|calls|chats|orders|customers)\b"
    r"|\bcontacts (handled|served)\b",
    re.IGNORECASE)


def _texts(promotion) -> Iterator[str]:
    yield from promotion.title.all_strings()
    if promotion.special_track is not None:
        yield from promotion.special_track.description.all_strings()
    for stage in promotion.stages:
        yield from stage.title.all_strings()
        yield from stage.description.all_strings()


def check(playbook: Playbook) -> Iterator[Report]:
    for rules in playbook.evaluation:
        for i, promotion in enumerate(rules.promotions):
            cap = promotion.eligibility.max_complaint_rate_percent
            if cap is None or any(DENOMINATOR.search(text) for text in _texts(promotion)):
                continue
            site = playbook.site(rules).at("promotions", i, "eligibility", "max_complaint_rate_percent")
            yield Report(site, phrase("content.complaint_rate_no_base", id=promotion.id, cap=f"{cap:g}"))
