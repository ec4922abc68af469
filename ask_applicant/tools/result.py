"""The result every tool returns: facts, each with the place in the profile it came from."""

from __future__ import annotations

import json

from pydantic import BaseModel, Field

from ask_applicant.profile import Profile

MAX_FACTS = 12
MAX_FACT_CHARS = 1_200
MAX_RESULT_CHARS = 8_000


class Fact(BaseModel):
    """One statement from the profile.

    Attributes:
        source: Where it came from: ``work[1]``, ``projects/chat-service.md``, ``faq[3]``.
        text: The statement itself.
    """

    source: str
    text: str


class ToolResult(BaseModel):
    """What a tool hands back to the model: facts with sources, and an optional note."""

    facts: list[Fact] = Field(default_factory=list)
    note: str | None = None

    def to_json(self) -> str:
        """The result as JSON text, Hangul and emoji kept as they are."""
        return json.dumps(self.model_dump(exclude_none=True), ensure_ascii=False)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def finish(
    profile: Profile, facts: list[Fact], note: str | None = None, *, limit: int = MAX_FACTS
) -> ToolResult:
    """Cap, scrub and wrap facts into a result.

    Tools build facts from the public resume already; scrubbing again catches private
    values repeated in free text (a summary, a write-up, an FAQ answer).

    Args:
        profile: The profile whose private values must not appear.
        facts: The facts, most relevant first.
        note: A remark for the model (nothing found, truncated, how a number was computed).
        limit: The most facts to keep.
    """
    kept: list[Fact] = []
    budget = MAX_RESULT_CHARS
    for fact in facts[:limit]:
        if budget < 80:
            break
        text = profile.redact(_clip(fact.text, min(MAX_FACT_CHARS, budget)))
        kept.append(Fact(source=fact.source, text=text))
        budget -= len(text)
    if len(kept) < len(facts):
        extra = f"{len(facts) - len(kept)} more not shown; ask a narrower question."
        note = f"{note} {extra}" if note else extra
    return ToolResult(facts=kept, note=profile.redact(note) if note else None)


_PRIVATE_TOPICS = frozenset(
    "phone mobile cell telephone address home street birthday birthdate birth dob age "
    "전화 화번 번호 연락 휴대 핸드 주소 집주 생년 년월 월일 생일 나이".split()
)


def private_topic_note(query: str) -> str | None:
    """A note for queries that ask for a private detail, so the model can decline plainly."""
    from ask_applicant.profile.text import tokens

    if _PRIVATE_TOPICS.isdisjoint(tokens(query[:2_000])):
        return None
    return (
        "The applicant's phone number, home address and birth date are private and are never "
        "shared; offer the public email or profile links from get_basics instead."
    )
