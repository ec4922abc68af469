"""The scripted decision: hand off, call a tool, or answer, from what the request contains."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from benchmarks.fake_openai.arguments import sample_value
from benchmarks.fake_openai.transcript import OfferedTool, Transcript

ReplyKind = Literal["handoff", "tool_call", "text"]

_WORD = re.compile(r"\w+")
_PIECE = re.compile(r"\s*\S+")
_STOPWORDS = frozenset(
    "the and for are was were you your with what which who whom how does did has have had "
    "about this that these those from into her his she him they them their its can could "
    "would should will tell me please any some there here agent transfer handoff handle "
    "request questions question".split()
)
_FILLER = "This is a scripted answer from the fake OpenAI upstream used by tests and benchmarks."
_QUOTE_CHARS = 200
# Keyword stems: a crude prefix cut so that "projects" meets "project" and "experienced" meets
# "experience", which is all the routing a deterministic fake needs.
_STEM = 5


@dataclass(frozen=True)
class Reply:
    """What the fake model says.

    Attributes:
        kind: A handoff call, a function tool call, or text.
        pieces: The streamed deltas: answer tokens, or fragments of the call's JSON arguments.
        tool_name: The tool (or handoff) called, for calls.
    """

    kind: ReplyKind
    pieces: tuple[str, ...]
    tool_name: str | None = None

    @property
    def text(self) -> str:
        """The whole answer text, or the whole JSON arguments of a call."""
        return "".join(self.pieces)


def choose_reply(transcript: Transcript, answer_tokens: int) -> Reply:
    """Decide the reply the way a well-behaved agent model would, but deterministically.

    Hand off when handoffs are offered and nothing has come back since the question; call a
    function tool when tools are offered and no tool result has come back since the question;
    otherwise answer. A forced ``tool_choice`` is obeyed and ``none`` suppresses calls.

    Args:
        transcript: The request, read.
        answer_tokens: Number of tokens in a text answer.

    Returns:
        The reply.
    """
    handoffs = [tool for tool in transcript.tools if tool.is_handoff]
    functions = [tool for tool in transcript.tools if not tool.is_handoff]
    choice = transcript.tool_choice
    if choice not in ("auto", "none", "required"):
        forced = [tool for tool in transcript.tools if tool.name == choice]
        if forced:
            return _call(forced[0], transcript.question)
    if choice != "none":
        if handoffs and not transcript.outputs:
            return _call(best_match(handoffs, transcript.question), transcript.question)
        if functions and not any(not output.is_handoff for output in transcript.outputs):
            return _call(best_match(functions, transcript.question), transcript.question)
        if choice == "required" and transcript.tools:
            return _call(
                best_match(list(transcript.tools), transcript.question), transcript.question
            )
    if transcript.output_schema is not None:
        value = sample_value(transcript.output_schema, transcript.question)
        return Reply("text", tuple(_PIECE.findall(json.dumps(value, ensure_ascii=False))))
    return Reply("text", _answer_tokens(transcript, answer_tokens))


def best_match(tools: list[OfferedTool], question: str) -> OfferedTool:
    """The tool whose name and description share most keywords with the question.

    Ties, including no overlap at all, go to the tool offered first.
    """
    wanted = keywords(question)
    scores = [len(wanted & keywords(f"{tool.name} {tool.description}")) for tool in tools]
    return tools[scores.index(max(scores))]


def keywords(text: str) -> set[str]:
    """Lower-cased word stems worth matching on, in any script."""
    words = _WORD.findall(text.lower().replace("_", " "))
    return {
        word[:_STEM]
        for word in words
        if word not in _STOPWORDS and (len(word) >= 3 or (not word.isascii() and len(word) >= 2))
    }


def _call(tool: OfferedTool, question: str) -> Reply:
    arguments = json.dumps(sample_value(tool.parameters, question), ensure_ascii=False)
    kind: ReplyKind = "handoff" if tool.is_handoff else "tool_call"
    return Reply(kind, tuple(_PIECE.findall(arguments)) or ("{}",), tool.name)


def _answer_tokens(transcript: Transcript, count: int) -> tuple[str, ...]:
    said = [output for output in transcript.outputs if not output.is_handoff]
    if said:
        opening = " ".join(f"{o.name} says: {_gist(o.text)[:_QUOTE_CHARS]}" for o in said)
    else:
        opening = f"You asked: {transcript.question[:_QUOTE_CHARS]}"
    words = opening.split()
    filler = _FILLER.split()
    while len(words) < count:
        words.extend(filler)
    words = words[:count]
    return (words[0], *(f" {word}" for word in words[1:]))


def _gist(output: str) -> str:
    """The strings inside a JSON tool output (or the output itself), as one line."""
    try:
        parsed: Any = json.loads(output)
    except ValueError:
        return " ".join(output.split())
    strings: list[str] = []
    _collect_strings(parsed, strings)
    return "; ".join(" ".join(s.split()) for s in strings if s.strip())


def _collect_strings(value: Any, into: list[str]) -> None:
    if isinstance(value, str):
        into.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _collect_strings(item, into)
    elif isinstance(value, list):
        for item in value:
            _collect_strings(item, into)
    elif value is not None:
        into.append(str(value))
