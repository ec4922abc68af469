"""Fixtures for the evaluation tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.evaluation.scripted_target import Answer, ScriptedTarget, echo


@pytest.fixture
def scripted() -> Callable[..., ScriptedTarget]:
    """Makes a `ScriptedTarget` (default answers: `echo`)."""

    def make(answer: Answer = echo, *, hold_until: int = 0) -> ScriptedTarget:
        return ScriptedTarget(answer, hold_until=hold_until)

    return make
