"""What the benchmark ran on: CPUs, memory, Python, SQLite and the MariaDB server."""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from pathlib import Path
from typing import Any

import psutil


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, else what `platform` says."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            name, _, value = line.partition(":")
            if name.strip() == "model name" and value.strip():
                return value.strip()
    return platform.processor() or platform.machine()


def describe_machine(mysql_version: str | None = None) -> dict[str, Any]:
    """The machine and software versions, as JSON data.

    Args:
        mysql_version: The MariaDB/MySQL server's version, when it was used.
    """
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu_model(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "mysql": mysql_version,
    }


def machine_line(machine: dict[str, Any]) -> str:
    """One line for a README: `2 CPUs (AMD EPYC), 23.4 GiB RAM, Linux ..., Python ...`."""
    parts = [
        f"{machine['cpus']} CPUs ({machine['cpu_model']})",
        f"{machine['memory_gib']} GiB RAM",
        str(machine["os"]),
        f"Python {machine['python']}",
        f"SQLite {machine['sqlite']}",
    ]
    if machine.get("mysql"):
        parts.append(f"MariaDB/MySQL {machine['mysql']}")
    return ", ".join(parts)
