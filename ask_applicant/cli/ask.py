"""`ask-applicant ask`: one question (or one per stdin line), answered by the agent team.

The answer streams to stdout; which agents and tools acted goes to stderr, so the answer
can be piped. `--json` prints one JSON object instead. The `chat` command
(`ask_applicant.cli.chat`) reuses the workbench defined here.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.events import TurnEvent
from ask_applicant.agents.graph import AgentGraph, build_agent_graph
from ask_applicant.agents.models import configure_tracing, create_openai_client, select_model
from ask_applicant.agents.question import QuestionError, validate_question
from ask_applicant.agents.turn import Turn, TurnOutcome, failure_code
from ask_applicant.persistence import (
    SqlSessionStore,
    create_engine,
    open_db,
    require_head,
    upgrade_to_head_async,
)
from ask_applicant.persistence.sessions import create_session, get_session, set_current_agent
from ask_applicant.persistence.users import get_or_create_user
from ask_applicant.profile import Profile, ProfileError, load_profile
from ask_applicant.settings import Settings, get_settings

# The person at the terminal acts as this user; conversations are kept under it.
CLI_USER_NAME = "command line"
_TITLE_CHARS = 80

ProfileOption = Annotated[
    Path | None,
    typer.Option(
        "--profile",
        help="Profile folder or JSON Resume file. Default: PROFILE_PATH, else the sample.",
        show_default=False,
    ),
]


class UnknownSessionError(LookupError):
    """`--session` names no conversation."""


@dataclass(frozen=True)
class Workbench:
    """What a local command needs to run turns: settings, profile, graph, database."""

    settings: Settings
    profile: Profile
    graph: AgentGraph
    engine: AsyncEngine
    user_id: str


def load_settings_and_profile(profile_path: Path | None) -> tuple[Settings, Profile]:
    """The settings (with `--profile` applied) and the loaded profile; exit 2 on a bad one."""
    settings = get_settings()
    if profile_path is not None:
        settings = settings.model_copy(update={"profile_path": profile_path})
    try:
        return settings, load_profile(settings.profile_path)
    except ProfileError as error:
        typer.echo(f"error: cannot load the profile: {error}", err=True)
        raise typer.Exit(2) from None


@asynccontextmanager
async def open_workbench(settings: Settings, profile: Profile) -> AsyncIterator[Workbench]:
    """Open the database (SQLite is brought to the newest schema) and build the agents."""
    configure_tracing(settings)
    client = create_openai_client(settings)
    graph = build_agent_graph(profile=profile, model=select_model(settings, client))
    engine = create_engine(settings.database_url)
    try:
        if settings.is_sqlite:
            await upgrade_to_head_async(settings.database_url)
        else:
            await require_head(engine)
        async with open_db(engine) as db:
            user = await get_or_create_user(db, name=CLI_USER_NAME, role="recruiter")
        yield Workbench(settings, profile, graph, engine, user.id)
    finally:
        await engine.dispose()
        if client is not None:
            await client.close()


async def answer(
    bench: Workbench,
    question: str,
    *,
    session_id: str | None = None,
    on_event: Callable[[TurnEvent], None] | None = None,
) -> tuple[TurnOutcome, str]:
    """Run one turn, in a new conversation or in `session_id`'s, and remember its agent.

    Returns:
        The outcome and the conversation's id.

    Raises:
        UnknownSessionError: When `session_id` names no conversation.
    """
    async with open_db(bench.engine) as db:
        if session_id is None:
            chat = await create_session(db, owner_id=bench.user_id, title=question[:_TITLE_CHARS])
        else:
            found = await get_session(db, session_id=session_id, owner_id=None)
            if found is None:
                raise UnknownSessionError(session_id)
            chat = found
    context = ChatContext(bench.user_id, chat.id, bench.profile, bench.settings)
    turn = Turn(
        graph=bench.graph,
        context=context,
        question=question,
        session=SqlSessionStore(chat.id, engine=bench.engine),
        starting_key=chat.current_agent,
    )
    async for event in turn.events():
        if on_event is not None:
            on_event(event)
    async with open_db(bench.engine) as db:
        await set_current_agent(db, session_id=chat.id, agent=turn.outcome.agent)
    return turn.outcome, chat.id


class Narrator:
    """Shows a turn as it happens: the answer on stdout, the agents and tools on stderr."""

    def __init__(self) -> None:
        self.activity = Console(stderr=True, highlight=False)
        self._mid_line = False

    def __call__(self, event: TurnEvent) -> None:
        """Render one event."""
        data = event.data
        if event.type == "message.delta":
            sys.stdout.write(data["delta"])
            sys.stdout.flush()
            self._mid_line = not data["delta"].endswith("\n")
            return
        if event.type == "message.completed":
            self._end_line()
            return
        self._end_line()
        # Agent, tool and argument text is data, not markup: escape it.
        if event.type == "agent.updated":
            self.activity.print(f"[dim]· agent [bold]{escape(data['agent'])}[/bold][/dim]")
        elif event.type == "handoff":
            self.activity.print(
                f"[dim]· handoff {escape(data['from'])} → {escape(data['to'])}[/dim]"
            )
        elif event.type == "tool.called":
            arguments = escape(json.dumps(data["arguments"], ensure_ascii=False))
            self.activity.print(
                f"[dim]· tool [cyan]{escape(data['tool'])}[/cyan] {arguments}[/dim]"
            )
        elif event.type == "guardrail.tripped":
            self.activity.print(
                f"[yellow]· refused by the {escape(data['guardrail'])} guardrail[/yellow]"
            )

    def _end_line(self) -> None:
        if self._mid_line:
            sys.stdout.write("\n")
            sys.stdout.flush()
            self._mid_line = False


def run_until_interrupted(work: Coroutine[Any, Any, int]) -> int:
    """Run a command's coroutine; Ctrl-C ends it quietly with the usual exit code 130."""
    try:
        return asyncio.run(work)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        return 130


