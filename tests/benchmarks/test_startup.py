"""The start-up benchmark times real processes and reports every command it has."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.startup import main


def test_one_run_of_each_command_is_timed_and_tabled(tmp_path: Path, capsys) -> None:
    assert main(["--runs", "1", "--out", str(tmp_path)]) == 0
    table = capsys.readouterr().out
    for name in ("`--help`", "`keys list`", "serve → /healthz, MCP off", "MCP on"):
        assert name in table
    assert "median RSS MiB" in table
    results = json.loads((tmp_path / "startup.json").read_text())
    assert results["rss_mib"]["serve → /healthz, MCP on"]["p50"] > 0
