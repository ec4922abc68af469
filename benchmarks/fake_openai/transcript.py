"""What a model request says, read the same way from the Responses and Chat Completions APIs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

HANDOFF_PREFIX = "transfer_to_"


class BadRequest(ValueError):
    """The request body is not something the real API would accept (answered with a 400).

    Attributes:
        param: The offending parameter, as the OpenAI error body names it.
    """

    def __init__(self, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.param = param


@dataclass(frozen=True)
class OfferedTool:
    """A function tool the caller lets the model call."""

    name: str
    description: str
    parameters: dict[str, Any]

    @property
    def is_handoff(self) -> bool:
        """Whether the SDK offers this tool as a handoff to another agent."""
        return self.name.startswith(HANDOFF_PREFIX)


@dataclass(frozen=True)
class ToolOutput:
    """A tool result that came back after the latest user message."""

    name: str
    text: str

    @property
    def is_handoff(self) -> bool:
        """Whether this is the result of a handoff rather than of a real tool."""
        return self.name.startswith(HANDOFF_PREFIX)


@dataclass(frozen=True)
class Transcript:
    """The parts of a request that decide the scripted reply.

    Attributes:
        model: The requested model name, echoed back.
        question: Text of the latest user message.
        tools: Function tools offered, in the order offered.
        outputs: Tool results that follow the latest user message.
        tool_choice: ``auto``, ``none``, ``required`` or the name of a forced tool.
        output_schema: JSON schema the answer must follow, if structured output is asked.
        size: Characters of conversation and tools, the basis of the input token count.
    """

    model: str
    question: str
    tools: tuple[OfferedTool, ...]
    outputs: tuple[ToolOutput, ...]
    tool_choice: str
    output_schema: dict[str, Any] | None
    size: int

    @classmethod
    def from_responses(cls, body: dict[str, Any]) -> Transcript:
        """Read a ``POST /v1/responses`` body.

        Raises:
            BadRequest: A required parameter is missing or has the wrong shape.
        """
        model = _model(body)
        raw_input = body.get("input")
        if isinstance(raw_input, str):
            items: list[Any] = [{"role": "user", "content": raw_input}]
        elif isinstance(raw_input, list):
            items = raw_input
        else:
            raise BadRequest("Missing required parameter: 'input'.", "input")
        names: dict[str, str] = {}
        question, outputs = "", list[ToolOutput]()
        for item in items:
            if not isinstance(item, dict):
                raise BadRequest("Invalid 'input': every item must be an object.", "input")
            kind = item.get("type", "message")
            if kind == "message" and item.get("role") == "user":
                question, outputs = _text_of(item.get("content")), []
            elif kind == "function_call":
                names[str(item.get("call_id"))] = str(item.get("name", ""))
            elif kind == "function_call_output":
                name = names.get(str(item.get("call_id")), "")
                outputs.append(ToolOutput(name, _text_of(item.get("output"))))
        tools = tuple(
            OfferedTool(str(t["name"]), str(t.get("description") or ""), _schema(t))
            for t in _list(body, "tools")
            if t.get("type") == "function" and isinstance(t.get("name"), str)
        )
        text_format = (body.get("text") or {}).get("format") or {}
        schema = text_format.get("schema") if text_format.get("type") == "json_schema" else None
        return cls(
            model=model,
            question=question,
            tools=tools,
            outputs=tuple(outputs),
            tool_choice=_tool_choice(body.get("tool_choice")),
            output_schema=schema if isinstance(schema, dict) else None,
            size=len(json.dumps(items, ensure_ascii=False)) + len(json.dumps(body.get("tools"))),
        )

    @classmethod
    def from_chat(cls, body: dict[str, Any]) -> Transcript:
        """Read a ``POST /v1/chat/completions`` body.

        Raises:
            BadRequest: A required parameter is missing or has the wrong shape.
        """
        model = _model(body)
        messages = body.get("messages")
        if not isinstance(messages, list) or not messages:
            raise BadRequest("Missing required parameter: 'messages'.", "messages")
        names: dict[str, str] = {}
        question, outputs = "", list[ToolOutput]()
        for message in messages:
            if not isinstance(message, dict):
                raise BadRequest("Invalid 'messages': every message must be an object.", "messages")
            role = message.get("role")
            if role == "user":
                question, outputs = _text_of(message.get("content")), []
            elif role == "assistant":
                for call in message.get("tool_calls") or []:
                    function = call.get("function") or {}
                    names[str(call.get("id"))] = str(function.get("name", ""))
            elif role == "tool":
                name = names.get(str(message.get("tool_call_id")), "")
                outputs.append(ToolOutput(name, _text_of(message.get("content"))))
        tools = tuple(
            OfferedTool(
                str(t["function"]["name"]),
                str(t["function"].get("description") or ""),
                _schema(t["function"]),
            )
            for t in _list(body, "tools")
            if t.get("type") == "function"
            and isinstance((t.get("function") or {}).get("name"), str)
        )
        response_format = body.get("response_format") or {}
        json_schema = response_format.get("json_schema") or {}
        schema = json_schema.get("schema") if response_format.get("type") == "json_schema" else None
        return cls(
            model=model,
            question=question,
            tools=tools,
            outputs=tuple(outputs),
            tool_choice=_tool_choice(body.get("tool_choice")),
            output_schema=schema if isinstance(schema, dict) else None,
            size=len(json.dumps(messages, ensure_ascii=False)) + len(json.dumps(body.get("tools"))),
        )


def _model(body: dict[str, Any]) -> str:
    model = body.get("model")
    if not isinstance(model, str) or not model:
        raise BadRequest("Missing required parameter: 'model'.", "model")
    return model


def _list(body: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = body.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise BadRequest(f"Invalid '{key}': expected an array of objects.", key)
    return value


def _schema(function: dict[str, Any]) -> dict[str, Any]:
    parameters = function.get("parameters")
    return parameters if isinstance(parameters, dict) else {}


def _tool_choice(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        # Responses names the forced function at the top level, Chat Completions under "function".
        name = value.get("name") or (value.get("function") or {}).get("name")
        if isinstance(name, str):
            return name
    return "auto"


def _text_of(content: Any) -> str:
    """Plain text of a message or tool output, which may be a string or a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(
            str(part.get("text", "")) for part in content if isinstance(part, dict)
        ).strip()
    return ""