def outcome_json(question: str, outcome: TurnOutcome, session_id: str) -> dict[str, Any]:
    """The `--json` form of one answered question."""
    return {
        "question": question,
        "answer": outcome.answer,
        "agent": outcome.agent,
        "handoffs": outcome.handoffs,
        "tools": outcome.tools,
        "refused": outcome.refused,
        "session_id": session_id,
    }


def _print_json(payload: dict[str, Any]) -> None:
    line = json.dumps(payload, ensure_ascii=False)
    # A question read from undecodable bytes holds lone surrogates: print them as "?" so
    # every line stays valid UTF-8 JSON.
    sys.stdout.write(line.encode("utf-8", "replace").decode("utf-8") + "\n")
    sys.stdout.flush()


async def _ask_one(settings: Settings, profile: Profile, question: str, as_json: bool) -> int:
    narrator = None if as_json else Narrator()
    async with open_workbench(settings, profile) as bench:
        try:
            outcome, session_id = await answer(bench, question, on_event=narrator)
        except Exception as error:  # reported, not re-raised: a CLI prints no traceback
            return _report_failure(question, error, as_json)
    if as_json:
        _print_json(outcome_json(question, outcome, session_id))
    elif narrator is not None:
        narrator.activity.print(f"[dim]· answered by {outcome.agent} · session {session_id}[/dim]")
    return 0


async def _ask_lines(settings: Settings, profile: Profile, lines: list[str]) -> int:
    status = 0
    async with open_workbench(settings, profile) as bench:
        for line in lines:
            if not line.strip():
                continue
            try:
                question = validate_question(line, max_chars=settings.max_message_chars)
            except QuestionError as error:
                _print_json({"question": line, "error": {"code": "invalid", "message": str(error)}})
                status = 2
                continue
            try:
                outcome, session_id = await answer(bench, question)
            except Exception as error:  # one failed question does not stop the batch
                status = max(status, _report_failure(question, error, True))
                continue
            _print_json(outcome_json(question, outcome, session_id))
    return status


def _report_failure(question: str, error: Exception, as_json: bool) -> int:
    code = failure_code(error)
    message = str(error) or type(error).__name__
    if as_json:
        _print_json({"question": question, "error": {"code": code, "message": message}})
    else:
        typer.echo(f"error ({code}): {message}", err=True)
    return 1


def ask(
    question: Annotated[
        str | None,
        typer.Argument(help="The question. Omit it to read one question per line from stdin."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    profile: ProfileOption = None,
) -> None:
    """Ask one question about the applicant; shows which agents and tools acted."""
    settings, loaded = load_settings_and_profile(profile)
    if question is None:
        if sys.stdin.isatty():
            typer.echo("error: give a QUESTION, or pipe questions on stdin", err=True)
            raise typer.Exit(2)
        lines = sys.stdin.read().splitlines()
        raise typer.Exit(run_until_interrupted(_ask_lines(settings, loaded, lines)))
    try:
        checked = validate_question(question, max_chars=settings.max_message_chars)
    except QuestionError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    raise typer.Exit(run_until_interrupted(_ask_one(settings, loaded, checked, as_json)))
