"""Model selection and tracing follow the settings."""

from __future__ import annotations

import pytest
from agents import OpenAIChatCompletionsModel, OpenAIResponsesModel
from agents.tracing import get_trace_provider

from ask_applicant.agents.models import (
    OFFLINE,
    configure_tracing,
    create_openai_client,
    select_model,
)
from ask_applicant.settings import Settings


def _settings(**values: object) -> Settings:
    return Settings(database_url="sqlite+aiosqlite:///:memory:", **values)  # type: ignore[arg-type]


def test_without_a_key_the_offline_model_is_selected_and_no_client_is_made() -> None:
    settings = _settings()
    assert settings.offline
    assert create_openai_client(settings) is None
    assert select_model(settings, None) == OFFLINE


async def test_a_model_name_runs_through_the_responses_api() -> None:
    settings = _settings(openai_api_key="sk-test", model="gpt-4.1-mini")
    client = create_openai_client(settings)
    assert client is not None
    model = select_model(settings, client)
    assert isinstance(model, OpenAIResponsesModel)
    assert model.model == "gpt-4.1-mini"
    await client.close()


async def test_chat_completions_serves_openai_compatible_servers() -> None:
    settings = _settings(
        model="llama3.1", openai_base_url="http://127.0.0.1:11434/v1", openai_api="chat_completions"
    )
    client = create_openai_client(settings)
    assert client is not None
    assert str(client.base_url).startswith("http://127.0.0.1:11434/v1")
    assert isinstance(select_model(settings, client), OpenAIChatCompletionsModel)
    await client.close()


def test_an_online_model_without_a_client_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="client"):
        select_model(_settings(openai_api_key="sk-test", model="gpt-4.1"), None)


@pytest.mark.parametrize(
    ("values", "enabled"),
    [
        ({}, False),
        ({"openai_api_key": "sk-test"}, True),
        ({"openai_api_key": "sk-test", "openai_base_url": "http://127.0.0.1:8000/v1"}, False),
    ],
)
def test_tracing_is_on_only_with_an_openai_key(values: dict[str, object], enabled: bool) -> None:
    provider = get_trace_provider()
    try:
        assert configure_tracing(_settings(**values)) is enabled
        assert provider._disabled is (not enabled)  # type: ignore[attr-defined]
    finally:
        configure_tracing(_settings())
