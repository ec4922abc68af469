"""`/v1/models` and `/v1/chat/completions` driven by the real `openai` client over loopback."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import anyio
import openai
import pytest

from ..conftest import Api, StartApi
from ..held_model import DEFAULT_ANSWER, HeldModel

TIMEOUT = 30
QUESTION = "Where did she study?"
OPEN_WEBUI_TITLE = (
    "### Task:\nGenerate a concise, 3-5 word title with an emoji summarizing the chat history.\n"
    "### Guidelines:\n- The title should clearly represent the main theme.\n"
    '### Output:\nJSON format: { "title": "your concise title here" }\n'
    "### Chat History:\n<chat_history>\nUSER: Where did she study?\nASSISTANT: In Seoul.\n"
    "</chat_history>"
)


def _client(api: Api, key: str) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(base_url=f"{api.url}/v1", api_key=key, max_retries=0)


@contextlib.asynccontextmanager
async def _deadline() -> AsyncIterator[None]:
    with anyio.fail_after(TIMEOUT):
        yield


async def _conversations(api: Api, key: str) -> list[dict]:
    async with api.client(key) as http:
        return (await http.get("/v1/sessions")).json()["sessions"]


async def test_the_model_list_offers_ask_applicant(start_api: StartApi) -> None:
    api = await start_api()
    async with _client(api, await api.new_key()) as client, _deadline():
        models = [model.id async for model in client.models.list()]
    assert models == ["ask-applicant"]


async def test_a_completion_answers_with_the_runs_text_and_usage(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel())
    async with _client(api, await api.new_key()) as client, _deadline():
        reply = await client.chat.completions.create(
            model="ask-applicant",
            messages=[{"role": "user", "content": QUESTION}],
            temperature=0.2,
        )
    assert reply.object == "chat.completion"
    assert reply.id.startswith("chatcmpl-r_")
    assert reply.choices[0].message.role == "assistant"
    assert reply.choices[0].message.content == DEFAULT_ANSWER
    assert reply.choices[0].finish_reason == "stop"
    assert reply.usage is not None and reply.usage.total_tokens >= 0


async def test_a_streamed_completion_spells_the_answer_and_ends_with_usage(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    async with _client(api, await api.new_key()) as client, _deadline():
        stream = await client.chat.completions.create(
            model="ask-applicant",
            messages=[{"role": "user", "content": QUESTION}],
            stream=True,
            stream_options={"include_usage": True},
        )
        chunks = [chunk async for chunk in stream]
    assert all(chunk.object == "chat.completion.chunk" for chunk in chunks)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == DEFAULT_ANSWER
    finishes = [c.choices[0].finish_reason for c in chunks if c.choices]
    assert finishes[-1] == "stop" and finishes.count("stop") == 1
    assert chunks[-1].choices == [] and chunks[-1].usage is not None
    assert all(c.usage is None for c in chunks[:-1])


async def test_the_same_history_continues_one_conversation_and_an_edited_one_starts_another(
    start_api: StartApi,
) -> None:
    api = await start_api()
    key = await api.new_key()
    async with _client(api, key) as client, _deadline():
        first = await client.chat.completions.with_raw_response.create(
            model="ask-applicant", messages=[{"role": "user", "content": QUESTION}]
        )
        answer = first.parse().choices[0].message.content
        history = [
            {"role": "user", "content": QUESTION},
            {"role": "assistant", "content": answer},
            {"role": "user", "content": "And which degree did she earn?"},
        ]
        second = await client.chat.completions.with_raw_response.create(
            model="ask-applicant", messages=history, stream=True
        )
        _ = [chunk async for chunk in second.parse()]
        edited = [{"role": "user", "content": "What does she do now?"}, *history[1:]]
        third = await client.chat.completions.with_raw_response.create(
            model="ask-applicant", messages=edited
        )
    session = first.headers["x-session-id"]
    assert second.headers["x-session-id"] == session
    assert third.headers["x-session-id"] != session
    async with api.client(key) as http:
        messages = (await http.get(f"/v1/sessions/{session}")).json()["messages"]
    assert [m["text"] for m in messages if m["role"] == "user"] == [
        QUESTION,
        "And which degree did she earn?",
    ]


async def test_another_callers_identical_history_starts_their_own_conversation(
    start_api: StartApi,
) -> None:
    api = await start_api(model=HeldModel())
    mine, theirs = await api.new_key(), await api.new_key(name="Other recruiter")
    history = [
        {"role": "user", "content": QUESTION},
        {"role": "assistant", "content": DEFAULT_ANSWER},
        {"role": "user", "content": "And then?"},
    ]
    async with _client(api, mine) as me, _client(api, theirs) as them, _deadline():
        await me.chat.completions.create(model="ask-applicant", messages=history[:1])
        reply = await them.chat.completions.with_raw_response.create(
            model="ask-applicant", messages=history
        )
    assert reply.headers["x-session-id"] not in {s["id"] for s in await _conversations(api, mine)}


@pytest.mark.parametrize(
    ("messages", "param"),
    [
        ([{"role": "tool", "content": "x", "tool_call_id": "c1"}], "messages.0.role"),
        ([{"role": "wizard", "content": QUESTION}], "messages.0.role"),
        ([{"role": "user", "content": "   "}], "messages.0.content"),
        ([{"role": "user", "content": "가" * 5000}], "messages.0.content"),
        ([{"role": "assistant", "content": "Hello"}], "messages.0.role"),
        (
            [
                {
                    "role": "user",
                    "content": [
                        {"type": "text", "text": "Who is this?"},
                        {"type": "image_url", "image_url": {"url": "data:image/png;base64,AA=="}},
                    ],
                }
            ],
            "messages.0.content.1",
        ),
        ([], "messages"),
    ],
)
async def test_a_bad_request_is_an_openai_style_400_and_starts_no_run(
    start_api_on_sqlite: StartApi, messages: list, param: str
) -> None:
    api = await start_api_on_sqlite(model=HeldModel())
    key = await api.new_key()
    async with _client(api, key) as client, _deadline():
        with pytest.raises(openai.BadRequestError) as raised:
            await client.chat.completions.create(model="ask-applicant", messages=messages)
    error = raised.value.body
    assert isinstance(error, dict)
    assert error["type"] == "invalid_request_error" and error["param"] == param
    assert error["message"]
    assert raised.value.response.headers["content-type"] == "application/json"
    assert await _conversations(api, key) == []


async def test_an_unknown_model_and_a_missing_key_are_openai_style_errors(
    start_api_on_sqlite: StartApi,
) -> None:
    api = await start_api_on_sqlite(model=HeldModel())
    key = await api.new_key()
    messages = [{"role": "user", "content": QUESTION}]
    async with _client(api, key) as mine, _client(api, "aa_nope") as nobody, _deadline():
        with pytest.raises(openai.NotFoundError) as unknown:
            await mine.chat.completions.create(model="gpt-4o", messages=messages)
        with pytest.raises(openai.AuthenticationError) as anonymous:
            await nobody.chat.completions.create(model="ask-applicant", messages=messages)
    assert isinstance(unknown.value.body, dict) and unknown.value.body["code"] == "model_not_found"
    assert isinstance(anonymous.value.body, dict)
    assert anonymous.value.body["code"] == "invalid_api_key"
    assert await _conversations(api, key) == []


async def test_a_ui_title_prompt_is_answered_at_once_without_a_run_even_at_the_cap(
    start_api_on_sqlite: StartApi,
) -> None:
    model = HeldModel(hold=True)
    api = await start_api_on_sqlite(model=model, max_concurrent_runs_per_key=1)
    key = await api.new_key()
    async with _client(api, key) as client, _deadline():
        held = await client.chat.completions.create(
            model="ask-applicant", messages=[{"role": "user", "content": QUESTION}], stream=True
        )
        first = await held.__anext__()
        title = await client.chat.completions.create(
            model="ask-applicant", messages=[{"role": "user", "content": OPEN_WEBUI_TITLE}]
        )
        with pytest.raises(openai.RateLimitError):
            await client.chat.completions.create(
                model="ask-applicant", messages=[{"role": "user", "content": "And then?"}]
            )
        model.release.set()
        _ = [chunk async for chunk in held]
    assert first.choices[0].delta.role == "assistant"
    assert title.choices[0].message.content == '{"title": "💼 Where did she study"}'
    assert model.calls == 1
    assert len(await _conversations(api, key)) == 1


async def test_every_adapter_route_is_in_the_openapi_document(
    start_api_on_sqlite: StartApi,
) -> None:
    api = await start_api_on_sqlite(model=HeldModel(), seed_api_enabled=True)
    async with api.client() as http:
        paths = (await http.get("/openapi.json")).json()["paths"]
    assert {
        "/v1/models",
        "/v1/chat/completions",
        "/v1/ui/chat",
        "/v1/ui/chat/{chat_id}/stream",
        "/user",
        "/sessions/{user_id}",
        "/sessions/{session_id}",
        "/openai-response/sse",
        "/openai-response/text",
    } <= set(paths)
    assert "requestBody" in paths["/v1/chat/completions"]["post"]


async def test_the_openai_routes_are_gone_when_disabled(start_api_on_sqlite: StartApi) -> None:
    api = await start_api_on_sqlite(model=HeldModel(), openai_compat_enabled=False)
    async with _client(api, await api.new_key()) as client, _deadline():
        with pytest.raises(openai.NotFoundError):
            await client.models.list()


async def test_a_failed_run_is_a_502_or_an_error_frame_the_client_raises(
    start_api_on_sqlite: StartApi,
) -> None:
    model = HeldModel(hold=True)
    api = await start_api_on_sqlite(model=model, run_timeout_seconds=0.5)
    messages = [{"role": "user", "content": QUESTION}]
    async with _client(api, await api.new_key()) as client, _deadline():
        with pytest.raises(openai.InternalServerError) as whole:
            await client.chat.completions.create(model="ask-applicant", messages=messages)
        stream = await client.chat.completions.create(
            model="ask-applicant",
            messages=[{"role": "user", "content": "And where does she work?"}],
            stream=True,
        )
        with pytest.raises(openai.APIError) as streamed:
            _ = [chunk async for chunk in stream]
    model.release.set()
    assert whole.value.status_code == 502
    assert isinstance(whole.value.body, dict) and whole.value.body["code"] == "timeout"
    assert streamed.value.message


async def test_hand_offs_are_written_as_text_only_when_the_setting_asks(
    start_api_on_sqlite: StartApi,
) -> None:
    question = [{"role": "user", "content": "What programming languages does she know?"}]
    answers = []
    for shown in (False, True):
        api = await start_api_on_sqlite(openai_compat_handoff_text=shown)
        async with _client(api, await api.new_key()) as client, _deadline():
            whole = await client.chat.completions.create(model="ask-applicant", messages=question)
            stream = await client.chat.completions.create(
                model="ask-applicant", messages=question, stream=True
            )
            streamed = "".join(
                [c.choices[0].delta.content or "" async for c in stream if c.choices]
            )
        answers.append((whole.choices[0].message.content or "", streamed))
    (plain, plain_streamed), (noted, noted_streamed) = answers
    assert "specialist answers" not in plain + plain_streamed
    assert noted.startswith("_→ the ") and "specialist answers._" in noted
    assert noted_streamed.startswith("_→ the ")


async def test_a_body_over_the_servers_limit_is_an_openai_style_413(
    start_api_on_sqlite: StartApi,
) -> None:
    api = await start_api_on_sqlite(model=HeldModel())
    key = await api.new_key()
    huge = [{"role": "user", "content": "x" * (1024 * 1024 + 1)}]
    async with _client(api, key) as client, _deadline():
        with pytest.raises(openai.APIStatusError) as raised:
            await client.chat.completions.create(model="ask-applicant", messages=huge)
    assert raised.value.status_code == 413
    assert isinstance(raised.value.body, dict) and raised.value.body["code"] == "request_too_large"
    assert await _conversations(api, key) == []
