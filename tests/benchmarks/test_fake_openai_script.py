"""The fake upstream hands off, calls tools and answers from what each request offers."""

from __future__ import annotations

import json
from typing import Any

import pytest
from agents import (
    Agent,
    OpenAIChatCompletionsModel,
    OpenAIResponsesModel,
    RawResponsesStreamEvent,
    RunItemStreamEvent,
    Runner,
    function_tool,
    set_tracing_disabled,
)

from benchmarks.fake_openai import FakeConfig, FakeOpenAI


def _function(name: str, description: str, properties: dict[str, Any]) -> Any:
    parameters = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    return {"type": "function", "name": name, "description": description, "parameters": parameters}


def _as_chat_tool(tool: dict[str, Any]) -> Any:
    return {"type": "function", "function": {k: v for k, v in tool.items() if k != "type"}}


TO_RESUME = _function(
    "transfer_to_resume_agent", "Handoff to the Resume agent: work history, employers.", {}
)
TO_PROJECT = _function(
    "transfer_to_project_agent", "Handoff to the Project agent: side projects, source code.", {}
)
LOOKUP_WORK = _function(
    "lookup_work",
    "Look up the applicant's jobs and employers.",
    {"query": {"type": "string"}, "limit": {"type": "integer", "minimum": 1, "maximum": 10}},
)
SEARCH_PROJECTS = _function(
    "search_projects",
    "Search the applicant's side projects and their source code.",
    {"topic": {"type": "string"}, "kind": {"enum": ["code", "writeup"]}},
)
PROJECTS_QUESTION = "Which side projects has she built, and where is the source code?"
WORK_QUESTION = "Which employers did she work for?"
ANSWER_TOKENS = FakeConfig().answer_tokens


@pytest.mark.parametrize(
    ("question", "handoff"),
    [(PROJECTS_QUESTION, "transfer_to_project_agent"), (WORK_QUESTION, "transfer_to_resume_agent")],
)
async def test_the_handoff_best_matching_the_question_is_called_on_both_apis(
    fake: FakeOpenAI, question: str, handoff: str
):
    tools = [TO_RESUME, TO_PROJECT, SEARCH_PROJECTS]
    async with fake.client() as client:
        response = await client.responses.create(model="m", input=question, tools=tools)
        chat = await client.chat.completions.create(
            model="m",
            messages=[{"role": "user", "content": question}],
            tools=[_as_chat_tool(tool) for tool in tools],
        )

    assert [(item.type, getattr(item, "name", None)) for item in response.output] == [
        ("function_call", handoff)
    ]
    calls: list[Any] = chat.choices[0].message.tool_calls or []
    assert [call.function.name for call in calls] == [handoff]
    assert chat.choices[0].finish_reason == "tool_calls"


async def test_a_tool_is_called_with_arguments_built_from_its_schema(fake: FakeOpenAI):
    async with fake.client() as client:
        stream = await client.responses.create(
            model="m", input=WORK_QUESTION, tools=[LOOKUP_WORK, SEARCH_PROJECTS], stream=True
        )
        events: list[Any] = [event async for event in stream]

    deltas = "".join(e.delta for e in events if e.type == "response.function_call_arguments.delta")
    done = next(e for e in events if e.type == "response.function_call_arguments.done")
    assert events[-1].response.output[0].name == "lookup_work"
    assert json.loads(deltas) == json.loads(done.arguments) == {"query": WORK_QUESTION, "limit": 1}


async def test_after_a_handoff_the_specialist_calls_its_tool_not_another_handoff(
    fake: FakeOpenAI,
):
    history: Any = [
        {"role": "user", "content": PROJECTS_QUESTION},
        {"type": "function_call", "call_id": "c1", "name": TO_PROJECT["name"], "arguments": "{}"},
        {"type": "function_call_output", "call_id": "c1", "output": '{"assistant": "Project"}'},
    ]
    back_to_triage = _function("transfer_to_triage_agent", "Anything else.", {})
    async with fake.client() as client:
        response = await client.responses.create(
            model="m", input=history, tools=[back_to_triage, SEARCH_PROJECTS]
        )

    call: Any = response.output[0]
    assert call.type == "function_call" and call.name == "search_projects"
    assert json.loads(call.arguments) == {"topic": PROJECTS_QUESTION, "kind": "code"}


