"""A wire-accurate fake OpenAI upstream on loopback, for end-to-end tests and benchmarks.

Run it with ``uv run python -m benchmarks.fake_openai --port 8089`` or, from Python::

    with FakeOpenAI(FakeConfig(ttft_ms=200, token_delay_ms=20)).running() as base_url:
        client = AsyncOpenAI(api_key="test", base_url=base_url)

Each request is answered from what it contains: a handoff when ``transfer_to_*`` tools are
offered and nothing has come back since the user's message, else a call of the best-matching
function tool until one has returned, else a text answer quoting what the tools said.
"""

from benchmarks.fake_openai.app import FAULT_HEADER
from benchmarks.fake_openai.config import FakeConfig, Fault, FaultKind
from benchmarks.fake_openai.server import FakeOpenAI

__all__ = ["FAULT_HEADER", "FakeConfig", "FakeOpenAI", "Fault", "FaultKind"]
