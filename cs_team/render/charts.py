"""Charts drawn from numbers alone: an inline SVG for HTML, a Mermaid block for Markdown."""

from __future__ import annotations

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
