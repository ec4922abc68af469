"""Typed settings, read from the environment and an optional `.env` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationInfo, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"
DEFAULT_PROFILE_PATH = Path(__file__).parent / "profile" / "sample"


class Settings(BaseSettings):
    """Everything the service reads from its environment.

    Invalid values fail at start-up, not on first use.
    """

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    database_url: str = Field(default="sqlite+aiosqlite:///./ask_applicant.db")
    profile_path: Path = Field(default=DEFAULT_PROFILE_PATH)

    model: str = Field(default="", description="'offline', or an OpenAI model name.")
    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    openai_api: Literal["responses", "chat_completions"] = "responses"
    # The OpenAI client's own limits per model request; a run's overall deadline is
    # run_timeout_seconds.
    openai_timeout_seconds: float = Field(default=60.0, gt=0, le=3600)
    openai_max_retries: int = Field(default=2, ge=0, le=10)

    max_turns: int = Field(default=10, ge=1, le=100)
    run_timeout_seconds: float = Field(default=120.0, gt=0)
    max_message_chars: int = Field(default=4000, ge=1, le=100_000)
    # Session items sent to the model per turn (the newest, from a user message on);
    # the whole conversation stays stored.
    max_history_items: int = Field(default=100, ge=10, le=10_000)
    rate_limit_per_minute: int = Field(default=60, ge=1)
    auth_failures_per_minute: int = Field(default=20, ge=1)
    max_concurrent_runs_per_key: int = Field(default=4, ge=1)
    heartbeat_seconds: float = Field(default=5.0, gt=0)
    stale_run_seconds: float = Field(default=60.0, gt=0)
    mcp_enabled: bool = True
    # How long a run keeps its events in memory and retries its writes while the
    # database is unreachable, before it ends with `database_unavailable`.
    db_outage_grace_seconds: float = Field(default=30.0, ge=0, le=3600)
    # Several workers or replicas: Redis carries live events, cancels and the shared
    # per-key limits (see the README's "Scaling out with Redis"). Unset: none of that.
    redis_url: str | None = None
    redis_prefix: str = Field(default="ask-applicant:", max_length=100)
    redis_stream_maxlen: int = Field(default=2000, ge=100)
    redis_stream_ttl_seconds: int = Field(default=3600, ge=60)
    log_format: Literal["text", "json"] = "text"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    # Host and Origin values the API (its /mcp mounts) accepts; JSON lists in the environment.
    allowed_hosts: list[str] = Field(
        default=["127.0.0.1", "127.0.0.1:*", "localhost", "localhost:*", "[::1]", "[::1]:*"]
    )
    allowed_origins: list[str] = Field(
        default=["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"]
    )
    # Other sites (the applicant's own) whose pages may call the API from a browser.
    cors_origins: list[str] = Field(default=[])
    # Signs browser session cookies; unset: a key generated once and kept in the database.
    session_secret: SecretStr | None = None
    session_max_age_seconds: int = Field(default=30 * 24 * 3600, ge=60, le=366 * 24 * 3600)
    # Where a recruiter's contact request is POSTed as JSON (optional); retried with backoff.
    lead_webhook_url: str | None = None
    lead_webhook_max_attempts: int = Field(default=6, ge=1, le=50)
    lead_webhook_backoff_seconds: float = Field(default=2.0, gt=0, le=3600)
    lead_webhook_timeout_seconds: float = Field(default=10.0, gt=0, le=300)
    # How many contact requests one recruiter may leave per hour.
    leads_per_hour: int = Field(default=5, ge=1, le=1000)

    # Where people reach the service (https://applicant.example.com): share links and
    # owner links are built from it, its origin is trusted for browsers' writes, and it
    # is the OAuth issuer. Empty: the CLI prints links for DEFAULT_PUBLIC_URL, and the
    # server takes each request's (checked) Host.
    public_url: str = Field(default="", max_length=500)
    oauth_access_token_seconds: int = Field(default=3600, ge=60, le=86_400)
    oauth_refresh_token_seconds: int = Field(default=30 * 86_400, ge=3600, le=365 * 86_400)

    # Client adapters (see the README's "Clients" section).
    openai_compat_enabled: bool = True
    openai_compat_handoff_text: bool = False
    ui_chat_enabled: bool = True
    seed_api_enabled: bool = False
    seed_recruiter_name: str = Field(default="Seed front end", min_length=1, max_length=200)

    @field_validator("openai_api_key", mode="before")
    @classmethod
    def _blank_key_is_no_key(cls, value: object) -> object:
        # compose passes `OPENAI_API_KEY: ${OPENAI_API_KEY:-}`: an empty key means none.
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("public_url")
    @classmethod
    def _origin_only(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value and not value.startswith(("https://", "http://")):
            raise ValueError(
                "PUBLIC_URL must be an http(s) origin, like https://applicant.example.com"
            )
        if value and ("?" in value or "#" in value):
            raise ValueError("PUBLIC_URL must not have a query or fragment")
        return value

    @field_validator("redis_url", mode="before")
    @classmethod
    def _blank_redis_is_none(cls, value: object) -> object:
        # compose passes `REDIS_URL: ${REDIS_URL:-}`: empty means no Redis.
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("REDIS_URL must start with redis://, rediss:// or unix://")
        return value

    @field_validator("database_url")
    @classmethod
    def _known_driver(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "mysql+asyncmy://")):
            raise ValueError("DATABASE_URL must start with sqlite+aiosqlite:// or mysql+asyncmy://")
        return value

    @field_validator("log_level", "log_format", mode="before")
    @classmethod
    def _any_case(cls, value: object, info: ValidationInfo) -> object:
        if not isinstance(value, str):
            return value
        return value.upper() if info.field_name == "log_level" else value.lower()

    @field_validator("lead_webhook_url")
    @classmethod
    def _webhook_url(cls, value: str | None) -> str | None:
        if not value or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("LEAD_WEBHOOK_URL must be an http:// or https:// URL")
        return value.strip()

    @field_validator("cors_origins")
    @classmethod
    def _origins(cls, values: list[str]) -> list[str]:
        cleaned = []
        for value in values:
            origin = value.strip().rstrip("/")
            parts = urlsplit(origin)
            if parts.scheme not in ("http", "https") or not parts.netloc or parts.path:
                raise ValueError(
                    f"{value!r} is not an origin: CORS_ORIGINS lists scheme://host[:port] values"
                )
            cleaned.append(origin.lower())
        return cleaned

    @field_validator("session_secret")
    @classmethod
    def _long_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 32:
            raise ValueError("SESSION_SECRET needs at least 32 characters")
        return value

    @model_validator(mode="after")
    def _default_model(self) -> Settings:
        # With no key the only model that can answer is the offline one.
        if not self.model:
            self.model = "gpt-4.1-mini" if self.openai_api_key else "offline"
        return self

    @property
    def offline(self) -> bool:
        """True when the deterministic offline model answers."""
        return self.model == "offline"

    @property
    def link_base(self) -> str:
        """Where links printed by the command line point: `public_url`, or the default."""
        return self.public_url or DEFAULT_PUBLIC_URL

    @property
    def public_origin(self) -> str:
        """`scheme://host[:port]` of `public_url`."""
        parts = urlsplit(self.public_url)
        return f"{parts.scheme}://{parts.netloc}".lower()

    @property
    def is_sqlite(self) -> bool:
        """True on the embedded SQLite default."""
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    """Return the process's settings, read once."""
    return Settings()
