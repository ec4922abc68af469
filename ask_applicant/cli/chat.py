"""`ask-applicant chat`: an interactive conversation, kept in the database.

Each line typed is one turn; the next turn starts with the agent that answered the last
one. `--session ID` continues a conversation (from an earlier `chat` or `ask`). Lines
starting with `/` are commands handled here, never sent as questions: `/help`,
`/history`, `/new`, `/quit` (or `/exit`). Ctrl-D leaves; Ctrl-C leaves at once with
status 130, at the prompt or during an answer.

The prompt is read on the main thread between turns (not in a worker thread), so
Ctrl-C interrupts it immediately; each turn runs on one event loop kept for the whole
conversation, which owns the database engine.
"""

from __future__ import annotations

import asyncio
import select
import sys
from collections.abc import Callable
from contextlib import AsyncExitStack
from typing import Annotated, Any

import typer

from ask_applicant.cli.ask import ProfileOption, load_settings_and_profile

HELP = """\
/help     this list
/history  the questions and answers of this conversation so far
/new      start a new conversation
/quit     leave (also /exit, Ctrl-D; Ctrl-C leaves at once)
Anything else is a question about the applicant."""

_QUIT = frozenset({"/exit", "/quit"})
_INTERRUPTED = 130
_SIGNAL_CHECK_SECONDS = 0.2


def _read_line(prompt: str) -> str | None:
    """The next line typed, without its newline; None at end of input (Ctrl-D)."""
    typer.echo(prompt, nl=False)
    if sys.stdin.isatty():
        # A process-directed SIGINT may land on one of the database driver's threads; a
        # main thread blocked in a read would then wait for Enter before its handler
        # runs. Waiting in short selects lets the handler run within a fraction of a
        # second. (The terminal's own line editing still works; readline's does not.)
        while not select.select([sys.stdin], [], [], _SIGNAL_CHECK_SECONDS)[0]:
            pass
    line = sys.stdin.readline()
    if not line:
        # Ctrl-D leaves the cursor after the prompt: end the line first.
        typer.echo("")
        return None
    return line.removesuffix("\n")


def _text_of(item: dict[str, Any]) -> str:
    content = item.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""


def history_lines(items: list[Any]) -> list[str]:
    """The conversation's questions and answers, one `you>`/`agent>` line each.

    Args:
        items: The conversation's SDK items, oldest first.
    """
    lines = []
    for item in items:
        if not isinstance(item, dict) or item.get("role") not in ("user", "assistant"):
            continue
        text = _text_of(item).strip()
        if text:
            lines.append(f"{'you' if item['role'] == 'user' else 'agent'}> {text}")
    return lines


class _Conversation:
    """One `chat` command: the loop, the workbench and the current conversation."""

    def __init__(self, runner: asyncio.Runner, bench: Any, session_id: str | None) -> None:
        from ask_applicant.cli.ask import Narrator

        self.runner = runner
        self.bench = bench
        self.session_id = session_id
        self.narrator = Narrator()
        self.commands: dict[str, Callable[[], None]] = {
            "/help": lambda: typer.echo(HELP),
            "/history": self.show_history,
            "/new": self.start_new,
        }

    def show_history(self) -> None:
        from ask_applicant.persistence import SqlSessionStore

        if self.session_id is None:
            typer.echo("(nothing asked yet)")
            return
        store = SqlSessionStore(self.session_id, engine=self.bench.engine)
        lines = history_lines(self.runner.run(store.get_items()))
        typer.echo("\n".join(lines) if lines else "(nothing asked yet)")

    def start_new(self) -> None:
        self.session_id = None
        typer.echo("(a new conversation starts with your next question)")

    def ask(self, line: str) -> None:
        from ask_applicant.agents.question import QuestionError, validate_question
        from ask_applicant.agents.turn import failure_code
        from ask_applicant.cli.ask import UnknownSessionError, answer

        try:
            question = validate_question(line, max_chars=self.bench.settings.max_message_chars)
        except QuestionError as error:
            typer.echo(f"error: {error}", err=True)
            return
        try:
            outcome, self.session_id = self.runner.run(
                answer(self.bench, question, session_id=self.session_id, on_event=self.narrator)
            )
        except UnknownSessionError:
            raise
        except Exception as error:  # shown, and the conversation goes on
            typer.echo(f"error ({failure_code(error)}): {error}", err=True)
            return
        self.narrator.activity.print(f"[dim]· {outcome.agent} · session {self.session_id}[/dim]")

    def loop(self) -> None:
        name = self.bench.profile.name or "the applicant"
        self.narrator.activity.print(f"[dim]Ask about {name}. /help for commands.[/dim]")
        while (line := _read_line("you> ")) is not None:
            word = line.strip()
            if not word:
                continue
            if word.lower() in _QUIT:
                break
            if word.startswith("/"):
                command = self.commands.get(word.lower())
                if command is None:
                    typer.echo(f"unknown command {word!r}; /help lists them", err=True)
                else:
                    command()
                continue
            self.ask(line)


def _check_session(runner: asyncio.Runner, bench: Any, session_id: str) -> bool:
    from ask_applicant.persistence import open_db
    from ask_applicant.persistence.sessions import get_session

    async def found() -> bool:
        async with open_db(bench.engine) as db:
            return await get_session(db, session_id=session_id, owner_id=None) is not None

    return runner.run(found())


def chat(
    session: Annotated[
        str | None,
        typer.Option("--session", help="Continue this conversation.", show_default=False),
    ] = None,
    profile: ProfileOption = None,
) -> None:
    """Talk with the agent team about the applicant; the conversation is saved."""
    from ask_applicant.cli.ask import UnknownSessionError, open_workbench

    settings, loaded = load_settings_and_profile(profile)
    conversation: _Conversation | None = None
    status = 0
    with asyncio.Runner() as runner:
        stack = AsyncExitStack()
        try:
            bench = runner.run(stack.enter_async_context(open_workbench(settings, loaded)))
            if session is not None and not _check_session(runner, bench, session):
                typer.echo(f"error: no conversation {session!r}", err=True)
                status = 2
            else:
                conversation = _Conversation(runner, bench, session)
                conversation.loop()
        except UnknownSessionError:
            typer.echo(f"error: no conversation {session!r}", err=True)
            status = 2
        except KeyboardInterrupt:
            typer.echo("\ninterrupted", err=True)
            status = _INTERRUPTED
        finally:
            if conversation is not None and conversation.session_id is not None:
                typer.echo(f"conversation saved: --session {conversation.session_id}", err=True)
            runner.run(stack.aclose())
    raise typer.Exit(status)
