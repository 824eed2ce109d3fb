"""CS245-CS249: shift rules a roster can be made from, and abandonment targets that can be met.

- CS245 a template staffs a channel the hiring inputs do not have;
- CS246 a template's lunch cannot fall inside it (window reversed, or running past the shift);
- CS247 one channel staffed by templates of different channel sets (a roster pools a channel once);
- CS248 an abandonment target without the patience it needs, or patience on email;
- CS249 a start window off the grid (the roster would start shifts at other times than written).
"""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.registry import Report
from cs_team.model.shifts import minutes
from cs_team.playbook import Playbook
from cs_team.wording import did_you_mean, phrase


def _rules(playbook: Playbook):
    for inputs in playbook.hiring.values():
        if inputs.shifts is not None:
            yield inputs, playbook.site(inputs).at("shifts")


def check_channels(playbook: Playbook) -> Iterator[Report]:
    for inputs, site in _rules(playbook):
        known = {c.id for c in inputs.channels}
        for t, template in enumerate(inputs.shifts.templates):
            for c, channel in enumerate(template.channels):
                if channel not in known:
                    yield Report(site.at("templates", t, "channels", c), phrase(
                        "shifts.unknown_channel", shift=template.id, channel=channel,
                        known=", ".join(sorted(known)), hint=did_you_mean(channel, sorted(known))))


def check_lunch(playbook: Playbook) -> Iterator[Report]:
    for inputs, site in _rules(playbook):
        rules = inputs.shifts
        for t, template in enumerate(rules.templates):
            lunch = template.lunch
            if lunch is None or lunch.minutes == 0:
                continue
            if lunch.earliest_hours > lunch.latest_hours:
                yield Report(site.at("templates", t, "lunch", "earliest_hours"), phrase(
                    "shifts.lunch_reversed", shift=template.id, earliest=f"{lunch.earliest_hours:g}",
                    latest=f"{lunch.latest_hours:g}"))
            elif lunch.earliest_hours * 60 + lunch.minutes > template.hours * 60:
                yield Report(site.at("templates", t, "lunch"), phrase(
                    "shifts.lunch_outside", shift=template.id, hours=f"{template.hours:g}",
                    minutes=lunch.minutes, earliest=f"{lunch.earliest_hours:g}"), key=True)


def check_pools(playbook: Playbook) -> Iterator[Report]:
    for inputs, site in _rules(playbook):
        everyone = [c.id for c in inputs.channels]
        first: dict[str, tuple[str, tuple[str, ...]]] = {}
        for t, template in enumerate(inputs.shifts.templates):
            staffed = tuple(c for c in everyone if c in template.channels or not template.channels)
            for channel in staffed:
                other = first.setdefault(channel, (template.id, staffed))
                if other[1] != staffed:
                    yield Report(site.at("templates", t), phrase(
                        "shifts.two_pools", channel=channel, first=other[0],
                        first_channels=", ".join(other[1]), shift=template.id, channels=", ".join(staffed)),
                        key=True)
                    break


def check_abandonment(playbook: Playbook) -> Iterator[Report]:
    for inputs in playbook.hiring.values():
        site = playbook.site(inputs)
        for c, channel in enumerate(inputs.channels):
            if channel.abandon_percent is not None and channel.patience_seconds is None:
                yield Report(site.at("channels", c, "abandon_percent"), phrase(
                    "shifts.abandon_without_patience", channel=channel.id,
                    percent=f"{channel.abandon_percent:g}"))
            elif channel.patience_seconds is not None and channel.type == "email":
                yield Report(site.at("channels", c, "patience_seconds"), phrase(
                    "shifts.patience_on_email", channel=channel.id))


def check_grid(playbook: Playbook) -> Iterator[Report]:
    for inputs, site in _rules(playbook):
        rules = inputs.shifts
        for t, template in enumerate(rules.templates):
            for key in ("earliest_start", "latest_start"):
                if minutes(getattr(template, key)) % rules.grid_minutes:
                    yield Report(site.at("templates", t, key), phrase(
                        "shifts.off_grid", shift=template.id, key=key, clock=getattr(template, key),
                        grid=rules.grid_minutes))
