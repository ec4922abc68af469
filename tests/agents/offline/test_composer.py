"""The composer writes extractive answers in the profile's voice, and the help message."""

from __future__ import annotations

from ask_applicant.agents.offline import composer
from ask_applicant.agents.offline.evidence import Evidence, Fact
from ask_applicant.agents.offline.intent import classify
from ask_applicant.agents.offline.voice import Voice

EVIDENCE = Evidence(
    facts=[Fact("work[0]", "Backend Engineer at Toss, 2021-03 – present")],
    notes=["About 4 years in total."],
)
NAMED = Voice(person="third_person", name="Kim Minji")
TWO_JOBS = Evidence(
    facts=[
        Fact("work[0]", "Backend Engineer at Toss, 2021-03 – present"),
        Fact("work[1]", "Intern at Naver, 2020-01 – 2020-06"),
    ]
)


def test_first_person_answers_list_facts_with_sources() -> None:
    text = composer.answer(EVIDENCE, Voice(), korean=False)
    assert text.splitlines() == [
        "Here is what I can tell you:",
        "Note: About 4 years in total.",
        "- Backend Engineer at Toss, 2021-03 – present (work[0])",
    ]


def test_third_person_answers_name_the_applicant() -> None:
    assert composer.answer(EVIDENCE, NAMED, korean=False).startswith(
        "Here is what the profile says about Kim Minji:"
    )
    assert composer.answer(TWO_JOBS, NAMED, korean=True).startswith(
        "Kim Minji님의 프로필에 따르면:"
    )


def test_korean_questions_get_a_korean_frame() -> None:
    assert composer.answer(TWO_JOBS, Voice(), korean=True).startswith("제 프로필에 따르면:")
    # The tool's English note and frames are not mixed into a Korean answer, and one
    # fact is the answer itself, with no opening over it.
    text = composer.answer(EVIDENCE, Voice(), korean=True)
    assert text == "Backend Engineer at Toss, 2021년 3월 – 현재 (work[0])"


def test_without_facts_the_answer_says_plainly_that_the_profile_does_not_hold_it() -> None:
    assert composer.answer(Evidence(), Voice(), korean=False) == (
        "I'm sorry, my profile does not hold the answer to that question."
    )
    assert "Kim Minji's profile does not hold" in composer.answer(Evidence(), NAMED, korean=False)
    assert "정보가 없습니다" in composer.answer(Evidence(), Voice(), korean=True)


def test_the_help_message_lists_the_areas() -> None:
    areas = [
        composer.area_line(
            "Handoff to the Resume agent to handle the request. Education and skills.", "Resume"
        )
    ]
    assert areas == ["Education and skills."]
    text = composer.help_message(areas, Voice(), korean=False)
    assert text.splitlines()[1] == "- Education and skills."
    assert composer.help_message(areas, Voice(), korean=True).startswith("저에 대해")


def test_an_area_without_a_description_is_named_by_its_agent() -> None:
    assert (
        composer.area_line("Handoff to the Career agent to handle the request. ", "Career")
        == "Career"
    )


def test_a_long_fact_is_clipped_at_a_word_and_keeps_its_source() -> None:
    long = Evidence(facts=[Fact("projects/chat-service.md", "word " * 400)])
    line = composer.answer(long, Voice(), korean=False)
    assert line.startswith("word word") and line.endswith("word … (projects/chat-service.md)")
    assert len(line) < composer.MAX_FACT_CHARS + 40


JOBS = Evidence(
    facts=[
        Fact("work[0]", "Senior Developer at Fernleaf (2023-02 – present) Builds the app. URL: x"),
        Fact("work[1]", "Designer at Kitebox (2016-09 – 2021-02) Designed banking apps in Figma."),
    ]
)


def test_a_list_of_companies_names_each_job_by_heading_and_period() -> None:
    for question, korean in (
        ("Which companies has she worked for?", False),
        ("어떤 회사들에서 일했어요?", True),
    ):
        text = composer.answer(
            JOBS, Voice(), korean=korean, question=question, intent=classify(question)
        )
        assert "Builds the app" not in text and "Figma" not in text, text
        assert "(work[0])" in text and "(work[1])" in text
    question = "Which design tools has she worked with?"
    text = composer.answer(
        JOBS, Voice(), korean=False, question=question, intent=classify(question)
    )
    assert "Figma" in text  # what is listed is in the entries' text, so the text stays


def test_a_question_naming_one_network_gets_that_link_only() -> None:
    links = Evidence(
        facts=[
            Fact(
                "basics.profiles",
                "profiles: GitHub hcole https://github.com/hcole; LinkedIn hc https://linkedin.com/in/hc",
            )
        ]
    )
    assert composer.answer(links, Voice(), korean=False, question="What's her LinkedIn?") == (
        "profiles: LinkedIn hc https://linkedin.com/in/hc (basics.profiles)"
    )
    korean = composer.answer(links, Voice(), korean=True, question="깃허브 주소 알려주세요")
    assert korean == "프로필: GitHub hcole https://github.com/hcole (basics.profiles)"


def test_a_network_named_is_answered_with_its_link_alone() -> None:
    basics = Evidence(
        facts=[
            Fact("basics.url", "url: https://seojin.example.dev"),
            Fact("basics.summary", "summary: A security engineer."),
            Fact("basics.profiles", "profiles: GitHub ys https://github.com/ys"),
        ]
    )
    question = "What's her GitHub?"
    text = composer.answer(
        basics, Voice(), korean=False, question=question, intent=classify(question)
    )
    assert text == "profiles: GitHub ys https://github.com/ys (basics.profiles)"
