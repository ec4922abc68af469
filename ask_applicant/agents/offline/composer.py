"""The offline model's wording: extractive answers, the help message, "not in the profile".

Every sentence here is a frame around text the tools returned or the agent graph wrote;
the composer never states a fact of its own.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Sequence

from ask_applicant.agents.offline import entry, particulars, reply
from ask_applicant.agents.offline.evidence import Evidence, Fact
from ask_applicant.agents.offline.intent import Intent
from ask_applicant.agents.offline.korean import render
from ask_applicant.agents.offline.support import field, focus
from ask_applicant.agents.offline.terms import terms
from ask_applicant.agents.offline.voice import Voice

# A write-up section can run to pages; the answer quotes its start and cites the source.
MAX_FACT_CHARS = 500
# A listing stops before this many characters: an answer, not a section dump.
MAX_ANSWER_CHARS = 1_500
# The SDK's default handoff description starts with this sentence; the rest is ours.
_KOREAN_MARK = " | 한국어:"
# Sections whose entries a list names by heading and period alone.
_DATED_SECTIONS = frozenset({"work", "volunteer", "education"})
_ENTRY_NOUNS = frozenset(
    terms(
        "companies company jobs job employers employer roles positions organisations "
        "organizations schools universities workplaces 회사 회사들 직장 직장들 학교"
    )
)
_SDK_HANDOFF_PREFIX = re.compile(r"^Handoff to the .+? agent to handle the request\.\s*")


def answer(
    evidence: Evidence,
    voice: Voice,
    *,
    korean: bool,
    question: str = "",
    intent: Intent | None = None,
    ignore: Collection[str] = (),
) -> str:
    """Answer from the facts, with their sources, in the profile's voice.

    Args:
        evidence: Ranked facts and notes from this turn's tools.
        voice: Who speaks.
        korean: Frame the answer in Korean.
        question: The question (a follow-up made whole), for what it names.
        intent: What the question asks for; with it the answer is shaped (`reply`),
            without it the facts are listed.
        ignore: Terms that say nothing about the topic (the applicant's name).

    Returns:
        The answer text; a plain "the profile does not hold this" when there are no facts.
    """
    # "What's her LinkedIn?": that network of the profile links, not every one.
    evidence = dataclasses.replace(
        evidence, facts=[particulars.networks_named(fact, question) for fact in evidence.facts]
    )
    if intent is not None:
        shaped = reply.compose(evidence, question, intent, korean=korean, ignore=ignore)
        if shaped is not None:
            return shaped
        # With no facts at all, "no" would claim too much ("Can she relocate?" is not
        # answered "No" because no FAQ covers it): the profile does not say.
    # A tool's note is English: a Korean answer leaves it out rather than mix languages.
    # It is also written about "the applicant": the answer's voice says it.
    notes = [] if korean else [f"Note: {voice.speak(note)}" for note in evidence.notes]
    if evidence.empty:
        return "\n".join([not_held(voice, korean=korean), *notes])
    lines = [_opening(voice, korean=korean), *notes]
    width = reply.list_width(evidence, question) if intent is Intent.LIST else None
    facts = focus(evidence.facts, question, intent, ignore) if intent else evidence.facts
    for fact in facts:
        # "Which companies?": one line per job, its heading and period, not its story.
        told = entry.headline(fact.text) if _listed_entry(fact, intent, question) else ""
        text = told or fact.text
        text = render(text, fact.source) if korean else text
        # A fact that names its sources in its text (years of a skill) needs no citation.
        cited = "" if fact.source in fact.text else f" ({fact.source})"
        line = f"- {_clip(text, width or MAX_FACT_CHARS)}{cited}"
        if lines and sum(len(each) + 1 for each in lines) + len(line) > MAX_ANSWER_CHARS:
            break
        lines.append(line)
    if len(lines) == 2 and not notes:
        # One fact is the answer itself, not a list under an opening.
        return lines[1].removeprefix("- ")
    return "\n".join(lines)


def _listed_entry(fact: Fact, intent: Intent | None, question: str) -> bool:
    # Only when the entries themselves are listed: "Which databases?" reads their text.
    return (
        intent is Intent.LIST
        and field(fact.source) in _DATED_SECTIONS
        and bool(set(terms(question)) & _ENTRY_NOUNS)
    )


def not_held(voice: Voice, *, korean: bool) -> str:
    """Say plainly that the profile does not answer the question."""
    if korean:
        if voice.first_person:
            return "죄송하지만 제 프로필에는 그 질문에 대한 정보가 없습니다."
        return f"죄송하지만 {voice.korean_name()}의 프로필에는 그 질문에 대한 정보가 없습니다."
    if voice.first_person:
        return "I'm sorry, my profile does not hold the answer to that question."
    owner = _possessive(voice.english_name())
    return f"I'm sorry, {owner} profile does not hold the answer to that question."


def help_message(areas: Sequence[str], voice: Voice, *, korean: bool) -> str:
    """List what can be asked, from the handoff targets' descriptions.

    Args:
        areas: One line per area the agent can hand off to.
        voice: Who speaks.
        korean: Write the frame in Korean.

    Returns:
        A short help message.
    """
    if korean:
        subject = "저" if voice.first_person else voice.korean_name()
        head = f"{subject}에 대해 다음과 같은 내용을 질문하실 수 있습니다:"
    else:
        subject = "me and my background" if voice.first_person else voice.english_name()
        head = f"I can answer questions about {subject}. You can ask about:"
    return "\n".join([head, *(f"- {voice.speak(area)}" for area in areas)])


def area_line(tool_description: str, agent_name: str, *, korean: bool = False) -> str:
    """Turn a handoff's tool description into one line of the help message.

    A description may end with ` | 한국어: ...`, its Korean wording, which a Korean help
    message uses; the English part is the line otherwise (and what routing reads).
    """
    text = _SDK_HANDOFF_PREFIX.sub("", tool_description).strip()
    english, _, local = text.partition(_KOREAN_MARK)
    chosen = local if korean and local.strip() else english
    return " ".join(chosen.split()) or agent_name


def _opening(voice: Voice, *, korean: bool) -> str:
    if korean:
        return (
            "제 프로필에 따르면:"
            if voice.first_person
            else f"{voice.korean_name()}의 프로필에 따르면:"
        )
    if voice.first_person:
        return "Here is what I can tell you:"
    return f"Here is what the profile says about {voice.english_name()}:"


def _clip(text: str, limit: int = MAX_FACT_CHARS) -> str:
    """Shorten a long fact (a write-up section) at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return f"{cut.rstrip()} …"


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"
