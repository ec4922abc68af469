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
    never through a global. `engine` is set where a tool may write (the server).
    """

    user_id: str
    session_id: str
    profile: Profile
    settings: Settings
    engine: AsyncEngine | None = None
