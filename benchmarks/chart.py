"""The PNG chart: latency against concurrency, the SDK floor and the service per database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.report import DB_NAMES


def render_chart(overhead: list[dict[str, Any]], path: Path) -> bool:
    """Draw p50 and p95 time to first delta and to the terminal event per concurrency.

    Args:
        overhead: The overhead rows of the results' JSON data.
        path: Where the PNG goes.

    Returns:
        False (and no file) when there is nothing to draw, or no matplotlib to draw with.
    """
    if not overhead:
        return False
    # Imported here: matplotlib is the optional `bench` group, not needed for the figures.
    try:
        import matplotlib
    except ImportError:
        return False

    matplotlib.use("Agg")  # no display: files only
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, 2, figsize=(12, 4.5), sharey=False)
    for axis, metric, title in (
        (axes[0], "first_delta_ms", "Time to first delta"),
        (axes[1], "terminal_ms", "Time to terminal event"),
    ):
        series: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        for row in overhead:
            floor_label = f"SDK floor ({DB_NAMES.get(row['backend'], row['backend'])} run)"
            service_label = f"service, {DB_NAMES.get(row['backend'], row['backend'])}"
            for label, side in ((floor_label, row["floor"]), (service_label, row["service"])):
                if side[metric]:
                    series.setdefault(label, []).append((row["concurrency"], side[metric]))
        for label, points in series.items():
            points.sort(key=lambda point: point[0])
            xs = [c for c, _ in points]
            style = "--" if label.startswith("SDK") else "-"
            line = axis.plot(
                xs, [s["p50"] for _, s in points], style, marker="o", label=f"{label} p50"
            )
            axis.plot(
                xs,
                [s["p95"] for _, s in points],
                style,
                marker="^",
                alpha=0.5,
                color=line[0].get_color(),
                label=f"{label} p95",
            )
        axis.set_xscale("log")
        levels = sorted({row["concurrency"] for row in overhead})
        axis.set_xticks(levels, [str(level) for level in levels])
        axis.minorticks_off()
        axis.set_yscale("log")  # 1 to 100 turns spans more than a decade of latency
        axis.set_xlabel("concurrent turns")
        axis.set_ylabel("ms (log scale)")
        axis.set_title(title)
        axis.grid(True, which="both", alpha=0.3)
    axes[1].legend(fontsize=7, loc="upper left")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return True
