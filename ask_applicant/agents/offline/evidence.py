"""Evidence: the facts that tool outputs returned this turn, ranked for the question.

Our tools answer with `{"facts": [{"source", "text"}], "note"}`; MCP servers and foreign
tools may answer with other JSON objects, whose records (a code search's hits, a file
excerpt) become facts, citing their own `source` when they carry one, or with any text,
which is taken line by line with the tool's name as the source. A tool error an MCP
server reports becomes a note. Facts the question mentions come first; the rest keep
the tool's order. A second call is a fallback after the first found nothing; when the
question's words did not point at that tool, only its facts that touch the question
count.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from ask_applicant.agents.offline.bm25 import Bm25Index
from ask_applicant.agents.offline.glossary import concept_terms
from ask_applicant.agents.offline.terms import terms
from ask_applicant.agents.offline.transcript import Exchange

MAX_FACTS = 8
# What the SDK puts in a tool output when the tool raised.
_TOOL_ERROR_PREFIX = "An error occurred while running the tool"
# What an `mcp` server puts in the result of a tool that raised a `ToolError`.
_MCP_TOOL_ERROR = re.compile(r"^Error executing tool [\w.-]+:\s*")


@dataclass(frozen=True)
class Fact:
    """One statement and where in the profile it came from."""

    source: str
    text: str


@dataclass
class Evidence:
    """Facts and notes gathered from this turn's tool outputs."""

    facts: list[Fact] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when the tools returned no facts."""
        return not self.facts

    @classmethod
    def gather(
        cls,
        exchanges: Sequence[Exchange],
        query: Sequence[str],
        *,
        strict: Collection[str] = (),
        limit: int = MAX_FACTS,
    ) -> Evidence:
        """Collect the facts of finished tool calls, most relevant first.

        Args:
            exchanges: Finished calls of the answering agent's own tools.
            query: The question's search terms, tool-name words removed.
            strict: Tools whose facts count only when they touch the question: a
                fallback the question did not ask for, whose whole section is no answer.
            limit: How many facts to keep in all.

        Returns:
            The evidence, facts de-duplicated.
        """
        evidence = cls()
        seen: set[tuple[str, str]] = set()
        parsed = []
        for index, exchange in enumerate(exchanges):
            facts, note = parse_output(exchange.output or "", exchange.name)
            if index > 0 and exchange.name in strict:
                facts = relevant(facts, query)
                # Nor does its note ("Jobs cover 9 years") when none of it counted.
                note = note if facts else None
            parsed.append((facts, note))
        found_any = any(facts for facts, _note in parsed)
        for facts, note in parsed:
            # A note explaining an empty result is noise once another tool found facts.
            if note and note not in evidence.notes and (facts or not found_any):
                evidence.notes.append(note)
            for fact in rank(facts, query):
                key = (fact.source, fact.text)
                if key not in seen and len(evidence.facts) < limit:
                    seen.add(key)
                    evidence.facts.append(fact)
        return evidence


def parse_output(output: str, tool_name: str) -> tuple[list[Fact], str | None]:
    """Read one tool output into facts and an optional note.

    Args:
        output: The output text the model received.
        tool_name: Used as the source of facts that name none.

    Returns:
        The facts and the note (None when absent).
    """
    text = output.strip()
    if not text or text.startswith(_TOOL_ERROR_PREFIX):
        return [], None
    refusal = _MCP_TOOL_ERROR.match(text)
    if refusal:
        # The model's own mistake (an unknown project, a missing file), told plainly.
        return [], text[refusal.end() :] or None
    try:
        parsed: Any = json.loads(text)
    except ValueError:
        parsed = None
    if isinstance(parsed, dict) and isinstance(parsed.get("facts"), list):
        note = parsed.get("note")
        note_text = note.strip() if isinstance(note, str) else ""
        return _facts(parsed["facts"], tool_name), note_text or None
    if isinstance(parsed, list) and all(isinstance(item, dict) for item in parsed):
        return _facts(parsed, tool_name), None
    if isinstance(parsed, dict):
        records = _records(parsed)
        if records is not None:
            return _facts(records, tool_name), None
    lines = [line.strip(" -*\t") for line in text.splitlines()]
    return [Fact(source=tool_name, text=line) for line in lines if line], None


def rank(facts: list[Fact], query: Sequence[str]) -> list[Fact]:
    """Order facts by relevance; facts the question does not touch keep their order after."""
    if not facts or not query:
        return facts
    scores = _scores(facts, query)
    order = sorted(range(len(facts)), key=lambda index: (-scores[index], index))
    return [facts[index] for index in order]


def relevant(facts: list[Fact], query: Sequence[str]) -> list[Fact]:
    """Keep only the facts that share a term with the question."""
    if not facts or not query:
        return []
    scores = _scores(facts, query)
    return [fact for fact, score in zip(facts, scores, strict=True) if score > 0]


def _scores(facts: list[Fact], query: Sequence[str]) -> list[float]:
    # The source names the field ("basics.email"), which the text may not repeat; the
    # English words of a Korean fact's phrases ("조직" is a team) meet English questions.
    return Bm25Index(
        [[*terms(f"{fact.text} {fact.source}"), *concept_terms(fact.text)] for fact in facts]
    ).scores(query)


def _records(parsed: dict[str, Any]) -> list[Any] | None:
    """The records of a JSON object answer: itself when it has a text, else its lists.

    None when it has neither (then its lines are the facts); an empty list when its
    lists are empty (a search that found nothing found no facts).
    """
    if isinstance(parsed.get("text"), str):
        return [parsed]
    lists = [value for value in parsed.values() if isinstance(value, list)]
    if not lists:
        return None
    return [_as_record(item) for value in lists for item in value]


def _as_record(item: Any) -> Any:
    # A record without a text (a file in a listing, a commit) reads as its fields.
    if not isinstance(item, dict) or isinstance(item.get("text"), str):
        return item
    fields = [f"{key}: {value}" for key, value in item.items() if key != "source"]
    return {"source": item.get("source"), "text": ", ".join(fields)}


_SLUG = re.compile(r"slug: [^;)]+(?:; )?")


def _facts(items: list[Any], tool_name: str) -> list[Fact]:
    facts = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("text"), str) and item["text"].strip():
            source = item.get("source")
            facts.append(
                Fact(
                    source=source if isinstance(source, str) and source else tool_name,
                    # A project's slug is the tools' handle for it, not something a
                    # recruiter reads ("kafka-lens (slug: kafka-lens; 2021-04 – present)").
                    text=_SLUG.sub("", " ".join(item["text"].split())).replace(" ()", ""),
                )
            )
        elif isinstance(item, str) and item.strip():
            facts.append(Fact(source=tool_name, text=" ".join(item.split())))
    return facts
