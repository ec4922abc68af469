"""The FastAPI application: `create_app()` for uvicorn, tests and the `serve` command.

    uvicorn --factory ask_applicant.server.app:create_app

Everything that owns I/O is opened once in the lifespan (see `services`) and reached
by dependencies; errors are problem+json; bodies are capped at 1 MiB.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from agents import Model, RunConfig
from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from ask_applicant.log_config import configure_logging
from ask_applicant.server.adapters.error_routes import ShapesByPath
from ask_applicant.server.adapters.openai_wire import openai_error
from ask_applicant.server.adapters.seed_wire import seed_error
from ask_applicant.server.body_limit import DEFAULT_MAX_BODY_BYTES, BodyLimitMiddleware
from ask_applicant.server.cors import install_cors
from ask_applicant.server.mcp_mounts import mcp_routes
from ask_applicant.server.oauth.routes import oauth_routes
from ask_applicant.server.openapi import install_openapi
from ask_applicant.server.pages import router as pages_router
from ask_applicant.server.pages import static_files
from ask_applicant.server.pages.console_routes import router as console_router
from ask_applicant.server.problems import install_problem_handlers
from ask_applicant.server.routes import (
    agents,
    chat,
    health,
    leads,
    links,
    me,
    openai_compat,
    owner,
    owner_data,
    owner_keys,
    runs,
    seed,
    sessions,
    sign_in,
    ui_chat,
)
from ask_applicant.server.services import StreamOptions, running_services
from ask_applicant.settings import Settings, get_settings

DOCS_ASSETS_URL = "/docs/assets"
DESCRIPTION = """\
Ask questions about one job applicant. A triage agent hands each question to a
resume, project or career specialist; answers stream as Server-Sent Events from runs
owned by the server, which survive disconnects and resume with `Last-Event-ID`.

Every `/v1` route needs `Authorization: Bearer <key>` (`ask-applicant keys create`), or
the session cookie a share link sets in a browser (`ask-applicant links create`; opening
`/r/{token}` signs in). Writes by cookie must come from this origin or `CORS_ORIGINS`.
Errors are `application/problem+json`.

Adapters for existing clients (see the README's "Clients"): OpenAI-compatible chat at
`/v1/models` and `/v1/chat/completions` (errors in OpenAI's shape), the Vercel AI SDK's
UI message stream at `/v1/ui/chat`, and, when `SEED_API_ENABLED`, the seed front end's
routes (`/user`, `/sessions/{id}`, `/openai-response/...`), which need no key.
"""


def create_app(
    settings: Settings | None = None,
    *,
    model: Model | None = None,
    run_config: RunConfig | None = None,
    stream: StreamOptions | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> FastAPI:
    """Build the API.

    Args:
        settings: The settings; default: read from the environment.
        model: A model for every agent instead of the one the settings select
            (tests pass a scripted model).
        run_config: Extra SDK run configuration for every run.
        stream: Event-stream framing (keep-alive interval, retry hint).
        max_body_bytes: The largest request body accepted (413 beyond).

    Logging is configured here unless the process already did (see `log_config`).

    Returns:
        The app; its lifespan opens the database, profile, agents and MCP servers, and
        fails with `StartupError` when the profile or the schema is not usable.
    """
    settings = settings or get_settings()
    # Before the lifespan builds the MCP servers, whose constructor would otherwise
    # put a Rich handler on the root logger.
    configure_logging(settings, keep_existing=True)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with running_services(
            settings, model=model, run_config=run_config, stream=stream
        ) as services:
            app.state.services = services
            try:
                yield
            finally:
                del app.state.services

    # Swagger UI's scripts and styles come from the fastapi-offline package, served at
    # /docs/assets, and so do ReDoc's: the docs work with no network.
    app = FastAPIOffline(
        title="Ask the Applicant",
        version="1",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url="/redoc",
        static_url=DOCS_ASSETS_URL,
        openapi_url="/openapi.json",
        swagger_ui_parameters={"validatorUrl": None},
    )
    shapes = _adapter_error_shapes(settings)
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body_bytes, responder=shapes)
    install_cors(app, settings)
    install_problem_handlers(app)
    install_openapi(app)
    for router in (chat.router, runs.router, sessions.router, agents.router, health.router):
        app.include_router(router)
    if settings.openai_compat_enabled:
        app.include_router(openai_compat.router)
    if settings.ui_chat_enabled:
        app.include_router(ui_chat.router)
    if settings.seed_api_enabled:
        app.include_router(seed.router)
    for router in (links.router, me.router, sign_in.router):
        app.include_router(router)
    for router in (owner.router, owner_data.router, owner_keys.router, leads.router):
        app.include_router(router)
    app.include_router(pages_router)
    app.include_router(console_router)
    app.mount("/static", static_files(), name="static")
    app.router.routes.extend(mcp_routes())
    app.router.routes.extend(oauth_routes())
    return app


def _adapter_error_shapes(settings: Settings) -> ShapesByPath:
    """The error shapes of the enabled client adapters, by path."""
    shapes = ShapesByPath()
    if settings.openai_compat_enabled:
        shapes.add(("/v1/models", "/v1/chat/completions"), openai_error)
    if settings.ui_chat_enabled:
        shapes.add(("/v1/ui/",), ui_chat.ui_error)
    if settings.seed_api_enabled:
        shapes.add(("/user", "/sessions/", "/openai-response/"), seed_error)
    return shapes
