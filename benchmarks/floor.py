"""The SDK floor: the same agents run in-process with `Runner.run_streamed`, no service.

This is what the turn costs with nothing of ours around it: no HTTP, no run records, no
event store, no session. The agents come from `build_agent_graph` with the SDK's own
`OpenAIResponsesModel` pointed at the same fake upstream the service uses.
"""

from __future__ import annotations

import time

from agents import OpenAIResponsesModel, Runner, set_tracing_disabled
from openai import AsyncOpenAI
from pydantic import SecretStr

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.graph import build_agent_graph
from ask_applicant.profile import Profile, load_profile
from ask_applicant.settings import Settings
from benchmarks.service import MODEL_NAME
from benchmarks.sse import StreamTiming


class SdkFloor:
    """Runs one triage→specialist→tool→answer turn in-process and times it.

    Args:
        upstream_url: The fake upstream's base URL.
    """

    def __init__(self, upstream_url: str) -> None:
        set_tracing_disabled(True)
        self._settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            model=MODEL_NAME,
            openai_api_key=SecretStr("test"),
            openai_base_url=upstream_url,
            mcp_enabled=False,
        )
        self._profile: Profile = load_profile(self._settings.profile_path)
        self._client = AsyncOpenAI(api_key="test", base_url=upstream_url)
        model = OpenAIResponsesModel(model=MODEL_NAME, openai_client=self._client)
        self._graph = build_agent_graph(profile=self._profile, model=model)

    async def aclose(self) -> None:
        """Close the OpenAI client."""
        await self._client.close()

    async def turn(self, question: str) -> StreamTiming:
        """Run one turn from triage; time the first text delta and the end of the stream."""
        timing = StreamTiming()
        started = time.perf_counter()
        context = ChatContext("benchmark", "benchmark", self._profile, self._settings)
        try:
            result = Runner.run_streamed(self._graph.by_key["triage"], question, context=context)
            async for event in result.stream_events():
                timing.events += 1
                if (
                    timing.first_delta is None
                    and event.type == "raw_response_event"
                    and event.data.type == "response.output_text.delta"
                ):
                    timing.first_delta = time.perf_counter() - started
            timing.outcome = "run.completed"
        except Exception as error:
            # Whatever broke is reported in the results as this turn's error, not raised.
            timing.outcome = type(error).__name__
            timing.error = str(error)[:300]
        finally:
            timing.terminal = time.perf_counter() - started
        return timing
