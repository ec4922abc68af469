"""Summaries of timing samples: count, median, 95th percentile, mean, extremes."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any


def percentile(samples: Sequence[float], q: float) -> float:
    """The `q`-th percentile (0-100) by linear interpolation between closest ranks.

    Raises:
        ValueError: No samples, or `q` outside 0-100.
    """
    if not samples:
        raise ValueError("a percentile needs at least one sample")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is outside 0-100")
    ordered = sorted(samples)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class Summary:
    """Milliseconds: how many samples, and their median, p95, mean, min and max."""

    n: int
    p50: float
    p95: float
    mean: float
    min: float
    max: float

    def to_json(self) -> dict[str, Any]:
        """The summary as JSON data, rounded to 0.001 ms."""
        return {key: round(value, 3) for key, value in asdict(self).items()}


def summarize_ms(seconds: Sequence[float]) -> Summary | None:
    """Summarise samples taken in seconds, in milliseconds; None for no samples."""
    if not seconds:
        return None
    ms = [value * 1000 for value in seconds]
    return Summary(
        n=len(ms),
        p50=percentile(ms, 50),
        p95=percentile(ms, 95),
        mean=sum(ms) / len(ms),
        min=min(ms),
        max=max(ms),
    )


def ratio(value: float | None, floor: float | None) -> float | None:
    """`value / floor`, or None when either is missing or the floor is zero."""
    if value is None or floor is None or floor <= 0:
        return None
    return value / floor
