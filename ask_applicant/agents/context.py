"""The typed context every agent run carries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from ask_applicant.profile import Profile
    from ask_applicant.settings import Settings


@dataclass
class ChatContext:
    """Who is asking, in which conversation, about which applicant.

    Passed per run as the SDK's run context; tools reach the profile through it,
    never through a global. `question` is the turn's question (set by the turn), which
    the privacy guardrail lets the answer repeat. `engine` is set where a tool may write
    (the server).
    """

    user_id: str
    session_id: str
    profile: Profile
    settings: Settings
    question: str = ""
    engine: AsyncEngine | None = None
