"""`/healthz` (the process answers) and `/readyz` (it can do its work)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from ask_applicant.persistence import reading
from ask_applicant.server.deps import ServicesDep

logger = logging.getLogger(__name__)

router = APIRouter(tags=["health"])

DATABASE_CHECK_TIMEOUT_SECONDS = 3.0


@router.get("/healthz")
@router.head("/healthz", include_in_schema=False)
async def healthz() -> dict[str, str]:
    """Liveness: the process is up. No key needed."""
    return {"status": "ok"}


@router.get("/readyz", response_model=None)
@router.head("/readyz", response_model=None, include_in_schema=False)
async def readyz(services: ServicesDep) -> JSONResponse:
    """Readiness: database reachable (else 503), MCP servers, and the model in use.

    `status` is `ready`, `degraded` (an MCP server is down: its agent answers with its
    function tools alone) or `unavailable`. No key needed; no secrets shown.
    """
    database = await _database_ok(services.engine)
    mcp = services.mcp.status()
    if not database:
        status = "unavailable"
    elif any(not server["connected"] for server in mcp):
        status = "degraded"
    else:
        status = "ready"
    body: dict[str, Any] = {
        "status": status,
        "database": "ok" if database else "unreachable",
        "mcp": mcp,
        "model": services.model_label,
    }
    return JSONResponse(body, status_code=200 if database else 503)


async def _database_ok(engine: Any) -> bool:
    try:
        async with asyncio.timeout(DATABASE_CHECK_TIMEOUT_SECONDS):
            async with reading(engine).connect() as conn:
                await conn.execute(text("SELECT 1"))
    except Exception as error:
        # Whatever the driver raises, the answer is the same: not ready.
        logger.warning("readiness: the database is unreachable: %s", error)
        return False
    return True
