"""Code words: the one word a literal code search looks for."""

from __future__ import annotations

import pytest

from ask_applicant.agents.offline.code_words import code_term


@pytest.mark.parametrize(
    ("content", "term"),
    [
        (["implement", "message", "broker"], "broker"),
        (["방", "입장", "구현"], "join"),
        (["graceful", "shutdown", "code"], "shutdown"),
        (["rooms"], "room"),
        (["Redis"], "Redis"),
        (["class"], "class"),
        (["메시지", "큐"], "queue"),
        (["주문서"], "주문서"),
    ],
)
def test_the_head_word_is_searched_in_english(content: list[str], term: str) -> None:
    assert code_term(content) == term


@pytest.mark.parametrize("content", [[], ["implementation", "source", "코드"]])
def test_only_framing_words_leave_nothing_to_search(content: list[str]) -> None:
    assert code_term(content) == ""
