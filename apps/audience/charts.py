"""Charts drawn on the server as SVG geometry (the template writes the elements): no script,
no inline style, colours from CSS classes so they follow the light or dark scheme. Every chart
has a data table beside it with the same numbers."""

import math
from datetime import date

WIDTH, HEIGHT = 720, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 12, 28


def nice_max(value: int) -> int:
    """The smallest round number (1, 2, 3, 4, 5, 6, 8 × 10ⁿ) at or above value, at least 4."""
    if value <= 4:
        return 4
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 3, 4, 5, 6, 8, 10) if step * power >= value)


def columns(series: list[tuple[date, int]]) -> dict:
    """A column per day, an axis with 0, half and the top, and a few day labels."""
    top = nice_max(max((n for _, n in series), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(series), 1)
    bars = []
    for i, (day, n) in enumerate(series):
        h = plot_h * n / top
        bars.append(
            {
                "x": round(LEFT + i * step + step * 0.15, 2),
                "y": round(TOP + plot_h - h, 2),
                "w": round(max(step * 0.7, 1), 2),
                "h": round(h, 2),
                "day": day,
                "value": n,
            }
        )
    ticks = [
        {"y": round(TOP + plot_h - plot_h * part, 2), "value": int(top * part)}
        for part in (0, 0.5, 1)
        if (top * part).is_integer()
    ]
    every = max(1, len(series) // 6)
    labels = [
        {"x": round(LEFT + i * step + step / 2, 2), "day": day}
        for i, (day, _) in enumerate(series)
        if i % every == 0
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "bars": bars,
        "ticks": ticks,
        "labels": labels,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "label_y": HEIGHT - 8,
    }


def ranking(rows: list[tuple[str, int]], width: int = 720) -> dict:
    """Horizontal bars, one row per (name, count), longest first."""
    row_h, label_w = 32, 220
    top = max((n for _, n in rows), default=0) or 1
    bar_w = width - label_w - 60
    items = [
        {
            "y": i * row_h,
            "text_y": i * row_h + 20,
            "name": name,
            "value": n,
            "w": round(max(bar_w * n / top, 2), 2),
        }
        for i, (name, n) in enumerate(rows)
    ]
    return {
        "width": width,
        "height": max(len(rows) * row_h, row_h),
        "items": items,
        "bar_x": label_w,
        "value_x": label_w + 8,
    }
