"""What the planner decides (a call or a reply), and the question it decides on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ask_applicant.agents.offline.follow_up import FollowUp
from ask_applicant.agents.offline.query import Query
from ask_applicant.agents.offline.voice import Voice


@dataclass(frozen=True)
class Call:
    """Call a function tool or a handoff."""

    name: str
    arguments: dict[str, Any]


@dataclass(frozen=True)
class Reply:
    """Answer with text and end the turn."""

    text: str


Decision = Call | Reply


@dataclass(frozen=True)
class Question:
    """The question of the turn, read once.

    Attributes:
        text: The question, a follow-up made whole with the conversation.
        query: Its search terms.
        voice: Who speaks.
        korean: Answer in Korean.
        ignore: Terms that say nothing about the topic (the applicant's name).
        follow_up: Set when `text` is a follow-up made whole (see `follow_up`).
        unmentioned_skill: It asks whether the applicant has a skill the profile never
            names ("Any Azure experience?"): the skills' area says no.
    """

    text: str
    query: Query
    voice: Voice
    korean: bool
    ignore: frozenset[str]
    follow_up: FollowUp | None = None
    unmentioned_skill: bool = False
