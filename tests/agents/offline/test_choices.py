"""Choices: a parameter's known values, picked by the spelling the question uses."""

from __future__ import annotations

import pytest

from ask_applicant.agents.offline.arguments import fill
from ask_applicant.agents.offline.choices import Choice, Choices
from ask_applicant.agents.offline.spans import QuestionSpans

PROJECTS = Choices(
    {
        "project": {
            "chat-service": ["Chat Service", "채팅 서비스", "support chat"],
            "resume-q-a-bot": ["Resume Q&A Bot", "resume bot"],
        }
    }
)
CODE_SEARCH = {
    "type": "object",
    "properties": {
        "project": {"type": "string", "description": "Project name."},
        "query": {"type": "string", "description": "Plain text to find, case-insensitive."},
    },
    "required": ["project", "query"],
}


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("How does the chat service deliver messages?", "chat-service"),
        ("Show me the CHAT-SERVICE code", "chat-service"),
        ("채팅서비스에서 방 입장은?", "chat-service"),
        ("채팅 서비스의 구조는?", "chat-service"),
        ("What did the resume bot use?", "resume-q-a-bot"),
        ("What about the Resume Q&A Bot?", "resume-q-a-bot"),
    ],
)
def test_the_value_the_question_names_is_picked_however_it_is_spelled(
    question: str, value: str
) -> None:
    choice = PROJECTS.pick("project", question)
    assert choice is not None and choice.value == value


@pytest.mark.parametrize(
    "question", ["How do you chat with support?", "Tell me about the chatservices team", ""]
)
def test_a_question_that_names_no_value_picks_nothing(question: str) -> None:
    assert PROJECTS.pick("project", question) is None


def test_the_longest_spelling_wins() -> None:
    choices = Choices({"project": {"chat": ["chat"], "support": ["support chat"]}})
    assert choices.pick("project", "the support chat code") == Choice("support", "support chat")


def test_an_unknown_parameter_has_no_choices() -> None:
    assert "name" not in PROJECTS and "project" in PROJECTS
    assert PROJECTS.pick("name", "the chat service") is None


def test_a_code_search_gets_the_named_project_and_one_word_without_the_name() -> None:
    arguments = fill(
        CODE_SEARCH,
        QuestionSpans("How did you implement the message broker in the chat service?"),
        PROJECTS,
    )
    assert arguments is not None and arguments.named and arguments.specific
    assert arguments.values == {"project": "chat-service", "query": "broker"}


def test_without_choices_the_project_is_a_span_of_the_question() -> None:
    arguments = fill(CODE_SEARCH, QuestionSpans("How is the message broker built?"))
    assert arguments is not None and not arguments.named
    assert arguments.values["project"] != "chat-service"


@pytest.mark.parametrize(
    "question",
    ["Which projects did you lead?", "Tell me about your 3 biggest projects", "어떤 일을 했나요?"],
)
def test_a_tool_needing_a_known_project_is_not_called_when_none_is_named(question: str) -> None:
    # Stray words in `project` would only earn an "unknown project" error from the tool.
    assert fill(CODE_SEARCH, QuestionSpans(question), PROJECTS) is None
