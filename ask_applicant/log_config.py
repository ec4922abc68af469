"""The process's logging: one handler on the root logger, plain text or JSON lines.

Configured once, before anything else can: the `ask-applicant` command does it first
thing, `create_app` does it for `uvicorn --factory` (unless its host configured logging
already), and `serve` hands the same configuration to uvicorn, so its own loggers write
through our handler too. Libraries
that call `logging.basicConfig` later (the MCP server does, with a Rich handler whose
tracebacks cost over a second of CPU each) find the root logger configured and leave it.
"""

from __future__ import annotations

import json
import logging
import logging.config
from datetime import UTC, datetime
from typing import Any

from ask_applicant.settings import Settings

HANDLER_NAME = "ask_applicant"
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
UVICORN_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access")


class JsonLineFormatter(logging.Formatter):
    """One JSON object per record, on one line: its traceback is a string inside it."""

    def format(self, record: logging.LogRecord) -> str:
        """`{time, level, logger, message}`, plus `exception` and `stack` when present."""
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def logging_config(settings: Settings) -> dict[str, Any]:
    """The `logging.config.dictConfig` schema for `settings` (also uvicorn's `log_config`).

    Uvicorn's loggers lose their own handlers and propagate to ours.
    """
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "text": {"format": TEXT_FORMAT},
            "json": {"()": JsonLineFormatter},
        },
        "handlers": {
            HANDLER_NAME: {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": settings.log_format,
            }
        },
        "root": {"level": settings.log_level, "handlers": [HANDLER_NAME]},
        "loggers": {
            **{name: {"handlers": [], "propagate": True} for name in UVICORN_LOGGERS},
            # Alembic narrates every start-up's schema check at INFO; `db upgrade` and
            # `db status` print their own one-line result.
            "alembic": {"level": "WARNING"},
        },
    }


def configure_logging(settings: Settings, *, keep_existing: bool = False) -> None:
    """Install our handler as the root logger's only one, unless it is there already.

    Idempotent, so the first configuration of the process wins (uvicorn's, from
    `serve`, before the app factory's).

    Args:
        settings: `log_format` and `log_level`.
        keep_existing: Leave a root logger that already has handlers as it is: the
            app factory's choice, for hosts that configured logging themselves (a test
            runner capturing logs).
    """
    root = logging.getLogger()
    if is_configured() or (keep_existing and root.handlers):
        return
    logging.config.dictConfig(logging_config(settings))


def is_configured() -> bool:
    """True when our handler is on the root logger."""
    return any(handler.get_name() == HANDLER_NAME for handler in logging.getLogger().handlers)
