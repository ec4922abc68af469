"""`ask-applicant chat` in a real pseudo-terminal: local commands, Ctrl-C and Ctrl-D."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ask_applicant.cli.chat import history_lines

ROOT = Path(__file__).resolve().parents[2]
# A hang guard, not a speed check: start-up loads the agent stack on a busy machine.
PATIENCE_SECONDS = 120.0


def _take_terminal() -> None:
    # A new session whose controlling terminal is the pty, so ^C typed there is SIGINT.
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """`ask-applicant chat` running under a pseudo-terminal, read as a person would."""

    def __init__(self, tmp_path: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k not in {"OPENAI_API_KEY", "MODEL"}}
        env.update(DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'chat.db'}", TERM="dumb")
        env.pop("PROFILE_PATH", None)
        self.master, slave = pty.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ask_applicant", "chat"],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=ROOT,
            preexec_fn=_take_terminal,
        )
        os.close(slave)
        self.screen = ""

    def wait_for(self, text: str, *, start: int = 0) -> int:
        """Read until `text` shows after position `start`; its position."""
        deadline = time.monotonic() + PATIENCE_SECONDS
        while (found := self.screen.find(text, start)) < 0:
            left = deadline - time.monotonic()
            assert left > 0, f"{text!r} never showed; the screen:\n{self.screen}"
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # the child closed the terminal
                    chunk = b""
                assert chunk, f"the program ended before {text!r} showed:\n{self.screen}"
                self.screen += chunk.decode("utf-8", "replace")
        return found

    def type(self, keys: str) -> int:
        """Type keys; the screen position they were typed at."""
        at = len(self.screen)
        os.write(self.master, keys.encode())
        return at

    def exit_status(self) -> int:
        return self.process.wait(timeout=PATIENCE_SECONDS)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.close()


def test_ctrl_c_at_the_prompt_leaves_at_once_with_status_130(terminal: Terminal) -> None:
    terminal.wait_for("you> ")
    # The terminal turns ^C into SIGINT for the foreground program, as for a person.
    terminal.type("\x03")
    assert terminal.exit_status() == 130
    assert "Traceback" not in terminal.screen


def test_sigint_while_waiting_at_the_prompt_needs_no_enter(terminal: Terminal) -> None:
    terminal.wait_for("you> ")
    terminal.process.send_signal(signal.SIGINT)
    assert terminal.exit_status() == 130


def test_slash_commands_are_handled_locally_not_sent_as_questions(terminal: Terminal) -> None:
    terminal.wait_for("you> ")
    at = terminal.type("/help\n")
    terminal.wait_for("/history", start=at)
    at = terminal.type("/history\n")
    terminal.wait_for("nothing asked yet", start=at)
    at = terminal.type("Which university did you go to?\n")
    terminal.wait_for("Hanbit University", start=at)
    terminal.wait_for("you> ", start=at)
    at = terminal.type("/history\n")
    terminal.wait_for("you> Which university did you go to?", start=at)
    terminal.wait_for("agent> ", start=at)
    at = terminal.type("/new\n")
    terminal.wait_for("new conversation", start=at)
    at = terminal.type("/bogus\n")
    terminal.wait_for("unknown command", start=at)
    terminal.type("/quit\n")
    assert terminal.exit_status() == 0
    # None of the commands reached the agents: only the one question was answered.
    assert terminal.screen.count("· agent triage") == 1


def test_ctrl_d_ends_the_line_and_leaves_cleanly(terminal: Terminal) -> None:
    at = terminal.wait_for("you> ")
    terminal.type("\x04")
    assert terminal.exit_status() == 0
    terminal.wait_for("\n", start=at)


def test_history_shows_questions_and_answers_in_order() -> None:
    items = [
        {"role": "user", "content": "Where did you study?"},
        {"type": "function_call", "name": "get_education", "arguments": "{}"},
        {
            "type": "message",
            "role": "assistant",
            "content": [{"type": "output_text", "text": "At Hanbit University."}],
        },
    ]
    assert history_lines(items) == ["you> Where did you study?", "agent> At Hanbit University."]
