"""The `ask-applicant` command line: one Typer app, one module per command group.

Command modules are imported only when their command runs (see `LazyGroup`), so
`--help` and the small database commands start quickly.
"""

from __future__ import annotations

import sys

import typer

from ask_applicant.cli.lazy_group import LazyCommand, LazyGroup

COMMANDS = {
    "serve": LazyCommand("serve", "serve", "Serve the HTTP API (OpenAPI docs at /docs)."),
    "ask": LazyCommand("ask", "ask", "Ask one question about the applicant."),
    "chat": LazyCommand("chat", "chat", "Talk with the agent team about the applicant."),
    "eval": LazyCommand("eval", "evaluate", "Run evaluation suites and report pass rates."),
    "db": LazyCommand("db", "app", "Manage the database schema."),
    "mcp": LazyCommand("mcp", "app", "Serve the applicant over MCP on stdin/stdout."),
    "keys": LazyCommand("keys", "app", "Manage API keys for the HTTP API."),
    "links": LazyCommand("links", "app", "Manage share links that sign recruiters in."),
    "owner-link": LazyCommand(
        "owner_link", "owner_link", "Print a one-time link that opens the owner's console."
    ),
}


class _Commands(LazyGroup):
    lazy = COMMANDS


app = typer.Typer(
    name="ask-applicant",
    cls=_Commands,
    help="Answer recruiters' questions about one job applicant.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """Answer recruiters' questions about one job applicant."""
    # Before any command runs, so nothing it builds (an MCP server) can configure logging
    # its own way. Not for `--help`, which exits before this and needs no settings. A
    # host that configured logging already (a test runner capturing it) keeps its own.
    from ask_applicant.log_config import configure_logging
    from ask_applicant.settings import get_settings

    configure_logging(get_settings(), keep_existing=True)


def main() -> None:
    """Entry point of the `ask-applicant` console script."""
    try:
        app()
    except Exception as error:
        status = _explained(error)
        if status is None:
            raise
        sys.exit(status)


def _explained(error: Exception) -> int | None:
    """Print a user's error (bad settings, unusable database) as one line; its exit status.

    Imported here, not at the top: pydantic and SQLAlchemy are large, and `--help` never
    needs them.
    """
    from pydantic import ValidationError
    from sqlalchemy.exc import SQLAlchemyError

    if isinstance(error, ValidationError):
        # Bad settings are the user's to fix: say which, without a traceback.
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']).upper() or 'settings'}: {e['msg']}"
            for e in error.errors()
        )
        print(f"error: invalid settings: {problems}", file=sys.stderr)
        return 2
    if isinstance(error, SQLAlchemyError):
        # An unreachable or unusable database: the cause, not SQLAlchemy's traceback.
        cause = str(getattr(error, "orig", None) or error).splitlines()[0]
        print(f"error: cannot use the database: {cause}", file=sys.stderr)
        return 1
    return None
