"""Reading what a question asks for from its grammar, in English and Korean."""

from __future__ import annotations

import pytest

from ask_applicant.agents.offline.intent import Intent, asks_for_several, classify, subject_terms


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Has she ever shipped a mobile app?", Intent.YES_NO),
        ("도커 써 본 적 있나요?", Intent.YES_NO),
        ("How long did you stay at the bank?", Intent.DURATION),
        ("그 회사에는 얼마나 다녔어요?", Intent.DURATION),
        ("When did he join the startup?", Intent.WHEN),
        ("What was his start date at Quellwerk?", Intent.WHEN),
        ("What's her job title?", Intent.CURRENT),
        ("직함이 뭐예요?", Intent.CURRENT),
        ("졸업은 언제 했어요?", Intent.WHEN),
        ("Where is the candidate located?", Intent.WHERE),
        ("요즘 다니는 직장은?", Intent.CURRENT),
        ("What's her current title?", Intent.CURRENT),
        ("Which frameworks has he used?", Intent.LIST),
        ("Tell me about the billing system.", Intent.DESCRIBE),
        ("결제 시스템에 대해 설명해 주세요.", Intent.DESCRIBE),
    ],
)
def test_a_question_is_read_by_what_it_asks_for(question: str, intent: Intent) -> None:
    assert classify(question) is intent


def test_a_pasted_job_posting_asks_for_a_list_of_matches() -> None:
    posting = "We are hiring a data engineer. " * 10 + "Would she fit?"
    assert classify(posting) is Intent.LIST


def test_the_subject_of_a_yes_no_question_leaves_out_its_grammar() -> None:
    assert subject_terms("Does he know Svelte?") == ["svelt"]


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("How big was the data team?", Intent.AMOUNT),
        ("How many customers used the app?", Intent.AMOUNT),
        ("개발팀 규모는 어느 정도예요?", Intent.AMOUNT),
        ("몇 명이랑 같이 일했어요?", Intent.AMOUNT),
        # A duration, not a count in a line: the years tool's total is the answer.
        ("How many years of Rust do you have?", Intent.DURATION),
        ("Kotlin 몇 년 했어요?", Intent.DURATION),
        ("Swift 경력이 얼마나 돼요?", Intent.DURATION),
        # A request, not whether it can be done.
        ("Could you describe her thesis?", Intent.DESCRIBE),
        ("Can you list his certifications?", Intent.LIST),
        ("Can he start next month?", Intent.YES_NO),
        # "어때요" asks how, not whether.
        ("스페인어 실력은 어때요?", Intent.DESCRIBE),
    ],
)
def test_amounts_requests_and_how_questions_are_told_apart(question: str, intent: Intent) -> None:
    assert classify(question) is intent


@pytest.mark.parametrize(
    ("question", "several"),
    [
        ("Has she given any conference talks?", True),
        ("Does he hold any AWS certifications?", True),
        ("Does he know Rails?", False),
        ("Is there any project with Rust?", False),
    ],
)
def test_a_yes_no_about_any_xs_wants_each_of_them(question: str, several: bool) -> None:
    assert asks_for_several(question) is several


def test_the_sentence_that_asks_decides_what_is_asked() -> None:
    assert classify("We're in London. Would he relocate for the role?") is Intent.YES_NO
    assert classify("I see a gap in 2014. What was he doing then?") is Intent.DESCRIBE
    assert classify("해커톤에서 뭘 만들었어요?") is Intent.DESCRIBE


def test_a_plural_after_a_verb_of_making_asks_for_each_one() -> None:
    assert asks_for_several("Did she publish papers?")
    assert asks_for_several("Has she won awards?")
    assert not asks_for_several("Does she know Kubernetes?")


def test_a_korean_question_whether_there_are_projects_wants_each_one() -> None:
    assert asks_for_several("깃헙에 올린 오픈소스 프로젝트 있어요?")
    assert not asks_for_several("파이썬 써 봤어요?")


def test_whether_then_which_is_a_yes_no_but_whether_then_how_long_asks_the_time() -> None:
    assert classify("Does she have a master's degree? In what field?") is Intent.YES_NO
    assert classify("Does he know Go? How many years?") is Intent.DURATION


def test_any_this_or_that_wants_each_of_them() -> None:
    assert asks_for_several("Is she involved in any community or volunteer work?")
