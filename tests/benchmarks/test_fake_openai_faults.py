"""Faults, pacing and lifecycle of the fake upstream, as the openai client sees them."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

import anyio
import openai
import pytest

from benchmarks.fake_openai import FAULT_HEADER, FakeConfig, FakeOpenAI, Fault


async def _until(condition: Callable[[], bool], attempts: int = 500) -> None:
    for _ in range(attempts):
        if condition():
            return
        await anyio.sleep(0.01)
    raise AssertionError("the condition did not hold in time")


async def test_rate_limit_fault_reaches_the_client_with_retry_after(fake: FakeOpenAI):
    async with fake.client() as client:
        with pytest.raises(openai.RateLimitError) as raised:
            await client.responses.create(
                model="m", input="Hi", extra_headers={FAULT_HEADER: "rate_limit"}
            )

    assert raised.value.response.headers["retry-after"] == "1"
    assert raised.value.code == "rate_limit_exceeded"


async def test_server_error_fault_is_an_openai_internal_server_error(fake: FakeOpenAI):
    async with fake.client() as client:
        with pytest.raises(openai.InternalServerError) as raised:
            await client.chat.completions.create(
                model="m",
                messages=[{"role": "user", "content": "Hi"}],
                extra_headers={FAULT_HEADER: "server_error"},
            )

    assert raised.value.status_code == 500 and raised.value.type == "server_error"


async def test_a_stall_outlasts_the_client_timeout_and_is_abandoned_by_the_server(
    fake: FakeOpenAI,
):
    async with fake.client(timeout=0.3) as client:
        with pytest.raises(openai.APITimeoutError):
            await client.responses.create(
                model="m", input="Hi", stream=True, extra_headers={FAULT_HEADER: "stall"}
            )

    await _until(lambda: fake.stats()["in_flight"] == 0)


@pytest.mark.parametrize("path", ["responses", "chat/completions"])
async def test_a_dropped_stream_is_a_connection_error_after_some_events(
    fake: FakeOpenAI, path: str
):
    body = {"model": "m", "input": "Hi", "messages": [{"role": "user", "content": "Hi"}]}
    received: list[Any] = []
    async with fake.client() as client:
        stream = await client.post(
            f"/{path}",
            body={**body, "stream": True},
            cast_to=object,
            stream=True,
            stream_cls=openai.AsyncStream[object],
            options={"headers": {FAULT_HEADER: "drop"}},
        )
        with pytest.raises(openai.APIConnectionError):
            async for event in stream:
                received.append(event)

    assert len(received) == FakeConfig().drop_after_events


async def test_a_dropped_plain_response_is_a_connection_error(fake: FakeOpenAI):
    async with fake.client() as client:
        with pytest.raises(openai.APIConnectionError):
            await client.responses.create(
                model="m", input="Hi", extra_headers={FAULT_HEADER: "drop"}
            )


async def test_an_unknown_fault_header_is_a_bad_request(fake: FakeOpenAI):
    async with fake.client() as client:
        with pytest.raises(openai.BadRequestError, match="x-fake-fault"):
            await client.responses.create(
                model="m", input="Hi", extra_headers={FAULT_HEADER: "meteor"}
            )


async def test_a_fault_on_the_nth_request_hits_only_that_one_and_counts_again_after_reset():
    server = FakeOpenAI(FakeConfig(faults=(Fault(kind="server_error", nth=2),)))
    outcomes = []
    with server.running():
        async with server.client() as client:
            for _ in range(3):
                try:
                    await client.responses.create(model="m", input="Hi")
                    outcomes.append("ok")
                except openai.InternalServerError:
                    outcomes.append("500")
            stats = server.stats()
            server.reset()
            await client.responses.create(model="m", input="Hi")
            with pytest.raises(openai.InternalServerError):
                await client.responses.create(model="m", input="Hi")

    assert outcomes == ["ok", "500", "ok"]
    assert stats["requests"] == 3 and stats["faults"] == {"server_error": 1}
    assert stats["replies"] == {"text": 2}


async def test_a_running_server_takes_a_new_config():
    server = FakeOpenAI()
    with server.running():
        server.configure(FakeConfig(answer_tokens=2, faults=(Fault(kind="rate_limit"),)))
        async with server.client() as client:
            with pytest.raises(openai.RateLimitError):
                await client.responses.create(model="m", input="Hi")
            response = await client.responses.create(
                model="m", input="Hi", extra_headers={FAULT_HEADER: "none"}
            )

    assert response.output_text == "You asked:"


async def test_a_retrying_client_honours_retry_after_and_then_succeeds():
    config = FakeConfig(retry_after_seconds=0.05, faults=(Fault(kind="rate_limit", nth=1),))
    server = FakeOpenAI(config)
    with server.running():
        async with server.client(max_retries=1) as client:
            response = await client.responses.create(model="m", input="Hi")
        requests = server.stats()["requests"]

    assert response.status == "completed"
    assert requests == 2


async def test_replies_wait_the_configured_time_to_first_token_and_between_tokens():
    server = FakeOpenAI(FakeConfig(ttft_ms=150, token_delay_ms=50, answer_tokens=3))
    first_delta = 0.0
    with server.running():
        async with server.client() as client:
            started = time.monotonic()
            stream = await client.responses.create(model="m", input="Hi", stream=True)
            async for event in stream:
                if event.type == "response.output_text.delta" and not first_delta:
                    first_delta = time.monotonic() - started
            streamed = time.monotonic() - started
            started = time.monotonic()
            await client.chat.completions.create(
                model="m", messages=[{"role": "user", "content": "Hi"}]
            )
            plain = time.monotonic() - started

    assert first_delta >= 0.15
    assert streamed >= 0.25 and plain >= 0.25  # 150 ms, then two gaps of 50 ms


async def test_shutting_down_releases_a_stalled_request_at_once():
    server = FakeOpenAI(FakeConfig(faults=(Fault(kind="stall"),)))
    outcome: list[openai.APIError] = []
    with ExitStack() as stack:
        stack.enter_context(server.running())
        async with server.client(timeout=60) as client, anyio.create_task_group() as group:

            async def ask() -> None:
                try:
                    await client.responses.create(model="m", input="Hi")
                except openai.APIError as error:
                    outcome.append(error)

            group.start_soon(ask)
            await _until(lambda: server.stats()["in_flight"] == 1)
            started = time.monotonic()
            await anyio.to_thread.run_sync(stack.close)
            stopped_in = time.monotonic() - started

    assert stopped_in < 5
    assert isinstance(outcome[0], openai.InternalServerError) and outcome[0].status_code == 503


async def test_in_a_subprocess_the_cli_flags_carry_the_config():
    config = FakeConfig(answer_tokens=3, faults=(Fault(kind="rate_limit", nth=1),))
    server = FakeOpenAI(config)
    with server.running(in_subprocess=True):
        async with server.client() as client:
            with pytest.raises(openai.RateLimitError):
                await client.responses.create(model="m", input="Hi")
            response = await client.responses.create(model="m", input="Hi")

    assert response.output_text == "You asked: Hi"
