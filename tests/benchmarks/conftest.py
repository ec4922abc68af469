"""A fake OpenAI upstream per test module, with its default behaviour."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from benchmarks.fake_openai import FakeOpenAI


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeOpenAI]:
    """A running fake with the default config; tests pick faults with the fault header."""
    server = FakeOpenAI()
    with server.running():
        yield server
