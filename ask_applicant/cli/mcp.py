"""`ask-applicant mcp`: the profile and portfolio MCP servers over stdio, for desktop clients."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ask_applicant.profile import ProfileError, load_profile
from ask_applicant.settings import get_settings

if TYPE_CHECKING:
    from ask_applicant.profile import Profile

app = typer.Typer(
    help="Serve the applicant over MCP on stdin/stdout (Claude Desktop, VS Code, Cursor).",
    no_args_is_help=True,
)

ProfileOption = Annotated[
    Path | None,
    typer.Option(
        "--profile",
        help="Profile folder (resume.json, profile.yaml, projects/) or one JSON Resume file. "
        "Default: PROFILE_PATH, else the bundled sample.",
        show_default=False,
    ),
]


@app.command()
def profile(profile: ProfileOption = None) -> None:
    """Serve the applicant's resume, projects, FAQ and job-fit tools."""
    from ask_applicant.mcp_servers.profile import build_profile_server

    build_profile_server(_load(profile)).run("stdio")


@app.command()
def portfolio(profile: ProfileOption = None) -> None:
    """Serve read-only access to the source code of the applicant's projects."""
    from ask_applicant.mcp_servers.portfolio import build_portfolio_server

    build_portfolio_server(_load(profile)).run("stdio")


def _load(path: Path | None) -> Profile:
    # Loaded once, before the server starts: a bad profile is reported on stderr
    # (stdout belongs to the protocol) and never reaches a client as a crash.
    try:
        return load_profile(path or get_settings().profile_path)
    except ProfileError as error:
        typer.echo(f"error: cannot load the profile: {error}", err=True)
        raise typer.Exit(2) from None
