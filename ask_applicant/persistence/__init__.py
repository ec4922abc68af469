"""Conversations, their SDK items, runs and run events in MySQL or SQLite."""

from ask_applicant.persistence.console_models import Lead, OwnerTicket
from ask_applicant.persistence.engine import create_engine, open_db
from ask_applicant.persistence.models import (
    ChatSession,
    Run,
    RunEvent,
    ServiceSecret,
    SessionItem,
    ShareLink,
    User,
)
from ask_applicant.persistence.schema import (
    SchemaBehindError,
    require_head,
    upgrade_to_head,
    upgrade_to_head_async,
)
from ask_applicant.persistence.store import SessionNotFoundError, SqlSessionStore

__all__ = [
    "ChatSession",
    "Lead",
    "OwnerTicket",
    "Run",
    "RunEvent",
    "SchemaBehindError",
    "ServiceSecret",
    "SessionItem",
    "SessionNotFoundError",
    "ShareLink",
    "SqlSessionStore",
    "User",
    "create_engine",
    "open_db",
    "require_head",
    "upgrade_to_head",
    "upgrade_to_head_async",
]
