"""The portfolio MCP server, driven through an in-memory MCP client."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import AsyncIterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from mcp import Client
from mcp.types import CallToolResult, TextContent

from ask_applicant.mcp_servers.portfolio import (
    build_portfolio_server,
    build_portfolio_server_from_roots,
    project_roots,
)
from ask_applicant.mcp_servers.sandbox import PortfolioLimits
from ask_applicant.profile import Profile

TOOLS = ["list_projects", "list_files", "read_file", "search_code", "recent_commits"]


@pytest.fixture
async def client(project_root: Path, git_repo: Path) -> AsyncIterator[Client]:
    server = build_portfolio_server_from_roots(
        {"chat-service": project_root, "repo": git_repo}, PortfolioLimits(max_file_bytes=4_000)
    )
    async with Client(server) as connected:
        yield connected


def text_of(result: CallToolResult) -> str:
    block = result.content[0]
    assert isinstance(block, TextContent)
    return block.text


def payload(result: CallToolResult) -> dict[str, Any]:
    assert not result.is_error, text_of(result)
    data = json.loads(text_of(result))
    assert data == result.structured_content
    return data


async def test_tools_are_listed_in_order_and_marked_read_only(client: Client) -> None:
    tools = (await client.list_tools()).tools
    assert [tool.name for tool in tools] == TOOLS
    for tool in tools:
        assert tool.annotations is not None and tool.annotations.read_only_hint is True
        assert tool.description and tool.output_schema
    read_file = next(tool for tool in tools if tool.name == "read_file")
    assert read_file.input_schema["required"] == ["project", "path"]


async def test_list_projects_names_each_project_and_its_git_status(client: Client) -> None:
    data = payload(await client.call_tool("list_projects", {}))
    assert data["projects"] == [
        {"name": "chat-service", "is_git_repo": False},
        {"name": "repo", "is_git_repo": True},
    ]


async def test_list_files_lists_korean_names_unescaped(client: Client) -> None:
    result = await client.call_tool("list_files", {"project": "chat-service", "glob": "*.md"})
    assert "docs/설계_노트.md" in text_of(result)
    assert [f["path"] for f in payload(result)["files"]] == ["README.md", "docs/설계_노트.md"]


async def test_read_file_returns_the_lines_and_their_source(client: Client) -> None:
    args = {"project": "chat-service", "path": "src/app.py", "start_line": 4, "end_line": 5}
    data = payload(await client.call_tool("read_file", args))
    assert data["text"].startswith("def stream_reply(message: str) -> str:\n")
    assert data["source"] == "chat-service:src/app.py#L4-L5"


async def test_search_code_gives_file_and_line_of_each_hit(client: Client) -> None:
    args = {"project": "chat-service", "query": "ratelimiter"}
    data = payload(await client.call_tool("search_code", args))
    assert [(h["path"], h["line"], h["text"]) for h in data["hits"]] == [
        ("inside-link.py", 9, "class RateLimiter:"),
        ("src/app.py", 9, "class RateLimiter:"),
    ]


async def test_recent_commits_reads_the_git_log(client: Client) -> None:
    data = payload(await client.call_tool("recent_commits", {"project": "repo", "limit": 1}))
    assert [c["subject"] for c in data["commits"]] == ["한국어 커밋 메시지 ✨"]


@pytest.mark.parametrize(
    ("tool", "arguments", "message"),
    [
        ("read_file", {"path": "../outside/secret.txt"}, "'..' in path"),
        ("read_file", {"path": "/etc/passwd"}, "absolute path '/etc/passwd' refused"),
        ("read_file", {"path": "escape.txt"}, "leads outside project 'chat-service'"),
        ("read_file", {"path": "linked-dir/secret.txt"}, "leads outside project"),
        ("read_file", {"path": "big.log"}, "over the 4000-byte cap"),
        ("read_file", {"path": "logo.png"}, "is a binary file"),
        ("read_file", {"path": "missing.py"}, "does not exist"),
        ("list_files", {"glob": "../*"}, "'..' in glob"),
        ("search_code", {"query": ""}, "query is empty"),
        ("recent_commits", {}, "not a git repository"),
    ],
)
async def test_a_refusal_is_a_tool_error_the_model_can_read(
    client: Client, tool: str, arguments: dict[str, Any], message: str
) -> None:
    result = await client.call_tool(tool, {"project": "chat-service", **arguments})
    assert result.is_error
    assert message in text_of(result)
    assert "hunter2" not in text_of(result)


@pytest.mark.parametrize(
    ("tool", "arguments"),
    [
        ("list_files", {}),
        ("read_file", {"path": "a.py"}),
        ("search_code", {"query": "x"}),
        ("recent_commits", {}),
    ],
)
async def test_an_unknown_project_is_a_tool_error_listing_the_known_ones(
    client: Client, tool: str, arguments: dict[str, Any]
) -> None:
    result = await client.call_tool(tool, {"project": "ghost", **arguments})
    assert result.is_error
    assert "unknown project 'ghost'; known projects: chat-service, repo" in text_of(result)


async def test_arguments_outside_the_schema_are_a_tool_error(client: Client) -> None:
    result = await client.call_tool(
        "read_file", {"project": "chat-service", "path": "src/app.py", "start_line": 0}
    )
    assert result.is_error and "start_line" in text_of(result)


def test_the_sample_profile_ships_one_browsable_project(sample_profile: Profile) -> None:
    roots = project_roots(sample_profile)
    assert list(roots) == ["chat-service"]
    assert (roots["chat-service"] / "README.md").is_file()


async def test_a_server_built_from_a_profile_scrubs_its_private_values(
    sample_profile: Profile, tmp_path: Path
) -> None:
    phone = next(v.value for v in sample_profile.private_values() if v.kind == "phone")
    (tmp_path / "NOTES.md").write_text(f"reach me on {phone}\n", encoding="utf-8")
    profile = dataclasses.replace(sample_profile, repos={"notes": tmp_path})
    async with Client(build_portfolio_server(profile)) as client:
        read = await client.call_tool("read_file", {"project": "notes", "path": "NOTES.md"})
        found = await client.call_tool("search_code", {"project": "notes", "query": "reach"})
    for result in (read, found):
        assert "reach me on" in text_of(result)
        assert phone not in text_of(result)


async def test_the_server_names_the_package_version(client: Client) -> None:
    assert client.server_info.name == "ask-applicant-portfolio"
    assert client.server_info.version == version("ask-applicant") != ""
