"""Conversations, their SDK items, runs and run events in MySQL or SQLite.

The session store (which imports the Agents SDK) and the schema helpers (which import
Alembic) load on first use, so that commands which only read or write a few rows,
such as `keys` and `links`, start in well under two seconds.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ask_applicant.persistence.adapter_models import ConversationKey, IdAlias
from ask_applicant.persistence.console_models import Lead, OwnerTicket
from ask_applicant.persistence.engine import create_engine, open_db, reading
from ask_applicant.persistence.models import (
    ChatSession,
    Run,
    RunEvent,
    ServiceSecret,
    SessionItem,
    ShareLink,
    User,
)
from ask_applicant.persistence.oauth_models import OAuthClient, OAuthCode, OAuthToken

if TYPE_CHECKING:
    from ask_applicant.persistence.schema import (
        SchemaBehindError,
        require_head,
        upgrade_to_head,
        upgrade_to_head_async,
    )
    from ask_applicant.persistence.store import SessionNotFoundError, SqlSessionStore

_LAZY = {
    "SchemaBehindError": "schema",
    "require_head": "schema",
    "upgrade_to_head": "schema",
    "upgrade_to_head_async": "schema",
    "SessionNotFoundError": "store",
    "SqlSessionStore": "store",
}

__all__ = [
    "ChatSession",
    "ConversationKey",
    "IdAlias",
    "Lead",
    "OAuthClient",
    "OAuthCode",
    "OAuthToken",
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
    "reading",
    "require_head",
    "upgrade_to_head",
    "upgrade_to_head_async",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
