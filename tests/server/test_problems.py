"""Errors are problem+json; no bad input ever gets a 500 or a traceback."""

from __future__ import annotations

import json

import anyio
import httpx
import pytest
from fastapi import FastAPI

from ask_applicant.server.problems import Problem, install_problem_handlers, json_text

from .conftest import Api, StartApi
from .held_model import HeldModel

TIMEOUT = 30
JSON = {"Content-Type": "application/json"}

BAD_CHAT_BODIES: list[tuple[str, bytes | str, int]] = [
    ("empty message", json.dumps({"message": ""}), 422),
    ("whitespace only", json.dumps({"message": "  \n\t  "}), 422),
    ("too long", json.dumps({"message": "x" * 4001}), 422),
    ("unknown field", json.dumps({"message": "hi", "admin": True}), 422),
    ("malformed JSON", '{"message": ', 422),
    ("not an object", '["hi"]', 422),
    ("message is a number", json.dumps({"message": 5}), 422),
    ("message is null", json.dumps({"message": None}), 422),
    ("no message", "{}", 422),
    ("empty body", "", 422),
    ("NUL byte", json.dumps({"message": "hi\u0000there"}), 422),
    ("control character", json.dumps({"message": "ring \u0007 bell"}), 422),
    ("lone surrogate", '{"message": "broken \\ud800 text"}', 422),
    ("not UTF-8", b'{"message": "\xff\xfe"}', 400),
    ("malformed session id", json.dumps({"message": "hi", "session_id": "../../etc"}), 422),
    ("unknown session id", json.dumps({"message": "hi", "session_id": "s_nope"}), 404),
    ("Korean client id", json.dumps({"message": "hi", "client_message_id": "메시지"}), 422),
    ("long client id", json.dumps({"message": "hi", "client_message_id": "m" * 129}), 422),
    ("deeply nested", '{"message": ' + "[" * 5000 + "]" * 5000 + "}", 400),
    ("nested 33 deep", '{"message": ' + "[" * 32 + "]" * 32 + "}", 400),
    ("UTF-16", json.dumps({"message": "Where did you study?"}).encode("utf-16"), 400),
    ("UTF-16 without BOM", json.dumps({"message": "Where?"}).encode("utf-16-le"), 400),
    ("UTF-32", json.dumps({"message": "Where did you study?"}).encode("utf-32"), 400),
]


def _is_problem(reply: httpx.Response, status: int) -> None:
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"] == "application/problem+json"
    body = reply.json()
    assert body["status"] == status and body["title"] and body["detail"] and body["type"]
    assert "Traceback" not in reply.text


@pytest.fixture
async def api(start_api: StartApi) -> Api:
    return await start_api(model=HeldModel())


async def test_every_bad_chat_body_gets_a_clear_4xx_problem(api: Api) -> None:
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            for path in ("/v1/chat", "/v1/chat/stream"):
                for name, body, status in BAD_CHAT_BODIES:
                    reply = await http.post(path, content=body, headers=JSON)
                    assert reply.status_code == status, (path, name, reply.text)
                    _is_problem(reply, status)


async def test_a_body_in_utf8_with_a_byte_order_mark_or_brackets_in_text_is_read(
    api: Api,
) -> None:
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            bom = b"\xef\xbb\xbf" + json.dumps({"message": "Where did you study?"}).encode()
            reply = await http.post("/v1/chat", content=bom, headers=JSON)
            assert reply.status_code == 200, reply.text
            brackets = "[" * 40 + " in words " + "]" * 34
            reply = await http.post("/v1/chat", json={"message": brackets})
            assert reply.status_code == 200, reply.text
            session = reply.json()["session_id"]
            patch = json.dumps({"title": "Ｔitle"}).encode("utf-16")
            refused = await http.patch(f"/v1/sessions/{session}", content=patch, headers=JSON)
            _is_problem(refused, 400)


async def test_problem_titles_are_ours_whatever_the_python_version(api: Api) -> None:
    async with api.client(await api.new_key()) as http:
        unprocessable = await http.post("/v1/chat", json={"message": ""})
        too_large = await http.post("/v1/chat", content=b"x" * (2 * 1024 * 1024), headers=JSON)
    assert unprocessable.json()["title"] == "Unprocessable Entity"
    assert too_large.json()["title"] == "Request Entity Too Large"


