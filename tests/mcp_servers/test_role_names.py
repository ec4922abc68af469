"""Role abbreviations expand both ways, without catching ordinary words."""

from __future__ import annotations

import pytest

from ask_applicant.mcp_servers.role_names import expand_role


@pytest.mark.parametrize(
    ("role", "expanded"),
    [
        ("SRE", "SRE site reliability engineer"),
        ("sre", "sre site reliability engineer"),
        ("Senior SRE (Seoul)", "Senior SRE (Seoul) site reliability engineer"),
        ("Site Reliability Engineer", "Site Reliability Engineer SRE"),
        ("site reliability engineer, payments", "site reliability engineer, payments SRE"),
        ("PM", "PM product manager"),
        ("Machine Learning Engineer", "Machine Learning Engineer MLE ML"),
        ("백엔드 SWE", "백엔드 SWE software engineer"),
        ("backend engineer", "backend engineer BE"),
    ],
)
def test_a_role_gains_the_other_form_of_its_abbreviations(role: str, expanded: str) -> None:
    assert expand_role(role) == expanded


@pytest.mark.parametrize(
    "role", ["pm shift lead", "Engineer de données", "SREX platform", "Backend", ""]
)
def test_words_that_only_look_like_abbreviations_are_left_alone(role: str) -> None:
    assert expand_role(role) == role


def test_a_long_role_with_emoji_and_korean_gains_each_addition_once() -> None:
    role = "🚀 사이트 신뢰성 SRE " * 50
    assert expand_role(role) == role + " site reliability engineer"
