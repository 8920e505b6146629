"""Line charts as plain geometry for server-rendered inline SVG. Pure: no Django, no queries.

A missed day is a gap in the line, never an invented value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    day: date
    value: int


@dataclass(frozen=True)
class Tick:
    position: float
    value: int | date


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    segments: list[str]
    points: list[ChartPoint]
    y_ticks: list[Tick]
    x_ticks: list[Tick]

    @property
    def has_data(self) -> bool:
        return bool(self.points)


def _round(value: float) -> float:
    return round(value, 1)


def line_chart(
    *,
    days: Sequence[date],
    values: Sequence[int | None],
    low: int,
    high: int,
    y_ticks: Sequence[int],
    width: int = 360,
    height: int = 160,
    x_tick_count: int = 4,
    margin_left: int = 28,
    margin_bottom: int = 22,
    margin_top: int = 8,
    margin_right: int = 10,
) -> LineChart:
    """Geometry of a line chart of one value per day (None = no check-in that day)."""
    if len(days) != len(values):
        raise ValueError("one value per day")
    left, right = margin_left, width - margin_right
    top, bottom = margin_top, height - margin_bottom
    span = max(len(days) - 1, 1)

    def x_of(index: int) -> float:
        return _round(left + (right - left) * index / span) if len(days) > 1 else (left + right) / 2

    def y_of(value: int) -> float:
        return _round(bottom - (bottom - top) * (value - low) / (high - low))

    points: list[ChartPoint] = []
    segments: list[str] = []
    run: list[str] = []
    for index, (day, value) in enumerate(zip(days, values, strict=True)):
        if value is None:
            if len(run) > 1:
                segments.append(" ".join(run))
            run = []
            continue
        point = ChartPoint(x=x_of(index), y=y_of(value), day=day, value=value)
        points.append(point)
        run.append(f"{point.x},{point.y}")
    if len(run) > 1:
        segments.append(" ".join(run))

    x_ticks: list[Tick] = []
    if days:
        count = min(x_tick_count, len(days))
        step = (len(days) - 1) / max(count - 1, 1)
        indexes = sorted({round(i * step) for i in range(count)})
        x_ticks = [Tick(position=x_of(i), value=days[i]) for i in indexes]
    return LineChart(
        width=width,
        height=height,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        segments=segments,
        points=points,
        y_ticks=[Tick(position=y_of(v), value=v) for v in y_ticks],
        x_ticks=x_ticks,
    )
