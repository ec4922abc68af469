"""`/v1/me` says who is asking; `/v1/profile/summary` what the chat page shows first."""

from __future__ import annotations

import pytest

from ..conftest import StartApi
from ..held_model import HeldModel


async def test_me_names_a_key_holders_role_and_says_bearer(start_api: StartApi) -> None:
    api = await start_api(model=HeldModel())
    user, key = await api.new_user(role="owner", name="한도윤")
    async with api.client(key) as http:
        me = (await http.get("/v1/me")).json()
    assert me == {"id": user.id, "role": "owner", "name": "한도윤", "auth": "bearer", "link": None}


@pytest.mark.parametrize(
    ("lang", "name", "headline", "asks"),
    [
        ("en", "Han Do-yoon", "Senior Backend Engineer", "Haneul Pay"),
        ("ko", "한도윤", "백엔드 개발자", "하늘페이"),
    ],
)
async def test_the_summary_gives_name_headline_and_questions_from_the_profile_in_each_language(
    start_api_on_sqlite: StartApi, lang: str, name: str, headline: str, asks: str
) -> None:
    api = await start_api_on_sqlite(model=HeldModel())
    key = await api.new_key()
    async with api.client(key) as http:
        summary = (await http.get("/v1/profile/summary", params={"lang": lang})).json()
    assert summary["name"] == name and summary["headline"] == headline
    assert summary["lang"] == lang
    questions = summary["suggested_questions"]
    assert 3 <= len(questions) <= 6 and len(set(questions)) == len(questions)
    assert asks in questions[0]
    assert any("Chat Service" in question for question in questions)
    if lang == "ko":
        assert all(any("\uac00" <= ch <= "\ud7a3" for ch in q) for q in questions)


async def test_the_summary_needs_a_caller_and_a_known_language(
    start_api_on_sqlite: StartApi,
) -> None:
    api = await start_api_on_sqlite(model=HeldModel())
    key = await api.new_key()
    async with api.client() as http:
        assert (await http.get("/v1/profile/summary")).status_code == 401
    async with api.client(key) as http:
        reply = await http.get("/v1/profile/summary", params={"lang": "fr"})
    assert reply.status_code == 422
    assert reply.headers["content-type"] == "application/problem+json"
