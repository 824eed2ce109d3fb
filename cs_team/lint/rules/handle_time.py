"""CS224: one handle time: the roles of a family and the voice forecast agree on AHT.

A senior role allowed a longer handle time than a junior one of its family contradicts the
levels (agent-3 at 480 s over agent-1 at 420 s), and a voice forecast whose handle time is
outside every target of the roles that take the calls sizes the team for agents who do not
exist. Chat is not compared: its conversations run in parallel (concurrency).
"""

from __future__ import annotations

from collections.abc import Iterator

from cs_team.lint.hiring_forecasts import hiring_forecasts
from cs_team.lint.registry import Report
from cs_team.model.common import LEVELS
from cs_team.playbook import Playbook
from cs_team.wording import Phrase, Texts, phrase


def _role_against_family(playbook: Playbook) -> Iterator[Report]:
    """A more senior role of a family allowed a longer AHT than a more junior one of it."""
    by_family: dict[str, list[tuple[int, str, float]]] = {}
    for role in playbook.roles.values():
        level = playbook.level_of(role)
        aht = playbook.probation_targets(role).get("aht_seconds")
        if level in LEVELS and aht is not None:
            by_family.setdefault(role.family, []).append((LEVELS.index(level), role.id, aht))
    for family, roles in by_family.items():
        for rank, role_id, aht in roles:
            junior = [(r, other, a) for r, other, a in roles if r < rank and a < aht]
            if not junior:
                continue
            _, other, theirs = min(junior, key=lambda item: item[2])
            role = playbook.roles[role_id]
            own = role.kpi_targets is not None and role.kpi_targets.aht_seconds is not None
            site = playbook.site(role).at("kpi_targets", "aht_seconds") if own else playbook.site(role)
            yield Report(site, phrase(
                "content.aht_family", role=role_id, level=playbook.level_of(role), aht=float(aht),
                theirs=float(theirs), other=other, family=family), key=not own)


def joined(items: list[Phrase]) -> Texts:
    """Phrases listed in each language: 、 between Chinese items, a comma between English ones."""
    return Texts((("zh", "、".join(i.word("zh") for i in items)),
                  ("en", ", ".join(i.word("en") for i in items))))


def _mean_aht(channel) -> float | None:
    volume = sum(channel.volume)
    if volume <= 0:
        return None
    return sum(v * a for v, a in zip(channel.volume, channel.aht_seconds, strict=True)) / volume


def _forecast_against_roles(playbook: Playbook) -> Iterator[Report]:
    for inputs, _, forecast in hiring_forecasts(playbook):
        for c, channel in enumerate(inputs.channels):
            demand = forecast.channels.get(channel.id)
            mean = _mean_aht(demand) if channel.type == "voice" and demand else None
            targets = {role: playbook.probation_targets(playbook.roles[role]).get("aht_seconds")
                       for role in channel.roles if role in playbook.roles}
            targets = {role: t for role, t in targets.items() if t is not None}
            if mean is None or not targets or min(targets.values()) <= mean <= max(targets.values()):
                continue
            listed = joined([phrase("content.aht_forecast_item", role=role, aht=float(t))
                             for role, t in targets.items()])
            yield Report(playbook.site(inputs).at("channels", c), phrase(
                "content.aht_forecast", forecast=inputs.forecast, channel=channel.id,
                mean=round(mean), listed=listed))


def check(playbook: Playbook) -> Iterator[Report]:
    yield from _role_against_family(playbook)
    yield from _forecast_against_roles(playbook)
