"""Everything the API owns that does I/O, opened once per process and closed in reverse.

    async with running_services(settings) as services:
        ...  # services.engine, .graph, .runs, ...

The app's lifespan enters this and keeps the result on `app.state.services`; routes
reach the parts through the dependencies in `ask_applicant.server.deps`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field

from agents import Model, RunConfig
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.agents.graph import AgentGraph, build_agent_graph
from ask_applicant.agents.models import configure_tracing, create_openai_client, select_model
from ask_applicant.mcp_servers.http_mount import HttpMount
from ask_applicant.persistence import create_engine
from ask_applicant.profile import Profile
from ask_applicant.server.auth_failures import AuthFailureLimit
from ask_applicant.server.lead_delivery import LeadDelivery
from ask_applicant.server.mcp_links import McpLinks, connect_mcp_links
from ask_applicant.server.mcp_mounts import build_mcp_mounts
from ask_applicant.server.rate_limit import RequestLimit, SlidingWindowLimiter
from ask_applicant.server.runs import RunManager
from ask_applicant.server.runs.process_identity import ProcessIdentity
from ask_applicant.server.runs.stopping import stop_task
from ask_applicant.server.scale_out import RedisParts, open_redis
from ask_applicant.server.session_cookie import SessionCookies, session_cookies
from ask_applicant.server.startup import prepare_schema, read_profile
from ask_applicant.settings import Settings

DEFAULT_KEEPALIVE_SECONDS = 15.0
DEFAULT_RETRY_MS = 3000


@dataclass(frozen=True)
class StreamOptions:
    """How event streams are framed.

    Attributes:
        keepalive_seconds: Longest silence before a keep-alive comment (at most 15 s).
        retry_ms: The reconnection delay suggested to clients (`retry:`).
    """

    keepalive_seconds: float = DEFAULT_KEEPALIVE_SECONDS
    retry_ms: int = DEFAULT_RETRY_MS


@dataclass
class Services:
    """The process's long-lived parts.

    Attributes:
        settings: The settings the process started with.
        engine: The one database engine.
        profile: The applicant.
        graph: The agent graph every run uses.
        runs: The run manager.
        limiter: The per-key request limit (shared through Redis when there is one).
        auth_failures: The per-address limit on failed authentications.
        mcp: The specialists' MCP connections (for `/readyz`).
        cookies: Signs and reads share-link browser session cookies.
        leads: Sends stored leads to `LEAD_WEBHOOK_URL` in the background.
        mcp_mounts: Our MCP servers over streamable HTTP, by name (`profile`, `portfolio`).
        model_label: What answers: `offline`, or the model name and API.
        stream: How event streams are framed.
        redis: The Redis parts (None without `REDIS_URL`).
    """

    settings: Settings
    engine: AsyncEngine
    profile: Profile
    graph: AgentGraph
    runs: RunManager
    limiter: RequestLimit
    auth_failures: AuthFailureLimit
    mcp: McpLinks
    cookies: SessionCookies
    leads: LeadDelivery
    mcp_mounts: dict[str, HttpMount] = field(default_factory=dict)
    model_label: str = "offline"
    stream: StreamOptions = StreamOptions()
    redis: RedisParts | None = None


@asynccontextmanager
async def running_services(
    settings: Settings,
    *,
    model: Model | None = None,
    run_config: RunConfig | None = None,
    stream: StreamOptions | None = None,
) -> AsyncIterator[Services]:
    """Open the engine, profile, MCP connections, agent graph and run manager.

    Args:
        settings: The process's settings.
        model: A model for every agent instead of the one the settings select (tests).
        run_config: Extra SDK run configuration for every run.
        stream: Event-stream framing (defaults: 15 s keep-alive, 3 s retry).

    Yields:
        The services; on exit, runs are stopped, connections closed, the engine disposed.

    Raises:
        StartupError: A bad profile or a MySQL schema behind the code.
    """
    profile = read_profile(settings)
    engine = create_engine(settings.database_url)
    async with AsyncExitStack() as stack:
        stack.push_async_callback(engine.dispose)
        await prepare_schema(engine, settings)
        cookies = await session_cookies(engine, settings)
        configure_tracing(settings)
        client = None if model is not None else create_openai_client(settings)
        if client is not None:
            stack.push_async_callback(client.close)
        chosen = model if model is not None else select_model(settings, client)
        # The mounts run first: the agents reach the same servers through them, in process.
        mounts = build_mcp_mounts(profile, settings)
        for mount in mounts.values():
            await stack.enter_async_context(mount.run())
        links = await stack.enter_async_context(
            connect_mcp_links(
                profile_path=settings.profile_path, enabled=settings.mcp_enabled, mounts=mounts
            )
        )
        graph = build_agent_graph(
            profile=profile, mcp_servers=links.servers_by_agent(), model=chosen
        )
        redis = None
        if settings.redis_url is not None:
            # Opened before the runs and closed after them: their last events go out too.
            redis = await stack.enter_async_context(
                open_redis(
                    settings.redis_url,
                    prefix=settings.redis_prefix,
                    process=ProcessIdentity.current().dumps(),
                    stream_maxlen=settings.redis_stream_maxlen,
                    stream_ttl_seconds=settings.redis_stream_ttl_seconds,
                )
            )
        runs = RunManager(
            engine=engine,
            graph=graph,
            profile=profile,
            settings=settings,
            run_config=run_config,
            redis=redis,
        )
        stack.push_async_callback(runs.aclose)
        if redis is not None:
            listener = asyncio.create_task(
                redis.cancels.listen(runs.cancel_here), name="cancel listener"
            )
            stack.push_async_callback(stop_task, listener)
        # A crash here left runs `running`; their clients get their end before we serve.
        await runs.end_orphaned()
        leads = await stack.enter_async_context(LeadDelivery(engine, settings).running())
        yield Services(
            settings=settings,
            engine=engine,
            profile=profile,
            graph=graph,
            runs=runs,
            limiter=RequestLimit(
                SlidingWindowLimiter(settings.rate_limit_per_minute),
                redis.limits if redis is not None else None,
            ),
            auth_failures=AuthFailureLimit(
                settings.auth_failures_per_minute,
                shared=redis.limits if redis is not None else None,
            ),
            mcp=links,
            cookies=cookies,
            leads=leads,
            mcp_mounts=mounts,
            model_label=_model_label(settings, model),
            stream=stream or StreamOptions(),
            redis=redis,
        )


def _model_label(settings: Settings, model: Model | None) -> str:
    if model is not None:
        return f"custom ({type(model).__name__})"
    if settings.offline:
        return "offline"
    return f"{settings.model} ({settings.openai_api})"
