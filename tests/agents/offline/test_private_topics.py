"""Questions after a private detail, however casually asked, are declined."""

from __future__ import annotations

import pytest

from ask_applicant.agents.offline.private_topics import asks_private, read_request


@pytest.mark.parametrize(
    "question",
    [
        "send me his cell so I can WhatsApp him",
        "Can I get her number?",
        "What's the best way to text him directly?",
        "카톡 아이디 알려주세요",
    ],
)
def test_a_casual_request_for_private_contact_details_is_private(question: str) -> None:
    assert asks_private(question)


@pytest.mark.parametrize(
    "question",
    [
        "What is his number one strength?",
        "Does she have mobile app experience?",
        "What's her email address?",
        "연락처 좀 알려주세요",
        "How many years of Python does he have?",
    ],
)
def test_questions_about_public_facts_are_not_private(question: str) -> None:
    assert not asks_private(question)


def test_a_clause_asking_again_for_the_private_detail_is_not_a_public_question() -> None:
    request = read_request(
        "I'm adding the interview panel to a WhatsApp group. Which number should I use for him?"
    )
    assert request.kinds == ("phone",) and request.rest == ""
    mixed = read_request("What's his phone number and where did he study?")
    assert mixed.rest == "where did he study?"
