"""The `ask-applicant` command line: one Typer app, one module per command group."""

from __future__ import annotations

import sys

import typer
from pydantic import ValidationError
from sqlalchemy.exc import SQLAlchemyError

from ask_applicant.cli import ask, chat, db, keys, links, mcp, owner_link, serve
from ask_applicant.cli import eval as evaluation

app = typer.Typer(
    name="ask-applicant",
    help="Answer recruiters' questions about one job applicant.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(db.app, name="db")
app.add_typer(mcp.app, name="mcp")
app.add_typer(keys.app, name="keys")
app.add_typer(links.app, name="links")
app.command(name="serve")(serve.serve)
app.command(name="ask")(ask.ask)
app.command(name="chat")(chat.chat)
app.command(name="eval")(evaluation.evaluate)
app.command(name="owner-link")(owner_link.owner_link)


def main() -> None:
    """Entry point of the `ask-applicant` console script."""
    try:
        app()
    except ValidationError as error:
        # Bad settings are the user's to fix: say which, without a traceback.
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']).upper() or 'settings'}: {e['msg']}"
            for e in error.errors()
        )
        print(f"error: invalid settings: {problems}", file=sys.stderr)
        sys.exit(2)
    except SQLAlchemyError as error:
        # An unreachable or unusable database: the cause, not SQLAlchemy's traceback.
        cause = str(getattr(error, "orig", None) or error).splitlines()[0]
        print(f"error: cannot use the database: {cause}", file=sys.stderr)
        sys.exit(1)
