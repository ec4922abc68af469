"""Settings read from the environment mean what a person setting them means."""

from __future__ import annotations

import pytest

from ask_applicant.agents.models import configure_tracing
from ask_applicant.settings import Settings


@pytest.mark.parametrize("blank", ["", "   "])
def test_an_empty_openai_key_counts_as_no_key(blank: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", blank)
    monkeypatch.delenv("MODEL", raising=False)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.openai_api_key is None
    assert settings.offline
    # Without a key there is nowhere to send traces: no "key is not set" complaint.
    assert configure_tracing(settings) is False


def test_a_real_key_selects_an_openai_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.delenv("MODEL", raising=False)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.openai_api_key is not None
    assert not settings.offline
