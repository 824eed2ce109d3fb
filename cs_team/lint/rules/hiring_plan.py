"""CS240-CS244: what the hiring plan's program is told must make sense before it plans.

A role spending hours on a channel it does not staff, temps on a channel that does not exist, a move
to a role nobody defined: the program would silently ignore each, so lint names them first.
"""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.playbook import Playbook
from cs_team.wording import did_you_mean, namespace_name, phrase

MONTH_WEEKS = 52 / 12
OVERTIME_MONTH_CAP = 36  # 《劳动法》第四十一条: at most 36 hours of overtime a month


def check_channels(playbook: Playbook) -> Iterator[Report]:
    """CS240: a roster's channel_order or max_share_percent names a channel the role does not staff."""
    for inputs in playbook.hiring.values():
        site = playbook.site(inputs)
        for r, entry in enumerate(inputs.roster):
            mine = [c.id for c in inputs.channels if entry.role in c.roles]
            named = [(("channel_order", i), c) for i, c in enumerate(entry.channel_order)]
            named += [(("max_share_percent", c), c) for c in entry.max_share_percent]
            for path, channel in named:
                if channel not in mine:
                    yield Report(site.at("roster", r, *path), phrase(
                        "plan.channel_not_staffed", role=entry.role, channel=channel,
                        mine=", ".join(mine) or phrase("plan.no_channel"), hint=did_you_mean(channel, mine)))


def check_temps(playbook: Playbook) -> Iterator[Report]:
    """CS241: temporary agents offered for a channel the hiring inputs do not have."""
    for inputs in playbook.hiring.values():
        known = [c.id for c in inputs.channels]
        for t, temp in enumerate(inputs.temps):
            for i, channel in enumerate(temp.channels):
                if channel not in known:
                    yield Report(playbook.site(inputs).at("temps", t, "channels", i), phrase(
                        "plan.temps_channel", temp=temp.id, channel=channel, known=", ".join(known),
                        hint=did_you_mean(channel, known)))


def check_moves(playbook: Playbook) -> Iterator[Report]:
    """CS242: an internal move from or to a role that does not exist, or from a role to itself."""
    for inputs in playbook.hiring.values():
        for m, move in enumerate(inputs.moves):
            site = playbook.site(inputs).at("moves", m)
            for key in ("from_role", "to_role"):
                role = getattr(move, key)
                if not playbook.exists("role", role):
                    hint = did_you_mean(role, playbook.declared.get("role", {}))
                    yield Report(site.at(key), phrase("rules.unknown_reference",
                                                      namespace=namespace_name("role"), key=role, hint=hint))
            if move.from_role == move.to_role:
                yield Report(site.at("to_role"), phrase("plan.move_to_itself", role=move.from_role))


def check_overtime(playbook: Playbook) -> Iterator[Report]:
    """CS243: weekly overtime that adds up to more than the 36 hours a month the Labour Law allows."""
    for inputs in playbook.hiring.values():
        if inputs.overtime is None:
            continue
        weekly = inputs.overtime.max_hours_per_person_week
        if weekly * MONTH_WEEKS > OVERTIME_MONTH_CAP + 1e-9:
            yield Report(playbook.site(inputs).at("overtime", "max_hours_per_person_week"), phrase(
                "plan.overtime", weekly=float(weekly), monthly=f"{weekly * MONTH_WEEKS:.1f}",
                cap=f"{OVERTIME_MONTH_CAP / MONTH_WEEKS:.1f}"))


def check_new_hire_rate(playbook: Playbook) -> Iterator[Report]:
    """CS244: new hires said to leave more slowly than tenured agents."""
    from cs_team.staffing.workforce import early_rate

    for inputs in playbook.hiring.values():
        early = early_rate(inputs)  # a 90-day share as its monthly rate
        if early is not None and early < inputs.attrition_percent_per_month:
            key = ("new_hire_attrition_percent_per_month" if inputs.new_hire_90_day_attrition_percent is None
                   else "new_hire_90_day_attrition_percent")
            yield Report(playbook.site(inputs).at(key), phrase("plan.new_hire_rate", early=round(early, 2),
                                                               tenured=float(inputs.attrition_percent_per_month)))
