"""The profile MCP server, driven through an in-memory MCP client on the sample applicant."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from mcp import Client
from mcp.shared.exceptions import MCPError
from mcp.types import CallToolResult, TextContent, TextResourceContents

from ask_applicant.mcp_servers.profile import build_profile_server
from ask_applicant.profile import Profile, load_profile
from ask_applicant.tools.facts import RESUME_SECTIONS

TOOLS = [
    "get_resume_section",
    "search_profile",
    "list_projects",
    "get_project",
    "assess_job_fit",
    "ask_faq",
]


@pytest.fixture
async def client(sample_profile: Profile) -> AsyncIterator[Client]:
    async with Client(build_profile_server(sample_profile)) as connected:
        yield connected


def text_of(result: CallToolResult) -> str:
    block = result.content[0]
    assert isinstance(block, TextContent)
    return block.text


def sources(result: CallToolResult) -> list[str]:
    assert not result.is_error, text_of(result)
    assert result.structured_content is not None
    return [fact["source"] for fact in result.structured_content["facts"]]


async def resource_text(client: Client, uri: str) -> str:
    contents = (await client.read_resource(uri)).contents[0]
    assert isinstance(contents, TextResourceContents)
    return contents.text


async def test_tools_are_listed_in_a_stable_order_and_marked_read_only(client: Client) -> None:
    tools = (await client.list_tools()).tools
    assert [tool.name for tool in tools] == TOOLS
    for tool in tools:
        assert tool.annotations is not None and tool.annotations.read_only_hint is True
        assert tool.description


async def test_get_resume_section_returns_each_entry_with_its_source(
    client: Client, sample_profile: Profile
) -> None:
    result = await client.call_tool("get_resume_section", {"section": "학력"})
    assert sources(result) == [
        f"education[{i}]" for i in range(len(sample_profile.resume.education))
    ]


async def test_an_unknown_section_is_a_tool_error_listing_the_sections(client: Client) -> None:
    result = await client.call_tool("get_resume_section", {"section": "salary"})
    assert result.is_error and "choose one of: basics, work" in text_of(result)


async def test_search_profile_finds_write_up_sections(client: Client) -> None:
    result = await client.call_tool("search_profile", {"query": "Redis Pub/Sub fan-out"})
    assert "projects/chat-service.md" in sources(result)


async def test_list_projects_names_every_project(client: Client, sample_profile: Profile) -> None:
    result = await client.call_tool("list_projects", {})
    assert sources(result)[: len(sample_profile.project_slugs)] == [
        f"projects[{i}]" for i in range(len(sample_profile.project_slugs))
    ]
    assert "slug: chat-service" in text_of(result)


async def test_get_project_finds_a_project_by_its_korean_alias(client: Client) -> None:
    result = await client.call_tool("get_project", {"name": "채팅 서비스"})
    assert "projects/chat-service.md" in sources(result)


async def test_assess_job_fit_reports_matched_and_missing_skills(client: Client) -> None:
    result = await client.call_tool(
        "assess_job_fit", {"job_description": "Python, Kafka 경험자 우대. Rust required."}
    )
    texts = [fact["text"] for fact in (result.structured_content or {})["facts"]]
    assert any(text.startswith("Matched: Python") for text in texts)
    assert any(text.lower().startswith("missing: rust") for text in texts)


async def test_ask_faq_finds_the_prepared_answer(client: Client) -> None:
    result = await client.call_tool("ask_faq", {"question": "이직 사유가 궁금합니다"})
    assert sources(result)[0] == "faq[0]"


async def test_a_missing_argument_is_a_tool_error_not_a_crash(client: Client) -> None:
    result = await client.call_tool("get_project", {})
    assert result.is_error and "name" in text_of(result)


async def test_the_resume_resource_is_the_public_resume(
    client: Client, sample_profile: Profile
) -> None:
    listed = {str(r.uri): r for r in (await client.list_resources()).resources}
    assert listed["profile://resume"].mime_type == "application/json"
    resume = json.loads(await resource_text(client, "profile://resume"))
    assert resume == sample_profile.public_resume()
    assert "phone" not in resume["basics"] and "birthDate" not in resume["basics"]


async def test_a_project_resource_joins_the_resume_entry_and_the_write_up(
    client: Client, sample_profile: Profile
) -> None:
    text = await resource_text(client, "profile://projects/chat-service")
    assert text.startswith("# Chat Service\n")
    assert sample_profile.writeups["chat-service"].strip() in text


async def test_a_korean_project_slug_is_served(client: Client, sample_profile: Profile) -> None:
    slug = next(s for s in sample_profile.project_slugs if not s.isascii())
    text = await resource_text(client, f"profile://projects/{slug}")
    assert text.startswith("# ")
    templates = (await client.list_resource_templates()).resource_templates
    assert [t.uri_template for t in templates] == ["profile://projects/{slug}"]


async def test_an_unknown_project_resource_names_the_known_slugs(client: Client) -> None:
    with pytest.raises(MCPError, match="known: chat-service"):
        await client.read_resource("profile://projects/nope")


async def test_the_prompts_take_their_arguments(client: Client) -> None:
    prompts = {p.name: p for p in (await client.list_prompts()).prompts}
    assert set(prompts) == {"interview_questions", "job_fit_summary"}
    assert [a.name for a in prompts["interview_questions"].arguments or []] == ["role"]
    assert [a.name for a in prompts["job_fit_summary"].arguments or []] == ["job_description"]


async def test_interview_questions_ground_the_role_in_sourced_facts(client: Client) -> None:
    prompt = await client.get_prompt("interview_questions", {"role": "결제 백엔드 엔지니어"})
    content = prompt.messages[0].content
    assert isinstance(content, TextContent)
    assert "for the role: 결제 백엔드 엔지니어" in content.text
    assert "- [work[" in content.text or "- [projects" in content.text


async def test_job_fit_summary_embeds_the_skill_match(client: Client) -> None:
    prompt = await client.get_prompt("job_fit_summary", {"job_description": "Kotlin and Kafka"})
    content = prompt.messages[0].content
    assert isinstance(content, TextContent)
    assert "Matched: Kafka" in content.text and "Kotlin and Kafka" in content.text


async def test_an_empty_prompt_argument_is_refused(client: Client) -> None:
    with pytest.raises(MCPError, match="role is empty"):
        await client.get_prompt("interview_questions", {"role": "  "})


PROBES: list[tuple[str, dict[str, Any]]] = [
    ("get_resume_section", {"section": "basics"}),
    ("get_resume_section", {"section": "contact"}),
    ("search_profile", {"query": "phone number 전화번호 주소 address birthday 생년월일"}),
    ("search_profile", {"query": "010-1234-5678 1991-04-17 월드컵북로"}),
    ("list_projects", {}),
    ("get_project", {"name": "chat-service"}),
    ("assess_job_fit", {"job_description": "Call me at 010-1234-5678. Python."}),
    ("ask_faq", {"question": "what is your phone number and home address?"}),
]


async def test_no_private_value_leaves_the_server(client: Client, sample_profile: Profile) -> None:
    outputs = [text_of(await client.call_tool(name, args)) for name, args in PROBES]
    outputs.append(await resource_text(client, "profile://resume"))
    for slug in sample_profile.project_slugs:
        outputs.append(await resource_text(client, f"profile://projects/{slug}"))
    for name, args in [
        ("interview_questions", {"role": "phone 010-1234-5678 address"}),
        ("job_fit_summary", {"job_description": "birth date 1991-04-17, Python"}),
    ]:
        content = (await client.get_prompt(name, args)).messages[0].content
        assert isinstance(content, TextContent)
        # The caller's own words come back verbatim (scrubbing them would be an oracle,
        # see test_profile_oracle.py); everything the server adds must hold no private value.
        (sent,) = args.values()
        assert content.text.count(sent) == 1, content.text
        outputs.append(content.text.replace(sent, ""))
    private = [v.value for v in sample_profile.private_values()]
    assert private, "the sample must have private values for this test to mean anything"
    for output in outputs:
        for value in private:
            assert value not in output
            assert value.replace("-", "") not in output.replace("-", "")


async def test_the_postal_code_never_leaves_the_server(client: Client) -> None:
    # Issue 10, finding 2: it came out of get_resume_section basics and profile://resume.
    basics = text_of(await client.call_tool("get_resume_section", {"section": "basics"}))
    resume = await resource_text(client, "profile://resume")
    assert "Seoul" in basics and "Seoul" in resume
    assert "03925" not in basics and "03925" not in resume and "postalCode" not in resume


async def test_the_server_names_the_package_version(client: Client) -> None:
    assert client.server_info.name == "ask-applicant-profile"
    assert client.server_info.version == version("ask-applicant") != ""


async def test_the_section_argument_offers_the_sections_as_an_enum(client: Client) -> None:
    tools = {tool.name: tool for tool in (await client.list_tools()).tools}
    section = tools["get_resume_section"].input_schema["properties"]["section"]
    assert section["enum"] == ["basics", *RESUME_SECTIONS]


def _profile_with(tmp_path: Path, position: str, summary: str) -> Profile:
    resume = {
        "basics": {"name": "Mina Park", "label": "Engineer"},
        "work": [
            {"name": "Hanbit Pay", "position": "Backend Engineer", "summary": "Payments API."},
            {"name": "Acme Cloud", "position": position, "summary": summary},
        ],
    }
    (tmp_path / "resume.json").write_text(json.dumps(resume), encoding="utf-8")
    return load_profile(tmp_path)


@pytest.mark.parametrize(
    ("position", "summary", "role"),
    [
        ("Site Reliability Engineer", "On-call for the platform.", "SRE"),
        ("SRE", "On-call for the platform.", "Site Reliability Engineer"),
        ("Platform engineer", "Kept the site reliability targets.", "senior sre"),
    ],
)
async def test_interview_questions_match_a_role_by_its_abbreviation_or_expansion(
    tmp_path: Path, position: str, summary: str, role: str
) -> None:
    async with Client(build_profile_server(_profile_with(tmp_path, position, summary))) as c:
        prompt = await c.get_prompt("interview_questions", {"role": role})
    content = prompt.messages[0].content
    assert isinstance(content, TextContent)
    assert f"for the role: {role}.\n" in content.text
    evidence = content.text.split("bears on this role:\n", 1)[1]
    assert evidence.startswith("- [work[1]] ")  # the matching job comes first
