"""CPU time and resident memory of a group of processes, sampled while a load runs."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

import psutil

SAMPLE_SECONDS = 0.1


def cpu_seconds(processes: list[psutil.Process]) -> float:
    """User plus system CPU seconds used so far by `processes` (gone ones count 0)."""
    total = 0.0
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            times = process.cpu_times()
            total += times.user + times.system
    return total


def machine_busy_seconds() -> float:
    """CPU seconds every core of the machine has spent busy (not idle, not waiting on I/O)."""
    times = psutil.cpu_times()
    idle = times.idle + getattr(times, "iowait", 0.0)
    return sum(times) - idle


def rss_bytes(processes: list[psutil.Process]) -> int:
    """Resident memory of `processes` together."""
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += process.memory_info().rss
    return total


@dataclass
class Usage:
    """What a group of processes used during one measured window.

    Attributes:
        cpu_seconds: CPU time used in the window.
        wall_seconds: The window's length.
        rss_before: Resident bytes when the window opened.
        rss_peak: The most resident bytes seen in it.
        machine_busy_seconds: CPU time every process of the machine used in the window.
    """

    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0
    rss_before: int = 0
    rss_peak: int = 0
    machine_busy_seconds: float = 0.0

    @property
    def cpu_share(self) -> float:
        """CPU seconds per wall second (1.0 = one core kept busy)."""
        return self.cpu_seconds / self.wall_seconds if self.wall_seconds > 0 else 0.0

    @property
    def machine_share(self) -> float:
        """Cores the whole machine kept busy on average during the window."""
        return self.machine_busy_seconds / self.wall_seconds if self.wall_seconds > 0 else 0.0


@asynccontextmanager
async def measured(processes: Callable[[], list[psutil.Process]]) -> AsyncIterator[Usage]:
    """Measure `processes()` (looked up again at each sample) while the block runs."""
    loop = asyncio.get_running_loop()
    usage = Usage()
    group = processes()
    usage.rss_before = usage.rss_peak = rss_bytes(group)
    cpu_start, started = cpu_seconds(group), loop.time()
    machine_start = machine_busy_seconds()

    async def sample() -> None:
        while True:
            await asyncio.sleep(SAMPLE_SECONDS)
            usage.rss_peak = max(usage.rss_peak, rss_bytes(processes()))

    sampler = asyncio.create_task(sample())
    try:
        yield usage
    finally:
        sampler.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await sampler
        group = processes()
        usage.rss_peak = max(usage.rss_peak, rss_bytes(group))
        usage.cpu_seconds = cpu_seconds(group) - cpu_start
        usage.wall_seconds = loop.time() - started
        usage.machine_busy_seconds = machine_busy_seconds() - machine_start


async def background_cores(seconds: float) -> float:
    """Cores the machine keeps busy while this process only waits: other people's load."""
    async with measured(list) as usage:
        await asyncio.sleep(seconds)
    return usage.machine_share
