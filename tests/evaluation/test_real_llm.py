"""The opt-in real-model tier: the shipped routing and safety suites against a real model.

Runs only when `REAL_LLM_BASE_URL` and `REAL_LLM_MODEL` name an OpenAI-compatible server
(llama.cpp's `llama-server`, Ollama, vLLM), reached through Chat Completions. The pass
rates are written to `REAL_LLM_REPORT_DIR` (default `reports/real-llm/`) and printed;
they are informational, not gated, since a small local model is not held to the offline
model's 100%. Without a server (CI) the test is skipped.

    REAL_LLM_BASE_URL=http://127.0.0.1:8080/v1 REAL_LLM_MODEL=qwen2.5-coder-1.5b \\
        uv run pytest -m real_llm -s
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ask_applicant.agents.models import create_openai_client, select_model
from ask_applicant.evaluation.in_process import open_in_process_target
from ask_applicant.evaluation.report_files import write_reports
from ask_applicant.evaluation.runner import Plan, run_suites
from ask_applicant.evaluation.suite_files import load_suites
from ask_applicant.settings import Settings

EVALS = Path(__file__).resolve().parents[2] / "evals"
BASE_URL = os.environ.get("REAL_LLM_BASE_URL", "")
MODEL = os.environ.get("REAL_LLM_MODEL", "")

pytestmark = [
    pytest.mark.real_llm,
    pytest.mark.skipif(
        not (BASE_URL and MODEL), reason="set REAL_LLM_BASE_URL and REAL_LLM_MODEL to run"
    ),
]


async def test_the_routing_and_safety_suites_run_against_a_real_model() -> None:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        model=MODEL,
        openai_base_url=BASE_URL,
        openai_api="chat_completions",
        openai_api_key=os.environ.get("REAL_LLM_API_KEY") or "not-needed",
    )
    client = create_openai_client(settings)
    assert client is not None
    suites = [
        suite
        for suite in load_suites(sorted(EVALS.glob("*.yaml")))
        if suite.name in ("routing", "safety")
    ]
    try:
        async with open_in_process_target(settings, model=select_model(settings, client)) as t:
            report = await run_suites(suites, t, Plan(concurrency=1))
    finally:
        await client.close()
    folder = Path(os.environ.get("REAL_LLM_REPORT_DIR", "reports/real-llm"))
    write_reports(report, folder)
    for summary in report.suites:
        print(f"real model {MODEL}: {summary.suite} {summary.passed}/{summary.runs}")
    # Informational: every case ran and was reported, whatever the model answered.
    assert len(report.results) == sum(len(suite.cases) for suite in suites)
