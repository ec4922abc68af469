"""Bar charts as SVG, drawn by the service: no chart library, nothing from a CDN.

Every label is XML-escaped; the colours follow the page (`currentColor` for text), so
the charts read in light and dark mode alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

BAR = "#2456c9"
GRID = "#8a94a3"


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    label = escape(title, {'"': "&quot;"})
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{label}" '
        'font-family="system-ui, sans-serif" font-size="12">'
    )
    return "".join([head, f"<title>{escape(title)}</title>", *body, "</svg>"])


def column_chart(title: str, bars: Sequence[tuple[str, int]], *, every: int = 1) -> str:
    """Vertical bars (e.g. questions per day); every `every`-th label is written."""
    width, height, left, bottom, top = 640, 220, 36, 34, 14
    peak = max([value for _label, value in bars] + [1])
    inner_w, inner_h = width - left - 8, height - top - bottom
    step = inner_w / max(1, len(bars))
    body = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 8}" y2="{height - bottom}" '
        f'stroke="{GRID}"/>',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" fill="currentColor">{peak}</text>',
        f'<text x="{left - 6}" y="{height - bottom}" text-anchor="end" '
        'fill="currentColor">0</text>',
    ]
    for index, (label, value) in enumerate(bars):
        bar_h = inner_h * value / peak
        x = left + index * step + step * 0.15
        y = height - bottom - bar_h
        body.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.7:.1f}" height="{bar_h:.1f}" '
            f'fill="{BAR}" rx="2"><title>{escape(label)}: {value}</title></rect>'
        )
        if index % every == 0:
            body.append(
                f'<text x="{x + step * 0.35:.1f}" y="{height - bottom + 16}" '
                f'text-anchor="middle" fill="currentColor">{escape(label)}</text>'
            )
    return _svg(width, height, title, body)


def bar_chart(title: str, bars: Sequence[tuple[str, int]]) -> str:
    """Horizontal bars with their labels and values (e.g. answers by specialist)."""
    row, left, width = 28, 120, 640
    height = max(1, len(bars)) * row + 16
    peak = max([value for _label, value in bars] + [1])
    body: list[str] = []
    if not bars:
        body.append(f'<text x="8" y="20" fill="currentColor">{escape("—")}</text>')
    for index, (label, value) in enumerate(bars):
        y = 8 + index * row
        bar_w = (width - left - 60) * value / peak
        body += [
            f'<text x="{left - 8}" y="{y + 16}" text-anchor="end" fill="currentColor">'
            f"{escape(label)}</text>",
            f'<rect x="{left}" y="{y + 3}" width="{bar_w:.1f}" height="{row - 10}" '
            f'fill="{BAR}" rx="3"/>',
            f'<text x="{left + bar_w + 6:.1f}" y="{y + 16}" fill="currentColor">{value}</text>',
        ]
    return _svg(width, height, title, body)
