"""The toolbox: a specialist's function tools, and the pick of the one that fits a question.

Each tool is a small document: its name (counted twice; names are chosen with care), its
description (the docstring) and its parameters' names and descriptions. MCP tools arrive
as `FunctionTool` too and are treated the same. Between tools that match equally, one
whose arguments the question can actually fill wins; a tool whose required text argument
would be empty loses.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from agents import FunctionTool

from ask_applicant.agents.offline.arguments import Arguments, Role, fill, role_of
from ask_applicant.agents.offline.bm25 import Bm25Index
from ask_applicant.agents.offline.choices import Choices
from ask_applicant.agents.offline.spans import QuestionSpans, ignorable
from ask_applicant.agents.offline.terms import identifier_terms, terms

# Relative, so that only near-ties are decided by how well the arguments fill.
SPECIFIC_GAIN = 1.15
STARVED_LOSS = 0.5
# A tool that takes the very thing the question names (a project, by its known value)
# fits better than one whose description merely shares the name's words.
NAMED_GAIN = 1.5
STRESS_WEIGHT = 2.0


@dataclass(frozen=True)
class ToolPick:
    """A tool to call and its arguments."""

    tool: FunctionTool
    arguments: Arguments
    score: float


class Toolbox:
    """The function tools one agent holds.

    Args:
        tools: The agent's function tools, in the order the agent lists them.
        ignore: Terms never worth passing as arguments (the applicant's name).
        choices: Known values of some parameters (project slugs), by parameter name.
    """

    def __init__(
        self,
        tools: Sequence[FunctionTool],
        ignore: frozenset[str] = frozenset(),
        choices: Choices | None = None,
    ) -> None:
        self.tools = tuple(tools)
        self._ignore = ignore
        self._choices = choices
        self._index = Bm25Index([_document(tool) for tool in self.tools], b=0.3)

    @property
    def names(self) -> frozenset[str]:
        """The tools' names."""
        return frozenset(tool.name for tool in self.tools)

    def name_terms(self, names: Collection[str]) -> frozenset[str]:
        """Terms of the named tools' identifiers and parameters (noise inside their answers)."""
        chosen = [tool for tool in self.tools if tool.name in names]
        return ignorable([tool.name for tool in chosen] + [p for t in chosen for p in _params(t)])

    def matches(self, query: Sequence[str]) -> bool:
        """Tell whether any tool's name or description shares a term with the question."""
        return bool(self.matched(query))

    def matched(self, query: Sequence[str]) -> set[str]:
        """Names of the tools whose name or description shares a term with the question."""
        scores = self._index.scores(query)
        return {tool.name for tool, score in zip(self.tools, scores, strict=True) if score > 0}

    def pick(
        self,
        question: str,
        query: Sequence[str],
        *,
        exclude: Collection[str] = (),
        stressed: Collection[str] = (),
    ) -> ToolPick | None:
        """Choose the tool that best fits the question and fill its arguments.

        Args:
            question: The question as asked.
            query: Its search terms (glossary concepts included).
            exclude: Names of tools not to choose (already called this turn).
            stressed: Terms that count `STRESS_WEIGHT` times: what the question's phrasing
                says it wants ("we are hiring ..." wants a job fit), which outweighs a
                technology word that a tool's examples happen to share.

        Returns:
            The pick, or None when no tool can be called with valid arguments.
        """
        base = self._index.scores(query, dict.fromkeys(stressed, STRESS_WEIGHT))
        picks: list[ToolPick] = []
        for tool, score in zip(self.tools, base, strict=True):
            if tool.name in exclude:
                continue
            arguments = self._arguments(tool, question)
            if arguments is None:
                continue
            if arguments.specific:
                score *= SPECIFIC_GAIN
            if arguments.starved:
                score *= STARVED_LOSS
            if arguments.named:
                score *= NAMED_GAIN
            picks.append(ToolPick(tool, arguments, score))
        if not picks:
            return None
        if max(base, default=0.0) > 0:
            return max(picks, key=lambda pick: pick.score)
        return self._fallback(picks)

    def pick_retry(
        self, question: str, query: Sequence[str], *, exclude: Collection[str] = ()
    ) -> ToolPick | None:
        """Choose the second attempt after a tool found nothing.

        A free-text search the question can fill comes first; failing that, the
        best-matching tool that takes no arguments, whose whole section the answer then
        ranks by relevance.
        """
        candidates = [tool for tool in self.tools if tool.name not in exclude]
        for tool in candidates:
            if _searches(tool):
                arguments = self._arguments(tool, question)
                if arguments is not None and arguments.specific and not arguments.starved:
                    return ToolPick(tool, arguments, 0.0)
        scores = {
            tool.name: score
            for tool, score in zip(self.tools, self._index.scores(query), strict=True)
        }
        sections = [tool for tool in candidates if not _params(tool)]
        if not sections:
            return None
        best = max(sections, key=lambda tool: scores[tool.name])
        return ToolPick(
            best, Arguments(values={}, specific=False, starved=False), scores[best.name]
        )

    def _fallback(self, picks: list[ToolPick]) -> ToolPick:
        # Nothing matched by words: a search with the question's content words if there is
        # one, else the first tool that needs nothing, else the first callable tool.
        for pick in picks:
            if _searches(pick.tool) and pick.arguments.specific and not pick.arguments.starved:
                return pick
        for pick in picks:
            if not pick.arguments.values:
                return pick
        return picks[0]

    def arguments(self, tool: FunctionTool, question: str) -> dict[str, Any]:
        """The arguments the question fills for one tool ({} when it cannot)."""
        filled = self._arguments(tool, question)
        return filled.values if filled is not None else {}

    def _arguments(self, tool: FunctionTool, question: str) -> Arguments | None:
        ignore = self._ignore | ignorable([tool.name, *_params(tool)])
        return fill(tool.params_json_schema or {}, QuestionSpans(question, ignore), self._choices)


def _params(tool: FunctionTool) -> dict[str, Any]:
    properties = (tool.params_json_schema or {}).get("properties")
    return dict(properties) if isinstance(properties, Mapping) else {}


def _searches(tool: FunctionTool) -> bool:
    return any(
        isinstance(schema, Mapping) and role_of(name, schema) in (Role.QUERY, Role.TERM)
        for name, schema in _params(tool).items()
    )


def _document(tool: FunctionTool) -> list[str]:
    words = identifier_terms(tool.name) * 2 + terms(tool.description or "")
    for name, schema in _params(tool).items():
        words += identifier_terms(name)
        if isinstance(schema, Mapping):
            words += terms(str(schema.get("description") or ""))
    return words
