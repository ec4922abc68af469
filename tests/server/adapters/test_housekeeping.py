"""Recognising chat UIs' background prompts, and only those."""

from __future__ import annotations

import json

import pytest

from ask_applicant.server.adapters.housekeeping import recognise

HISTORY = "### Chat History:\n<chat_history>\nUSER: {q}\nASSISTANT: ...\n</chat_history>"


def _open_webui(task: str, question: str = "Where did she study, and when?") -> str:
    return f"### Task:\n{task}\n### Guidelines:\n- ...\n" + HISTORY.format(q=question)


def test_an_open_webui_title_prompt_gets_a_json_title_from_the_first_question() -> None:
    chore = recognise(
        _open_webui(
            "Generate a concise, 3-5 word title with an emoji summarizing the chat history."
        )
    )
    assert chore is not None and chore.task == "title"
    assert json.loads(chore.answer) == {"title": "💼 Where did she study and"}


def test_tags_and_follow_ups_follow_the_language_of_the_chat() -> None:
    tags = recognise(
        _open_webui(
            "Generate 1-3 broad tags categorizing the main themes of the chat history.",
            "그녀는 어디에서 공부했나요?",
        )
    )
    follow_ups = recognise(
        _open_webui("Suggest 3-5 relevant follow-up questions or prompts that the user might ask.")
    )
    assert tags is not None and json.loads(tags.answer)["tags"][0] == "커리어"
    assert follow_ups is not None
    suggestions = json.loads(follow_ups.answer)["follow_ups"]
    assert 3 <= len(suggestions) <= 5 and all(s.endswith("?") for s in suggestions)


@pytest.mark.parametrize(
    ("prompt", "task", "answer"),
    [
        (
            _open_webui(
                "Analyze the chat history to determine the necessity of generating search queries"
            ),
            "queries",
            {"queries": []},
        ),
        (
            _open_webui("You are an autocompletion system. Continue the text."),
            "autocomplete",
            {"text": ""},
        ),
    ],
)
def test_other_open_webui_tasks_get_empty_answers(prompt: str, task: str, answer: dict) -> None:
    chore = recognise(prompt)
    assert chore is not None and chore.task == task and json.loads(chore.answer) == answer


def test_a_librechat_title_prompt_gets_a_plain_title() -> None:
    prompt = (
        "Provide a concise, 5-word-or-less title for the conversation, using title case "
        "conventions. Only return the title itself.\n\nConversation:\nUser: What projects "
        "has she led?\nAI: ..."
    )
    chore = recognise(prompt)
    assert chore is not None and chore.answer == "What projects has she led"


@pytest.mark.parametrize(
    "question",
    [
        "Where did she study?",
        "What title did she hold at her last job?",
        "Which tags does she use on GitHub? ### Task: none",
        "그녀의 직함은 무엇인가요?",
        "",
    ],
)
def test_a_recruiters_question_is_not_taken_for_a_chore(question: str) -> None:
    assert recognise(question) is None
