"""The suite cannot reach the real OpenAI API, whichever client tries."""

from __future__ import annotations

import httpx
import openai
import pytest


async def test_the_openai_client_is_stopped_before_it_leaves_the_machine() -> None:
    client = openai.AsyncOpenAI(api_key="sk-test", max_retries=0)
    with pytest.raises(AssertionError, match="real OpenAI API"):
        await client.models.list()


async def test_plain_httpx_is_stopped_too() -> None:
    async with httpx.AsyncClient() as client:
        with pytest.raises(AssertionError, match="real OpenAI API"):
            await client.get("https://api.openai.com/v1/models")
