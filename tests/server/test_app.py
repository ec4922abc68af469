"""Start-up and shut-down: the lifespan opens everything once and refuses bad setups."""

from __future__ import annotations

from pathlib import Path

import anyio
import pytest

from ask_applicant.persistence import create_engine, open_db
from ask_applicant.persistence.runs import get_run
from ask_applicant.persistence.schema import current_revision, head_revision
from ask_applicant.server.app import create_app
from ask_applicant.server.services import running_services
from ask_applicant.server.startup import StartupError
from ask_applicant.settings import Settings

from .conftest import StartApi
from .held_model import HeldModel
from .live_server import LiveServer
from .sse import EventReader

TIMEOUT = 30


def _settings(database_url: str, **overrides: object) -> Settings:
    return Settings(_env_file=None, database_url=database_url, mcp_enabled=False, **overrides)  # type: ignore[call-arg, arg-type]


async def test_a_missing_profile_stops_the_start_with_a_clear_message(
    tmp_path: Path, migrated_database_url: str
) -> None:
    settings = _settings(migrated_database_url, profile_path=tmp_path / "nobody")
    with pytest.raises(StartupError, match=r"cannot load the profile at .*nobody"):
        async with running_services(settings):
            pass


async def test_sqlite_is_brought_to_head_and_mysql_behind_head_refuses_to_start(
    empty_database_url: str,
) -> None:
    settings = _settings(empty_database_url)
    if settings.is_sqlite:
        async with running_services(settings) as services:
            assert await current_revision(services.engine) == head_revision()
        return
    with pytest.raises(StartupError, match="ask-applicant db upgrade"):
        async with running_services(settings):
            pass


async def test_a_server_whose_start_fails_does_not_serve(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"
    server = LiveServer(create_app(_settings(url, profile_path=tmp_path / "nobody")))
    with pytest.raises(RuntimeError, match="stopped during start-up"):
        await anyio.to_thread.run_sync(server.start)
    await anyio.to_thread.run_sync(server.stop)
    assert server.exit_code == 3  # uvicorn's start-up failure


async def test_stopping_the_server_ends_its_running_answers_instead_of_leaving_them_running(
    start_api: StartApi,
) -> None:
    model = HeldModel(hold=True)
    api = await start_api(model=model)
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            async with http.stream(
                "POST", "/v1/chat/stream", json={"message": "Where did she study?"}
            ) as response:
                run_id = (await EventReader(response).until("run.created"))[0].data["run_id"]
    await api.stop()
    engine = create_engine(api.database_url)
    try:
        async with open_db(engine) as db:
            run = await get_run(db, run_id=run_id)
    finally:
        await engine.dispose()
    assert run is not None and run.status == "failed"
