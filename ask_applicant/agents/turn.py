"""One streamed turn of a conversation: the piece the API, the evals and the CLI share.

    turn = Turn(graph=graph, context=ctx, question="Where did she study?", session=store,
                starting_key=session_row.agent)
    async for event in turn.events():   # TurnEvent(type, data), see `agents.events`
        ...
    outcome = turn.outcome              # answer, agent, handoffs, tool calls, refused, usage

A tripped guardrail is not an error: the turn ends with a polite refusal (events
`guardrail.tripped`, `message.delta`, `message.completed`), `outcome.refused` is True and
the exchange (question and refusal) is saved to the session like any other.

Everything else propagates out of `events()` for the caller to report (`failure_code`
names the `run.failed` code): `agents.MaxTurnsExceeded` ("max_turns"), `TimeoutError`
from the caller's own deadline ("timeout"), `openai.APIError` and
`agents.ModelBehaviorError` ("model_error"), anything else ("internal").
`asyncio.CancelledError` propagates untouched. `Turn.cancel()` stops the run cleanly
instead: `events()` ends and `outcome.cancelled` is True, with the text streamed so far.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import AsyncIterator
from typing import Any

from agents import (
    AgentUpdatedStreamEvent,
    InputGuardrailTripwireTriggered,
    ItemHelpers,
    MessageOutputItem,
    OutputGuardrailTripwireTriggered,
    RawResponsesStreamEvent,
    RunConfig,
    RunItemStreamEvent,
    Runner,
    RunResultStreaming,
    Session,
)

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.disclosure import DisclosureScanner
from ask_applicant.agents.events import DeltaGate, TurnEvent, cap
from ask_applicant.agents.graph import AgentGraph
from ask_applicant.agents.guardrails import PRIVACY_GUARDRAIL_NAME, trip_of
from ask_applicant.agents.outcome import ToolCallRecord, TurnOutcome, TurnUsage, failure_code
from ask_applicant.agents.refusals import refusal

__all__ = ["ToolCallRecord", "Turn", "TurnOutcome", "TurnUsage", "failure_code", "run_turn"]


def _field(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def _output_text(raw_output: Any, output: Any) -> str:
    """A tool output as text; MCP tools answer with content parts, not a string."""
    if isinstance(raw_output, str):
        return raw_output
    if isinstance(raw_output, list):
        texts = [_field(part, "text") for part in raw_output]
        if texts and all(isinstance(text, str) for text in texts):
            return "\n".join(texts)
    return str(output)


def _parsed(arguments: Any) -> Any:
    if not isinstance(arguments, str):
        return arguments
    try:
        return json.loads(arguments) if arguments.strip() else {}
    except json.JSONDecodeError:
        return arguments


class Turn:
    """One question, answered by the agent graph as a stream of `TurnEvent`s.

    Args:
        graph: The agent graph.
        context: The run context (user, session, profile, settings).
        question: The recruiter's question, already validated.
        session: The conversation's SDK session (history in, new items out); None for a
            one-off question.
        starting_key: The key of the agent that answered the previous turn; None or an
            unknown key starts with triage.
        max_turns: Model calls allowed in this turn (default: the settings').
        run_config: Extra SDK run configuration.
    """

    def __init__(
        self,
        *,
        graph: AgentGraph,
        context: ChatContext,
        question: str,
        session: Session | None = None,
        starting_key: str | None = None,
        max_turns: int | None = None,
        run_config: RunConfig | None = None,
    ) -> None:
        self._graph = graph
        # The guardrails read the question from the context (see `DisclosureScanner`).
        self._context = dataclasses.replace(context, question=question)
        self._question = question
        self._session = session
        self._starting = graph.starting_agent(starting_key)
        self._max_turns = max_turns or context.settings.max_turns
        self._run_config = run_config
        self._result: RunResultStreaming | None = None
        self._cancel_requested = False
        self._outcome: TurnOutcome | None = None
        self._agent = graph.key_of(self._starting)
        self._handoffs: list[str] = []
        self._calls: dict[str, ToolCallRecord] = {}
        self._streamed = ""
        self._withheld: str | None = None
        private = context.profile.private_values()
        self._scanner = DisclosureScanner(private, question)
        longest = max((len(value.value) for value in private), default=0)
        self._gate = DeltaGate(self._scanner, window=2 * longest + 16 if longest else 0)

    @property
    def outcome(self) -> TurnOutcome:
        """The outcome, once `events()` has been drained.

        Raises:
            RuntimeError: When the turn has not finished.
        """
        if self._outcome is None:
            raise RuntimeError("the turn has not finished")
        return self._outcome

    @property
    def partial_text(self) -> str:
        """The answer text streamed so far (what a cancelled run keeps)."""
        return self._streamed

    def cancel(self) -> None:
        """Stop the turn as soon as possible; `events()` then ends normally."""
        self._cancel_requested = True
        if self._result is not None:
            self._result.cancel()

    async def events(self) -> AsyncIterator[TurnEvent]:
        """Run the turn, yielding its events; afterwards `outcome` is set.

        Raises:
            RuntimeError: When called twice.
            MaxTurnsExceeded, openai.APIError, ModelBehaviorError, ...: see the module doc.
        """
        if self._result is not None:
            raise RuntimeError("a turn runs once")
        result = Runner.run_streamed(
            self._starting,
            self._question,
            context=self._context,
            session=self._session,
            max_turns=self._max_turns,
            run_config=self._run_config,
        )
        self._result = result
        if self._cancel_requested:
            result.cancel()
        trip: tuple[str, Any, str] | None = None
        try:
            async for event in result.stream_events():
                for ours in self._translate(event):
                    yield ours
        except InputGuardrailTripwireTriggered as exc:
            tripped = exc.guardrail_result
            trip = (tripped.guardrail.get_name(), tripped.output.output_info, self._agent)
        except OutputGuardrailTripwireTriggered as exc:
            tripped_out = exc.guardrail_result
            agent = self._graph.key_of(tripped_out.agent)
            trip = (tripped_out.guardrail.get_name(), tripped_out.output.output_info, agent)
        finally:
            if not result.is_complete:
                result.cancel()
        final = result.final_output
        if trip is None and self._withheld is not None and final == self._withheld:
            # A foreign agent without the privacy guardrail: the gate still caught it.
            trip = (PRIVACY_GUARDRAIL_NAME, None, self._agent)
        if trip is not None:
            async for ours in self._refuse(*trip):
                yield ours
            return
        answer = self._streamed if self._cancel_requested else str(final or "")
        self._finish(answer=answer, cancelled=self._cancel_requested)

    def _translate(self, event: Any) -> list[TurnEvent]:
        if isinstance(event, AgentUpdatedStreamEvent):
            self._agent = self._graph.key_of(event.new_agent)
            return [TurnEvent("agent.updated", {"agent": self._agent})]
        if isinstance(event, RawResponsesStreamEvent):
            data = event.data
            if data.type != "response.output_text.delta":
                return []
            released = self._gate.push(str(_field(data, "item_id")), str(_field(data, "delta")))
            if not released:
                return []
            self._streamed += released
            return [TurnEvent("message.delta", {"delta": released})]
        if isinstance(event, RunItemStreamEvent):
            return self._translate_item(event)
        return []

    def _translate_item(self, event: RunItemStreamEvent) -> list[TurnEvent]:
        item: Any = event.item
        agent = self._graph.key_of(item.agent)
        if event.name == "handoff_occured":
            source = self._graph.key_of(item.source_agent)
            target = self._graph.key_of(item.target_agent)
            self._handoffs.append(target)
            return [TurnEvent("handoff", {"from": source, "to": target})]
        if event.name == "tool_called":
            raw = item.raw_item
            call_id = str(_field(raw, "call_id") or _field(raw, "id") or "")
            name = str(_field(raw, "name") or type(raw).__name__)
            arguments = _parsed(_field(raw, "arguments"))
            self._calls[call_id] = ToolCallRecord(call_id, name, arguments, agent)
            data = {"call_id": call_id, "tool": name, "arguments": arguments, "agent": agent}
            return [TurnEvent("tool.called", data)]
        if event.name == "tool_output":
            call_id = str(_field(item.raw_item, "call_id") or "")
            raw_output = _field(item.raw_item, "output")
            output = cap(_output_text(raw_output, item.output))
            record = self._calls.get(call_id)
            if record is not None:
                record.output = output
            tool = record.name if record is not None else ""
            return [TurnEvent("tool.output", {"call_id": call_id, "tool": tool, "output": output})]
        if event.name == "message_output_created" and isinstance(item, MessageOutputItem):
            text = ItemHelpers.text_message_output(item)
            rest = self._gate.finish(str(_field(item.raw_item, "id")), text)
            if rest is None:
                self._withheld = text
                return []
            self._streamed += rest
            events = [TurnEvent("message.delta", {"delta": rest})] if rest else []
            return [*events, TurnEvent("message.completed", {"text": text, "agent": agent})]
        return []

    async def _refuse(self, guardrail: str, info: Any, agent: str) -> AsyncIterator[TurnEvent]:
        profile = self._context.profile
        message = refusal(
            trip_of(info, self._question).reason,
            self._question,
            voice=profile.voice,
            name=profile.name,
        )
        yield TurnEvent("guardrail.tripped", {"guardrail": guardrail, "message": message})
        yield TurnEvent("message.delta", {"delta": message})
        yield TurnEvent("message.completed", {"text": message, "agent": agent})
        self._agent = agent
        await self._save_refusal(message)
        self._finish(answer=message, refused=True, guardrail=guardrail)

    async def _save_refusal(self, message: str) -> None:
        # The SDK keeps the question of a refused turn but not an answer to it; the
        # conversation reads better (and replays correctly) with the refusal in it.
        if self._session is None:
            return
        recent = await self._session.get_items(limit=20)
        users = [item for item in recent if isinstance(item, dict) and item.get("role") == "user"]
        missing_question = not users or users[-1].get("content") != self._question
        items: list[Any] = [{"role": "user", "content": self._question}] if missing_question else []
        items.append({"role": "assistant", "content": message})
        await self._session.add_items(items)

    def _finish(
        self,
        *,
        answer: str,
        refused: bool = False,
        guardrail: str | None = None,
        cancelled: bool = False,
    ) -> None:
        usage = self._result.context_wrapper.usage if self._result is not None else None
        self._outcome = TurnOutcome(
            answer=answer,
            agent=self._agent,
            handoffs=list(self._handoffs),
            tool_calls=list(self._calls.values()),
            refused=refused,
            guardrail=guardrail,
            cancelled=cancelled,
            usage=TurnUsage(
                requests=usage.requests if usage else 0,
                input_tokens=usage.input_tokens if usage else 0,
                output_tokens=usage.output_tokens if usage else 0,
                total_tokens=usage.total_tokens if usage else 0,
            ),
        )


async def run_turn(
    *,
    graph: AgentGraph,
    context: ChatContext,
    question: str,
    session: Session | None = None,
    starting_key: str | None = None,
    max_turns: int | None = None,
    run_config: RunConfig | None = None,
) -> TurnOutcome:
    """Run a `Turn` to its end without looking at its events (same arguments as `Turn`).

    Returns:
        The turn's outcome.
    """
    turn = Turn(
        graph=graph,
        context=context,
        question=question,
        session=session,
        starting_key=starting_key,
        max_turns=max_turns,
        run_config=run_config,
    )
    async for _ in turn.events():
        pass
    return turn.outcome
