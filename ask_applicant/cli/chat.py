"""`ask-applicant chat`: an interactive conversation, kept in the database.

Each line typed is one turn; the next turn starts with the agent that answered the last
one. `--session ID` continues a conversation (from an earlier `chat` or `ask`). Type
`/exit` or press Ctrl-D to leave.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer

from ask_applicant.agents.question import QuestionError, validate_question
from ask_applicant.agents.turn import failure_code
from ask_applicant.cli.ask import (
    Narrator,
    ProfileOption,
    UnknownSessionError,
    Workbench,
    answer,
    load_settings_and_profile,
    open_workbench,
    run_until_interrupted,
)
from ask_applicant.persistence import open_db
from ask_applicant.persistence.sessions import get_session
from ask_applicant.profile import Profile
from ask_applicant.settings import Settings

_EXIT_WORDS = frozenset({"/exit", "/quit", "exit", "quit"})


async def _read_line(prompt: str) -> str | None:
    # input() blocks; run it off the loop so the event loop stays responsive.
    try:
        return await asyncio.to_thread(input, prompt)
    except EOFError:
        return None


async def _converse(bench: Workbench, session_id: str | None) -> int:
    narrator = Narrator()
    if session_id is not None:
        async with open_db(bench.engine) as db:
            if await get_session(db, session_id=session_id, owner_id=None) is None:
                typer.echo(f"error: no conversation {session_id!r}", err=True)
                return 2
    narrator.activity.print(
        f"[dim]Ask about {bench.profile.name or 'the applicant'}. /exit to leave.[/dim]"
    )
    while True:
        line = await _read_line("you> ")
        if line is None or line.strip() in _EXIT_WORDS:
            break
        if not line.strip():
            continue
        try:
            question = validate_question(line, max_chars=bench.settings.max_message_chars)
        except QuestionError as error:
            narrator.activity.print(f"[red]{error}[/red]", markup=True, highlight=False)
            continue
        try:
            outcome, session_id = await answer(
                bench, question, session_id=session_id, on_event=narrator
            )
        except UnknownSessionError:
            typer.echo(f"error: no conversation {session_id!r}", err=True)
            return 2
        except Exception as error:  # shown, and the conversation goes on
            typer.echo(f"error ({failure_code(error)}): {error}", err=True)
            continue
        narrator.activity.print(f"[dim]· {outcome.agent} · session {session_id}[/dim]")
    if session_id is not None:
        narrator.activity.print(f"[dim]conversation saved: --session {session_id}[/dim]")
    return 0


async def _chat(settings: Settings, profile: Profile, session_id: str | None) -> int:
    async with open_workbench(settings, profile) as bench:
        return await _converse(bench, session_id)


def chat(
    session: Annotated[
        str | None,
        typer.Option("--session", help="Continue this conversation.", show_default=False),
    ] = None,
    profile: ProfileOption = None,
) -> None:
    """Talk with the agent team about the applicant; the conversation is saved."""
    settings, loaded = load_settings_and_profile(profile)
    raise typer.Exit(run_until_interrupted(_chat(settings, loaded, session)))