async def test_after_a_tool_result_the_answer_quotes_what_the_tool_said(fake: FakeOpenAI):
    said = {"facts": [{"source": "projects/chat-service.md", "text": "Built a chat service"}]}
    call = {
        "id": "c1",
        "type": "function",
        "function": {"name": "search_projects", "arguments": ""},
    }
    messages: Any = [
        {"role": "user", "content": PROJECTS_QUESTION},
        {"role": "assistant", "content": None, "tool_calls": [call]},
        {"role": "tool", "tool_call_id": "c1", "content": json.dumps(said)},
    ]
    async with fake.client() as client:
        chat = await client.chat.completions.create(
            model="m", messages=messages, tools=[_as_chat_tool(SEARCH_PROJECTS)]
        )

    answer = chat.choices[0].message.content or ""
    assert "search_projects says: projects/chat-service.md; Built a chat service" in answer
    assert len(answer.split()) == ANSWER_TOKENS


async def test_a_new_question_after_an_old_tool_result_calls_the_tool_again(fake: FakeOpenAI):
    history: Any = [
        {"role": "user", "content": "First question"},
        {"type": "function_call", "call_id": "c1", "name": "lookup_work", "arguments": "{}"},
        {"type": "function_call_output", "call_id": "c1", "output": "old facts"},
        {"role": "assistant", "content": "An old answer."},
        {"role": "user", "content": WORK_QUESTION},
    ]
    async with fake.client() as client:
        response = await client.responses.create(model="m", input=history, tools=[LOOKUP_WORK])

    assert response.output[0].type == "function_call"


async def test_tool_choice_none_and_a_json_schema_give_a_structured_text_answer(fake: FakeOpenAI):
    schema = {
        "type": "object",
        "properties": {"is_private": {"type": "boolean"}, "reason": {"type": "string"}},
        "required": ["is_private", "reason"],
        "additionalProperties": False,
    }
    text: Any = {"format": {"type": "json_schema", "name": "check", "schema": schema}}
    async with fake.client() as client:
        response = await client.responses.create(
            model="m", input="Phone?", tools=[LOOKUP_WORK], tool_choice="none", text=text
        )

    assert json.loads(response.output_text) == {"is_private": False, "reason": "Phone?"}


@pytest.mark.parametrize("model_class", [OpenAIResponsesModel, OpenAIChatCompletionsModel])
async def test_an_agents_sdk_run_hands_off_calls_a_tool_and_streams_the_answer(
    fake: FakeOpenAI, model_class: Any
):
    set_tracing_disabled(True)

    @function_tool
    def search_projects(topic: str) -> str:
        """Search the applicant's side projects and their source code."""
        return "chat-service: a streaming chat backend"

    async with fake.client() as client:
        model = model_class(model="gpt-test", openai_client=client)
        project = Agent(
            name="Project agent",
            handoff_description="Side projects, source code and repositories.",
            tools=[search_projects],
            model=model,
        )
        resume = Agent(name="Resume agent", handoff_description="Employers.", model=model)
        triage = Agent(name="Triage agent", handoffs=[resume, project], model=model)
        result = Runner.run_streamed(triage, PROJECTS_QUESTION)
        events = [event async for event in result.stream_events()]

    items = [event.name for event in events if isinstance(event, RunItemStreamEvent)]
    deltas = [
        event
        for event in events
        if isinstance(event, RawResponsesStreamEvent)
        and event.data.type == "response.output_text.delta"
    ]
    assert items == [
        "handoff_requested",
        "handoff_occured",
        "tool_called",
        "tool_output",
        "message_output_created",
    ]
    assert result.last_agent is project
    assert "search_projects says: chat-service: a streaming chat backend" in result.final_output
    assert len(deltas) == ANSWER_TOKENS
