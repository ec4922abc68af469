"""`ask-applicant mcp profile|portfolio`: real subprocesses spoken to by the `mcp` stdio client."""

from __future__ import annotations

import sys
from pathlib import Path

import anyio
import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters
from mcp.types import TextContent
from typer.testing import CliRunner

from ask_applicant.cli import app
from ask_applicant.settings import DEFAULT_PROFILE_PATH

SCRIPT = Path(sys.executable).parent / "ask-applicant"
STARTUP_BUDGET_SECONDS = 60


def server_params(which: str, tmp_path: Path) -> StdioServerParameters:
    # cwd is a bare folder so no stray .env can change what the server loads.
    return StdioServerParameters(
        command=str(SCRIPT),
        args=["mcp", which, "--profile", str(DEFAULT_PROFILE_PATH)],
        cwd=tmp_path,
    )


async def test_the_profile_server_answers_over_stdio(tmp_path: Path) -> None:
    with anyio.fail_after(STARTUP_BUDGET_SECONDS):
        async with Client(server_params("profile", tmp_path)) as client:
            names = [tool.name for tool in (await client.list_tools()).tools]
            assert names[0] == "get_resume_section" and "ask_faq" in names
            result = await client.call_tool("get_project", {"name": "채팅 서비스"})
    assert not result.is_error
    block = result.content[0]
    assert isinstance(block, TextContent) and "projects/chat-service.md" in block.text


async def test_the_portfolio_server_answers_over_stdio(tmp_path: Path) -> None:
    with anyio.fail_after(STARTUP_BUDGET_SECONDS):
        async with Client(server_params("portfolio", tmp_path)) as client:
            names = [tool.name for tool in (await client.list_tools()).tools]
            assert names == [
                "list_projects", "list_files", "read_file", "search_code", "recent_commits"
            ]  # fmt: skip
            listing = await client.call_tool("list_files", {"project": "chat-service"})
            refusal = await client.call_tool(
                "read_file", {"project": "chat-service", "path": "../../resume.json"}
            )
    assert not listing.is_error and listing.structured_content is not None
    assert "README.md" in [f["path"] for f in listing.structured_content["files"]]
    assert refusal.is_error


@pytest.mark.parametrize("which", ["profile", "portfolio"])
def test_a_bad_profile_is_a_clear_message_and_exit_code_2(tmp_path: Path, which: str) -> None:
    (tmp_path / "resume.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(app, ["mcp", which, "--profile", str(tmp_path)])
    assert result.exit_code == 2
    assert "error: cannot load the profile:" in result.stderr
    assert "not valid JSON" in result.stderr
    assert "Traceback" not in result.output
