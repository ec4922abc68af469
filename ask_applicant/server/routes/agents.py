"""`GET /v1/agents`: the agent graph, for UIs to draw."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ask_applicant.server.deps import CurrentUser, ServicesDep

router = APIRouter(prefix="/v1", tags=["agents"])


@router.get("/agents")
async def describe_agents(_user: CurrentUser, services: ServicesDep) -> dict[str, Any]:
    """The agents (key, name, description), their handoffs, tools and MCP servers.

    `start` names the agent a new conversation begins with; `mcp` lists each MCP
    server a specialist holds and whether it is connected.
    """
    return {
        **services.graph.describe(),
        "model": services.model_label,
        "mcp": services.mcp.status(),
    }
