"""OfflineModel: a deterministic, network-free implementation of the SDK's `Model`.

It is what a newcomer meets first and what CI evaluates with: triage routes by BM25 over
the handoff targets, specialists call the tool that fits and compose an extractive answer
from what it returned. The same call arguments always give the same text; only ids differ.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from typing import Any

from agents import Handoff, ModelResponse, ModelSettings, ModelTracing, Tool
from agents.agent_output import AgentOutputSchemaBase
from agents.items import TResponseInputItem, TResponseOutputItem, TResponseStreamEvent
from agents.models.interface import Model
from agents.usage import Usage
from openai.types.responses import Response
from openai.types.responses.response_prompt_param import ResponsePromptParam

from ask_applicant.agents.offline import responses
from ask_applicant.agents.offline.choices import Choices
from ask_applicant.agents.offline.lexicon import Lexicon
from ask_applicant.agents.offline.planner import Call, Planner
from ask_applicant.agents.offline.terms import count_tokens

logger = logging.getLogger(__name__)

VocabularySource = Callable[[], Awaitable[Mapping[str, str]]]
"""Routing text known only once the run loop is up: the tools of connected MCP servers."""


class OfflineModel(Model):
    """The offline model.

    Args:
        vocabulary: Maps a handoff target's agent name (`Handoff.agent_name`) to extra
            routing text: that agent's tool names and descriptions and the words of the
            profile sections it covers. Supplied by the agent graph; optional.
        choices: Known values of tool parameters the schemas leave open, by parameter
            name: value -> the spellings that name it (`{"project": {"chat-service":
            ["Chat Service", "채팅 서비스"]}}`). A parameter listed here takes the value
            the question names.
        vocabulary_source: Called once, before the first step, for more routing text per
            agent name (appended to `vocabulary`); for the tools of MCP servers, which
            can only be listed asynchronously. If it fails, routing goes on without it.
        names: Maps a handoff target's agent name to the names of the things its area
            holds (projects, employers, schools); a question naming one of them routes
            there (see `router.NAME_WEIGHT`).
        references: Maps a handoff target's agent name to the names of things its area
            refers to (an award's awarder, a project's company); they weigh half as much.
        profile_text: Every public string of the profile: a thing none of them mentions
            is answered as not mentioned, and a name a question spells in Hangul takes
            the profile's Latin spelling in a skill argument (see `lexicon`).
    """

    def __init__(
        self,
        vocabulary: Mapping[str, str] | None = None,
        *,
        choices: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
        vocabulary_source: VocabularySource | None = None,
        names: Mapping[str, Sequence[str]] | None = None,
        references: Mapping[str, Sequence[str]] | None = None,
        profile_text: Sequence[str] | None = None,
    ) -> None:
        self._vocabulary = dict(vocabulary or {})
        self._choices = Choices(choices)
        self._names = {agent: tuple(spellings) for agent, spellings in (names or {}).items()}
        self._references = {
            agent: tuple(spellings) for agent, spellings in (references or {}).items()
        }
        # Built once: the profile does not change for the life of the model.
        self._lexicon = Lexicon(profile_text) if profile_text is not None else None
        self._planner = self._plan(self._vocabulary)
        self._source = vocabulary_source

    async def _read_source(self) -> None:
        # Taken before the await: concurrent first steps read it once; the ones that do
        # not wait for it route on the static words.
        source, self._source = self._source, None
        if source is None:
            return
        try:
            extra = await source()
        except Exception:  # listing tools can fail in many ways; routing still works
            logger.warning("routing words of the MCP tools are unavailable", exc_info=True)
            return
        merged = dict(self._vocabulary)
        for name, text in extra.items():
            merged[name] = "\n".join(part for part in (merged.get(name, ""), text) if part)
        self._planner = self._plan(merged)

    def _plan(self, vocabulary: Mapping[str, str]) -> Planner:
        return Planner(
            vocabulary, self._choices, self._names, self._references, lexicon=self._lexicon
        )

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
        await self._read_source()
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
        """Decide one step and stream it as Responses events, text in phrase-sized deltas."""
        await self._read_source()
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
