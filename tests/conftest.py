"""Suite-wide fixtures: the async backend, databases, and a ban on real model calls.

Every test that takes `engine` or `database_url` runs on SQLite and, when
`TEST_DATABASE_URL` names a MySQL-compatible server, again on a fresh database
there. With `REQUIRE_MYSQL=1` (set by `.ci/run`) a run that skipped MySQL fails.
"""

from __future__ import annotations

import dataclasses
import inspect
import os
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import SQLModel

import ask_applicant.persistence.models  # noqa: F401  (registers the tables)
from ask_applicant.persistence import create_engine
from ask_applicant.profile import Profile
from ask_applicant.profile.resume import Resume

MYSQL_URL = os.environ.get("TEST_DATABASE_URL", "")
BACKENDS = ["sqlite", *(["mysql"] if MYSQL_URL else [])]
_mysql_passed: list[str] = []


def pytest_sessionstart(session: pytest.Session) -> None:
    if os.environ.get("REQUIRE_MYSQL") == "1" and not MYSQL_URL.startswith("mysql+asyncmy://"):
        pytest.exit("REQUIRE_MYSQL=1 but TEST_DATABASE_URL is not a mysql+asyncmy:// URL", 2)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" and report.passed and "[mysql" in report.nodeid:
        _mysql_passed.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("REQUIRE_MYSQL") == "1" and exitstatus == 0 and not _mysql_passed:
        session.exitstatus = 1
        print("\nREQUIRE_MYSQL=1 but no MySQL test passed: the MySQL suite was skipped")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(autouse=True)
def _no_real_model_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any request to the real OpenAI API: tests never touch the network.

    The openai client sends through httpx2; the rest of the stack through httpx.
    """
    import httpx
    import httpx2

    def guard(module: Any, client: str) -> None:
        cls = getattr(module, client)
        real_send = cls.send

        def check(request: Any) -> None:
            if str(request.url.host).endswith("openai.com"):
                message = f"a test tried to reach the real OpenAI API: {request.url}"
                raise RealModelCallError(message)

        if inspect.iscoroutinefunction(real_send):

            async def send(self: Any, request: Any, *args: Any, **kwargs: Any) -> Any:
                check(request)
                return await real_send(self, request, *args, **kwargs)
        else:

            def send(self: Any, request: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[misc]
                check(request)
                return real_send(self, request, *args, **kwargs)

        monkeypatch.setattr(cls, "send", send)

    for module in (httpx, httpx2):
        guard(module, "AsyncClient")
        guard(module, "Client")
    monkeypatch.setenv("OPENAI_AGENTS_DISABLE_TRACING", "1")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)


class RealModelCallError(AssertionError):
    """Raised when a test reaches for the real OpenAI API."""


async def _mysql_admin(sql: str) -> None:
    admin = create_engine(str(make_url(MYSQL_URL).set(database="")))
    try:
        async with admin.begin() as conn:
            await conn.exec_driver_sql(sql)
    finally:
        await admin.dispose()


@pytest.fixture(params=BACKENDS)
async def empty_database_url(request: pytest.FixtureRequest, tmp_path) -> AsyncIterator[str]:
    """The URL of a new, empty database: an SQLite file, or a fresh MySQL database."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"
        return
    name = f"aa_test_{uuid.uuid4().hex[:12]}"
    await _mysql_admin(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
    try:
        yield str(make_url(MYSQL_URL).set(database=name))
    finally:
        await _mysql_admin(f"DROP DATABASE IF EXISTS `{name}`")


@pytest.fixture
async def database_url(empty_database_url: str) -> str:
    """The URL of a new database holding every table."""
    engine = create_engine(empty_database_url)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(SQLModel.metadata.create_all)
    finally:
        await engine.dispose()
    return empty_database_url


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on a new database holding every table (SQLite, then MySQL)."""
    engine = create_engine(database_url)
    try:
        yield engine
    finally:
        await engine.dispose()


@pytest.fixture
def profile_twin() -> Callable[[Profile, str, str], Profile]:
    """Make the same applicant with one private `basics` value changed (`basics.phone`).

    A tool whose answers are equal for a profile and its twin does not depend on that
    value, so it cannot confirm a guess of it (issue 10, finding 1).
    """

    def twin(profile: Profile, path: str, value: str) -> Profile:
        data = profile.resume.to_json_dict()
        here: Any = data
        *parents, last = path.split(".")
        for key in parents:
            here = here[key]
        here[last] = value
        changed = dataclasses.replace(profile, resume=Resume.model_validate(data))
        assert any(v.path == path and v.value == value for v in changed.private_values())
        return changed

    return twin