async def test_a_too_long_message_names_the_limit(api: Api) -> None:
    async with api.client(await api.new_key()) as http:
        reply = await http.post("/v1/chat", json={"message": "y" * 4001})
    assert "4000" in reply.json()["detail"]


async def test_korean_and_emoji_messages_are_accepted(api: Api) -> None:
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            for message in ("어디에서 공부했나요?", "🎓🎓🎓", "Ça va? 👩🏽‍💻 مرحبا"):
                reply = await http.post("/v1/chat", json={"message": message})
                assert reply.status_code == 200, reply.text
                run = (await http.get(f"/v1/runs/{reply.json()['run_id']}")).json()
                assert run["message"] == message


@pytest.mark.parametrize(
    "path",
    [
        "/v1/runs/r_unknown",
        "/v1/runs/..%2F..%2Fetc%2Fpasswd",
        "/v1/runs/%00",
        "/v1/runs/" + "r" * 300,
        "/v1/runs/%ED%95%9C%EA%B5%AD",
        "/v1/runs/%FF%FE",
        "/v1/runs/r_unknown/stream",
        "/v1/sessions/s_unknown",
        "/v1/sessions/..%5C..",
        "/v1/sessions/%F0%9F%8E%93",
        "/v1/nothing-here",
    ],
)
async def test_malformed_or_unknown_ids_are_404(api: Api, path: str) -> None:
    async with api.client(await api.new_key()) as http:
        _is_problem(await http.get(path), 404)


async def test_malformed_resume_points_are_422(api: Api) -> None:
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            run_id = (await http.post("/v1/chat", json={"message": "Hi?"})).json()["run_id"]
            stream = f"/v1/runs/{run_id}/stream"
            last_event_ids: tuple[str | bytes, ...] = (
                "garbage",
                f"{run_id}",
                f"{run_id}:",
                f"{run_id}:abc",
                f"{run_id}:-1",
                f"{run_id}:1.5",
                f"{run_id}:99999999999999999999",
                "r_otherrun:3",
                f"{run_id}:３".encode(),  # a full-width digit, sent as UTF-8 bytes
                "x" * 500,
            )
            for last_event_id in last_event_ids:
                reply = await http.get(stream, headers={"Last-Event-ID": last_event_id})
                _is_problem(reply, 422)
            for after in ("-1", "abc", "1e3", "99999999999999999999"):
                _is_problem(await http.get(stream, params={"after": after}), 422)


async def test_bad_query_and_patch_inputs_are_422(api: Api) -> None:
    async with api.client(await api.new_key()) as http:
        with anyio.fail_after(TIMEOUT):
            session_id = (await http.post("/v1/chat", json={"message": "Hi?"})).json()["session_id"]
            for params in ({"limit": 0}, {"limit": 10**12}, {"offset": -1}, {"owner": "o" * 65}):
                _is_problem(await http.get("/v1/sessions", params=params), 422)
            for body in ({"title": "t" * 201}, {"title": 5}, {"title": "ok", "owner_id": "me"}, {}):
                _is_problem(await http.patch(f"/v1/sessions/{session_id}", json=body), 422)


async def test_wrong_methods_are_405_problems(api: Api) -> None:
    async with api.client(await api.new_key()) as http:
        _is_problem(await http.put("/v1/chat", json={"message": "hi"}), 405)
        _is_problem(await http.get("/v1/chat"), 405)
        _is_problem(await http.delete("/v1/agents"), 405)


async def test_an_unexpected_error_is_a_500_problem_without_details() -> None:
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internal detail")

    @app.get("/refuse")
    async def refuse() -> None:
        raise Problem(409, "busy", kind="session-busy", extra={"active_run_id": "r_1"})

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        crashed = await http.get("/boom")
        refused = await http.get("/refuse")
    _is_problem(crashed, 500)
    assert "secret internal detail" not in crashed.text
    _is_problem(refused, 409)
    assert refused.json()["type"] == "urn:ask-applicant:problem:session-busy"
    assert refused.json()["active_run_id"] == "r_1"


def test_json_text_keeps_korean_and_escapes_lone_surrogates() -> None:
    text = json_text({"a": "한국어 🎓", "b": "bad \ud800"})
    assert text == '{"a":"한국어 🎓","b":"bad \\ud800"}'
    assert json.loads(text)["a"] == "한국어 🎓"
    text.encode("utf-8")
