"""The `@function_tool` wrappers, driven through the Agents SDK itself."""

from __future__ import annotations

import json
import subprocess
import sys

from agents import Agent, FunctionTool, Runner
from agents.testing import ScriptedModel, assistant_message, function_call
from agents.tool_context import ToolContext

from ask_applicant.agents.context import ChatContext
from ask_applicant.profile import Profile
from ask_applicant.settings import Settings
from ask_applicant.tools import CAREER_TOOLS, PROJECT_TOOLS, RESUME_TOOLS


def _context(profile: Profile) -> ChatContext:
    return ChatContext(user_id="u1", session_id="s1", profile=profile, settings=Settings())


def test_the_tool_lists_expose_the_agreed_names() -> None:
    assert [t.name for t in RESUME_TOOLS] == [
        "get_basics", "get_education", "get_skills", "get_certificates", "get_awards",
        "get_publications", "get_languages", "search_resume",
    ]  # fmt: skip
    assert [t.name for t in PROJECT_TOOLS] == ["list_projects", "get_project", "search_projects"]
    assert [t.name for t in CAREER_TOOLS] == [
        "get_work_history", "years_of_experience", "assess_job_fit", "ask_faq",
        "request_contact",
    ]  # fmt: skip


def test_every_tool_has_a_prompt_and_a_strict_schema_without_the_context() -> None:
    for tool in [*RESUME_TOOLS, *PROJECT_TOOLS, *CAREER_TOOLS]:
        assert isinstance(tool, FunctionTool) and tool.strict_json_schema
        assert tool.description and len(tool.description) > 40, tool.name
        schema = tool.params_json_schema
        assert "ctx" not in schema["properties"]
        for name, prop in schema["properties"].items():
            assert prop["type"] == "string" and prop.get("description"), (tool.name, name)


async def test_a_wrapper_invoked_with_a_tool_context_returns_sourced_json(sample: Profile) -> None:
    tool = next(t for t in PROJECT_TOOLS if t.name == "get_project")
    arguments = json.dumps({"name": "정산 파이프라인"}, ensure_ascii=False)
    context = ToolContext(
        context=_context(sample),
        tool_name=tool.name,
        tool_call_id="call-1",
        tool_arguments=arguments,
    )
    output = await tool.on_invoke_tool(context, arguments)
    data = json.loads(output)
    assert data["facts"][0]["source"] == "projects[1]"
    assert "정산" in output and "\\u" not in output


async def test_an_agent_run_calls_a_tool_and_sees_its_output(sample: Profile) -> None:
    model = ScriptedModel(
        [
            {"output": [function_call("years_of_experience", {"skill": "Kafka"}, call_id="c1")]},
            {"output": [assistant_message("About three years of Kafka.")]},
        ]
    )
    agent = Agent[ChatContext](name="Career", model=model, tools=CAREER_TOOLS)
    result = await Runner.run(agent, "How long have you used Kafka?", context=_context(sample))
    assert result.final_output == "About three years of Kafka."
    outputs = [item.output for item in result.new_items if item.type == "tool_call_output_item"]
    assert len(outputs) == 1
    summary = json.loads(str(outputs[0]))["facts"][0]
    assert summary["source"] == "work[0], projects[1]"
    assert summary["text"].startswith("Kafka: about ")


def test_the_tools_package_imports_first_in_a_fresh_interpreter() -> None:
    # Guards against an import cycle through ask_applicant.agents (the run context).
    done = subprocess.run(
        [sys.executable, "-c", "import ask_applicant.tools as t; print(len(t.RESUME_TOOLS))"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "8"
