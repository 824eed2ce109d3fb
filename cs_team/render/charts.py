"""Charts drawn from numbers alone: an inline SVG for HTML, a Mermaid block for Markdown."""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import Markup, escape

COLOURS = ("#0b5cad", "#d1242f", "#1a7f37", "#9a6700", "#8250df")


def svg_lines(series: list[tuple[str, list[int]]], labels: list[str], title: str,
              width: int = 640, height: int = 240) -> Markup:
    """A line per series over the same x labels; no script, no external resource."""
    left, right, top, bottom = 40, 10, 20, 30
    top_value = max((v for _, values in series for v in values), default=0) or 1
    steps = max(len(labels) - 1, 1)

    def x(i: int) -> float:
        return left + (width - left - right) * i / steps

    def y(v: float) -> float:
        return top + (height - top - bottom) * (1 - v / top_value)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}" style="width:100%;max-width:{width}px">']
    parts.append(f'<line x1="{left}" y1="{y(0):.1f}" x2="{width - right}" y2="{y(0):.1f}" stroke="#999"/>')
    for tick in (0, top_value // 2, top_value):
        parts.append(f'<text x="{left - 4}" y="{y(tick) + 4:.1f}" font-size="10" '
                     f'text-anchor="end">{tick}</text>')
    for i, label in enumerate(labels):
        if i % max(1, len(labels) // 12) == 0:
            parts.append(f'<text x="{x(i):.1f}" y="{height - 10}" font-size="10" text-anchor="middle">'
                         f'{escape(label)}</text>')
    for n, (name, values) in enumerate(series):
        colour = COLOURS[n % len(COLOURS)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>')
        parts.append(f'<text x="{left + 8 + 90 * n}" y="{top - 6}" font-size="11" fill="{colour}">'
                     f'{escape(name)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def mermaid_lines(series: list[tuple[str, list[int]]], labels: list[str], title: str, axis: str) -> Markup:
    """A Mermaid xychart (GitHub and Gitea draw it) with one line per series."""
    top_value = max((v for _, values in series for v in values), default=0) or 1
    quoted = ", ".join(f'"{label}"' for label in labels)
    rows = ["```mermaid", "xychart-beta", f'    title "{_plain(title)}"', f"    x-axis [{quoted}]",
            f'    y-axis "{_plain(axis)}" 0 --> {top_value}']
    rows += [f"    line [{', '.join(str(v) for v in values)}]" for _, values in series]
    rows.append("```")
    return Markup("\n".join(rows))


def _plain(text: str) -> str:
    """Mermaid strings cannot hold quotes or line breaks."""
    return " ".join(str(text).replace('"', "'").split())


def svg_gantt(bars: list[tuple[str, dt.date, dt.date, bool]], off: set[dt.date], width: int = 680,
              row_height: int = 18) -> Markup:
    """Bars from first to last day (inclusive) on a day axis; stages bold, days off shaded."""
    first = min(b[1] for b in bars)
    last = max(b[2] for b in bars)
    days = (last - first).days + 1
    left, top = 200, 22
    step = (width - left - 8) / days
    height = top + row_height * len(bars) + 6
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'style="width:100%;max-width:{width}px">']
    for n in range(days):
        day = first + dt.timedelta(days=n)
        x = left + n * step
        if day in off:
            parts.append(f'<rect x="{x:.1f}" y="{top}" width="{step:.1f}" height="{height - top}" '
                         'fill="#eee"/>')
        if day.weekday() == 0 or n == 0:
            parts.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height}" stroke="#ccc"/>')
            parts.append(f'<text x="{x + 2:.1f}" y="{top - 8}" font-size="10">{day:%m-%d}</text>')
    for i, (label, start, end, stage) in enumerate(bars):
        y = top + i * row_height
        x = left + (start - first).days * step
        w = ((end - start).days + 1) * step
        colour = COLOURS[0] if stage else COLOURS[2]
        weight = ' font-weight="bold"' if stage else ""
        parts.append(f'<text x="{left - 6}" y="{y + row_height - 5}" font-size="11" text-anchor="end"'
                     f'{weight}>{escape(_clip(label, 34))}</text>')
        parts.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_height - 6}" rx="2" '
                     f'fill="{colour}" fill-opacity="{0.9 if stage else 0.6}">'
                     f'<title>{escape(label)}</title></rect>')
    parts.append("</svg>")
    return Markup("".join(parts))


def mermaid_gantt(sections: list[tuple[str, list[tuple[str, dt.date, dt.date]]]], title: str,
                  milestone: tuple[str, dt.date] | None = None) -> Markup:
    """A Mermaid gantt (GitHub and Gitea draw it): one section per stage, a bar per module."""
    rows = ["```mermaid", "gantt", f"    title {_task(title)}", "    dateFormat YYYY-MM-DD",
            "    axisFormat %m-%d"]
    for name, tasks in sections:
        rows.append(f"    section {_task(name)}")
        for label, start, end in tasks:
            after = end + dt.timedelta(days=1)  # Mermaid's end date is exclusive
            rows.append(f"    {_task(label)} : {start.isoformat()}, {after.isoformat()}")
    if milestone is not None:
        rows.append(f"    {_task(milestone[0])} : milestone, {milestone[1].isoformat()}, 0d")
    rows.append("```")
    return Markup("\n".join(rows))


def _task(text: str) -> str:
    """Mermaid gantt names end at ':' and '#' starts a comment: a colon becomes a dash and a
    semicolon a comma (a full-width mark would put Chinese into an English chart)."""
    return re.sub(r"\s*:\s*", " – ", _plain(text)).replace("#", "＃").replace(";", ",")


def _clip(text: str, width: int) -> str:
    """At most ``width`` columns, counting a CJK character as two."""
    used = 0
    for i, char in enumerate(text):
        used += 2 if ord(char) >= 0x2E80 else 1
        if used > width:
            return text[: max(i - 1, 0)] + "…"
    return text
