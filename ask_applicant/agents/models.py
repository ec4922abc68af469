"""Choosing the model that answers, from the settings.

`MODEL=offline` (the default without `OPENAI_API_KEY`) selects the deterministic offline
model, which `build_agent_graph` creates itself because it needs the graph's routing
vocabulary. Any other value is a model name served through the Responses API, or, with
`OPENAI_API=chat_completions`, through Chat Completions (Ollama, vLLM and other
OpenAI-compatible servers reached through `OPENAI_BASE_URL`).

The OpenAI client is created once per process by whoever owns I/O (the server's
lifespan, a CLI command) with `create_openai_client` and passed in here.
"""

from __future__ import annotations

from agents import (
    Model,
    OpenAIChatCompletionsModel,
    OpenAIResponsesModel,
    set_tracing_disabled,
    set_tracing_export_api_key,
)
from openai import AsyncOpenAI

from ask_applicant.settings import Settings

OFFLINE = "offline"


def create_openai_client(settings: Settings) -> AsyncOpenAI | None:
    """The process's OpenAI client, or None when the offline model answers.

    Args:
        settings: The process's settings.

    Returns:
        A client for `OPENAI_BASE_URL` (the OpenAI API when unset), or None offline.
    """
    if settings.offline:
        return None
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    # Local OpenAI-compatible servers accept any key; the client insists on one.
    return AsyncOpenAI(
        api_key=key or "not-needed",
        base_url=settings.openai_base_url,
        timeout=settings.openai_timeout_seconds,
        max_retries=settings.openai_max_retries,
    )


def select_model(settings: Settings, client: AsyncOpenAI | None) -> Model | str:
    """The model every agent of the graph uses.

    Args:
        settings: The process's settings (`model`, `openai_api`).
        client: The process's client from `create_openai_client` (ignored offline).

    Returns:
        "offline" for the offline model (pass it to `build_agent_graph`, which builds it
        with its vocabulary), otherwise an SDK model bound to `client`.

    Raises:
        ValueError: When an online model is selected without a client.
    """
    if settings.offline:
        return OFFLINE
    if client is None:
        raise ValueError(f"model {settings.model!r} needs an OpenAI client; none was given")
    if settings.openai_api == "chat_completions":
        return OpenAIChatCompletionsModel(model=settings.model, openai_client=client)
    return OpenAIResponsesModel(model=settings.model, openai_client=client)


def configure_tracing(settings: Settings) -> bool:
    """Turn SDK tracing on only when it has somewhere to go.

    Traces are exported to OpenAI with the configured key; without a key, or when the key
    belongs to another OpenAI-compatible server, tracing is disabled.

    Args:
        settings: The process's settings.

    Returns:
        True when tracing stays enabled.
    """
    base = settings.openai_base_url or ""
    enabled = settings.openai_api_key is not None and (not base or "api.openai.com" in base)
    set_tracing_disabled(not enabled)
    if enabled and settings.openai_api_key is not None:
        set_tracing_export_api_key(settings.openai_api_key.get_secret_value())
    return enabled
