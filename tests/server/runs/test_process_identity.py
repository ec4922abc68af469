"""A run's owning process: recorded, read back, and judged gone only when it provably is."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from ask_applicant.server.runs.process_identity import ProcessIdentity

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="process identities are decidable via /proc"
)


def _dead_child() -> ProcessIdentity:
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    identity = ProcessIdentity.of_pid(child.pid)
    child.kill()
    child.wait()
    return identity


def test_this_process_is_not_gone_and_reads_back_as_it_was_stored() -> None:
    here = ProcessIdentity.current()
    assert here.boot and here.pid_namespace and here.started
    assert ProcessIdentity.loads(here.dumps()) == here
    assert not here.is_gone(here)


def test_a_killed_process_is_gone() -> None:
    here = ProcessIdentity.current()
    assert _dead_child().is_gone(here)


def test_a_pid_now_held_by_a_process_started_at_another_time_is_gone() -> None:
    here = ProcessIdentity.current()
    reused = dataclasses.replace(here, started=str(int(here.started) + 1))
    assert reused.is_gone(here)


@pytest.mark.parametrize(
    "elsewhere",
    [
        {"host": "another-host"},
        {"boot": "00000000-0000-0000-0000-000000000000"},
        {"pid_namespace": "pid:[1]"},
        {"started": ""},
        {"boot": ""},
    ],
)
def test_a_dead_process_of_another_host_boot_or_namespace_is_left_undecided(
    elsewhere: dict[str, str],
) -> None:
    # Undecided means "not gone": those runs wait for the heartbeat sweep.
    here = ProcessIdentity.current()
    assert not dataclasses.replace(_dead_child(), **elsewhere).is_gone(here)


@pytest.mark.parametrize("stored", [None, "", "not json", "[]", '{"host": "h"}', '{"pid": "x"}'])
def test_an_unreadable_stored_identity_is_none(stored: str | None) -> None:
    assert ProcessIdentity.loads(stored) is None
