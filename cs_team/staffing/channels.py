"""Agents needed on the floor, interval by interval, for each kind of channel.

- voice and social: Erlang C on the service-level or ASA target and the occupancy cap.
- chat and messaging: an agent holds ``concurrency`` conversations at once, so the queue is
  served by agents x concurrency slots, each conversation occupying one slot for its handle
  time (the chat AHT, measured at that concurrency). Erlang C gives the slots; agents are
  slots / concurrency, rounded up. Concurrency above 1 also lengthens each chat, which is why
  the forecast's AHT must be the one measured at that concurrency.
- with ``patience_seconds`` (voice, social, chat, messaging): Erlang A instead of Erlang C, to
  the service-level, ASA and abandonment targets; each distinct volume and AHT is staffed once.
- email and tickets (deferred work): the work can wait up to the response target, so it is planned
  as hours of work (volume x AHT ÷ the occupancy cap) done within its window while the floor is
  staffed, not as a queue around the clock. Its figure per interval is the level that clears each
  window's work in the window's staffed intervals (those where a live channel has agents; every
  interval when there is none), and nothing outside them.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from cs_team.model.hiring import ServiceChannel
from cs_team.staffing import batch
from cs_team.staffing.batch import ceil_tolerant
from cs_team.staffing.forecast import ChannelForecast, offsets


def on_grid(forecast: ChannelForecast, first: dt.datetime, count: int, step: int) -> tuple[np.ndarray, ...]:
    """Volume and AHT on a regular grid of ``count`` intervals from ``first`` (gaps: no volume)."""
    volume, aht = np.zeros(count), np.ones(count)
    index = np.asarray(offsets(forecast, first, step), dtype=np.int64)
    volume[index] = forecast.volume
    aht[index] = np.where(np.array(forecast.aht_seconds) > 0, forecast.aht_seconds, 1.0)
    return volume, aht


def deferred(channel: ServiceChannel) -> bool:
    """Work that waits in a queue of its own (email, tickets) rather than a caller on the line."""
    return channel.type == "email"


def window_intervals(channel: ServiceChannel, step: int) -> int:
    """Intervals a deferred channel's work may wait: its response target (24 h by default)."""
    return max(1, round((channel.response_hours or 24) * 3600 / step))


def work(channel: ServiceChannel, volume: np.ndarray, aht: np.ndarray, step: int) -> np.ndarray:
    """Agent-intervals of a deferred channel's work arriving in each interval, at the occupancy cap."""
    cap = channel.max_occupancy_percent / 100 if channel.max_occupancy_percent else 1.0
    return volume * aht / step / cap


def floor_agents(channel: ServiceChannel, volume: np.ndarray, aht: np.ndarray, step: int,
                 staffed: np.ndarray | None = None) -> np.ndarray:
    """Agents needed in each interval to meet the channel's target (a deferred channel: in the
    ``staffed`` intervals only, every one when not given)."""
    cap = channel.max_occupancy_percent / 100 if channel.max_occupancy_percent else None
    if deferred(channel):
        return _deferred_level(work(channel, volume, aht, step), window_intervals(channel, step), staffed)
    target = channel.service_level.percent / 100 if channel.service_level else None
    within = channel.service_level.within_seconds if channel.service_level else None
    if channel.patience_seconds is not None:
        slots = _abandoning(channel, volume, aht, step, target, within, cap)
    else:
        slots = batch.required_agents(volume, aht, step, target=target, within_seconds=within,
                                      asa_seconds=channel.asa_seconds, max_occupancy=cap)
    if channel.concurrency <= 1:
        return slots
    return ceil_tolerant(slots / channel.concurrency)


def _deferred_level(arriving: np.ndarray, window: int, staffed: np.ndarray | None) -> np.ndarray:
    """In each staffed interval, the work of the window ending there spread over the window's
    staffed intervals (those before the forecast count as staffed); 0 elsewhere."""
    ones = np.ones(window)
    totals = np.convolve(arriving, ones)[: len(arriving)]  # trailing window sums
    if staffed is None:
        return ceil_tolerant(totals / window)
    closed = np.convolve((~staffed).astype(float), ones)[: len(arriving)]
    level = totals / np.maximum(window - closed, 1.0)
    return np.where(staffed, ceil_tolerant(level), 0).astype(np.int64)


def _abandoning(channel: ServiceChannel, volume: np.ndarray, aht: np.ndarray, step: int,
                target: float | None, within: float | None, cap: float | None) -> np.ndarray:
    from cs_team.staffing import erlang_a

    abandon = channel.abandon_percent / 100 if channel.abandon_percent is not None else None
    known: dict[tuple[float, float], int] = {}
    agents = np.zeros(len(volume), dtype=np.int64)
    for i, pair in enumerate(zip(volume.tolist(), aht.tolist(), strict=True)):
        if pair not in known:
            known[pair] = erlang_a.required_agents(
                pair[0], pair[1], step, channel.patience_seconds, target=target, within_seconds=within,
                asa_seconds=channel.asa_seconds, abandon_rate=abandon, max_occupancy=cap).agents
        agents[i] = known[pair]
    return agents
