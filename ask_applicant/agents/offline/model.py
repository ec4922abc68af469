"""OfflineModel: a deterministic, network-free implementation of the SDK's `Model`.

It is what a newcomer meets first and what CI evaluates with: triage routes by BM25 over
the handoff targets, specialists call the tool that fits and compose an extractive answer
from what it returned. The same call arguments always give the same text; only ids differ.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import Any

from agents import Handoff, ModelResponse, ModelSettings, ModelTracing, Tool
from agents.agent_output import AgentOutputSchemaBase
from agents.items import TResponseInputItem, TResponseOutputItem, TResponseStreamEvent
from agents.models.interface import Model
from agents.usage import Usage
from openai.types.responses import Response
from openai.types.responses.response_prompt_param import ResponsePromptParam

from ask_applicant.agents.offline import responses
from ask_applicant.agents.offline.planner import Call, Planner
from ask_applicant.agents.offline.terms import count_tokens


class OfflineModel(Model):
    """The offline model.

    Args:
        vocabulary: Maps a handoff target's agent name (`Handoff.agent_name`) to extra
            routing text: that agent's tool names and descriptions and the words of the
            profile sections it covers. Supplied by the agent graph; optional.
    """

    def __init__(self, vocabulary: Mapping[str, str] | None = None) -> None:
        self._planner = Planner(vocabulary)

    async def get_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Handoff[Any, Any]],
        tracing: ModelTracing,
        *,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        prompt: ResponsePromptParam | None = None,
    ) -> ModelResponse:
        """Decide one step and return it as a complete response."""
        done = self._respond(system_instructions, input, tools, handoffs)
        return ModelResponse(
            output=list(done.output), usage=_usage(done), response_id=done.id, request_id=None
        )

    async def stream_response(
        self,
        system_instructions: str | None,
        input: str | list[TResponseInputItem],
        model_settings: ModelSettings,
        tools: list[Tool],
        output_schema: AgentOutputSchemaBase | None,
        handoffs: list[Handoff[Any, Any]],
        tracing: ModelTracing,
        *,
        previous_response_id: str | None = None,
        conversation_id: str | None = None,
        prompt: ResponsePromptParam | None = None,
    ) -> AsyncIterator[TResponseStreamEvent]:
        """Decide one step and stream it as Responses events, text in word-sized deltas."""
        done = self._respond(system_instructions, input, tools, handoffs)
        for event in responses.stream_events(done):
            yield event

    def _respond(
        self,
        instructions: str | None,
        items: str | list[TResponseInputItem],
        tools: list[Tool],
        handoffs: list[Handoff[Any, Any]],
    ) -> Response:
        decision, transcript = self._planner.decide(instructions, items, tools, handoffs)
        item: TResponseOutputItem
        if isinstance(decision, Call):
            item = responses.function_call(decision.name, decision.arguments)
            produced = f"{item.name} {item.arguments}"
        else:
            item = responses.message(decision.text)
            produced = decision.text
        input_tokens = transcript.input_tokens + count_tokens(instructions or "")
        output_tokens = count_tokens(produced)
        usage = Usage(
            requests=1,
            input_tokens=input_tokens,
            output_tokens=output_tokens,
            total_tokens=input_tokens + output_tokens,
        )
        return responses.response([item], usage)


def _usage(done: Response) -> Usage:
    reported = done.usage
    if reported is None:
        return Usage(requests=1)
    return Usage(
        requests=1,
        input_tokens=reported.input_tokens,
        output_tokens=reported.output_tokens,
        total_tokens=reported.total_tokens,
    )
