"""The toolbox picks the tool that fits a question."""

from __future__ import annotations

import pytest
from agents import FunctionTool

from ask_applicant.agents.offline.query import Query
from ask_applicant.agents.offline.toolbox import Toolbox

from .conftest import CAREER_TOOLS, PROJECT_TOOLS, RESUME_TOOLS


def _pick(tools: list[FunctionTool], question: str) -> tuple[str, dict[str, object]]:
    pick = Toolbox(tools).pick(question, Query.of(question).all)
    assert pick is not None
    return pick.tool.name, pick.arguments.values


@pytest.mark.parametrize(
    ("tools", "question", "name", "arguments"),
    [
        (RESUME_TOOLS, "Where did she study?", "get_education", {}),
        (RESUME_TOOLS, "What programming languages does she know?", "get_skills", {}),
        (RESUME_TOOLS, "Which languages does she speak?", "get_languages", {}),
        (RESUME_TOOLS, "Does she know Terraform?", "search_resume", {"query": "Terraform"}),
        (RESUME_TOOLS, "자격증이 있나요?", "get_certificates", {}),
        (PROJECT_TOOLS, "What projects has she built?", "list_projects", {}),
        (
            PROJECT_TOOLS,
            "Tell me about the chat service project",
            "get_project",
            {"name": "chat service"},
        ),
        (
            CAREER_TOOLS,
            "How many years of Python experience?",
            "years_of_experience",
            {"skill": "Python"},
        ),
        (CAREER_TOOLS, "파이썬 경력이 몇 년인가요?", "years_of_experience", {"skill": "Python"}),
        (CAREER_TOOLS, "Where has she worked?", "get_work_history", {}),
        (
            CAREER_TOOLS,
            "Is she a fit for this job: Go and Kafka",
            "assess_job_fit",
            {"job_description": "Is she a fit for this job: Go and Kafka"},
        ),
        (
            CAREER_TOOLS,
            "What is her salary expectation?",
            "search_faq",
            {"topic": "salary expectation"},
        ),
    ],
)
def test_the_best_fitting_tool_is_called_with_arguments_from_the_question(
    tools: list[FunctionTool], question: str, name: str, arguments: dict[str, object]
) -> None:
    assert _pick(tools, question) == (name, arguments)


def test_with_no_matching_words_a_search_with_the_content_words_is_the_fallback() -> None:
    assert _pick(PROJECT_TOOLS, "Anything on Zanzibar?") == (
        "search_projects",
        {"query": "Zanzibar"},
    )


def test_with_no_content_words_at_all_a_tool_without_parameters_is_the_fallback() -> None:
    assert _pick(RESUME_TOOLS, "hello?")[0] == "get_basics"


def test_a_retry_prefers_another_search_then_the_best_section() -> None:
    toolbox = Toolbox(CAREER_TOOLS)
    question = "What did she do at Kakao?"
    retry = toolbox.pick_retry(question, Query.of(question).all, exclude={"search_faq"})
    assert retry is not None and retry.tool.name == "get_work_history"
    project = Toolbox(PROJECT_TOOLS).pick_retry(
        "Which one used WebSocket?", [], exclude={"get_project"}
    )
    assert project is not None and project.arguments.values == {"query": "WebSocket"}


def test_excluded_tools_are_never_picked() -> None:
    names = {tool.name for tool in RESUME_TOOLS} - {"get_skills"}
    assert Toolbox(RESUME_TOOLS).pick("skills?", Query.of("skills?").all, exclude=names) is not None
    assert Toolbox(RESUME_TOOLS).pick("skills?", [], exclude={t.name for t in RESUME_TOOLS}) is None


def test_stressed_terms_outweigh_the_words_another_tool_happens_to_share() -> None:
    question = "We are hiring a Kafka engineer with five years of Python. Good fit?"
    query = Query.of(question)
    assert query.readings, "the hiring phrasing should be read as a job fit"
    plain = Toolbox(CAREER_TOOLS).pick(question, query.all)
    stressed = Toolbox(CAREER_TOOLS).pick(question, query.all, stressed=query.readings)
    assert plain is not None and plain.tool.name == "years_of_experience"
    assert stressed is not None and stressed.tool.name == "assess_job_fit"
