from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from ask_applicant.profile import Profile
from ask_applicant.tools.career import (
    ask_faq,
    assess_job_fit,
    get_work_history,
    years_of_experience,
)

MakeProfile = Callable[..., Profile]
TODAY = date(2025, 1, 15)


def test_work_history_lists_jobs_then_volunteering_with_a_total(sample: Profile) -> None:
    result = get_work_history(sample, today=TODAY)
    sources = [fact.source for fact in result.facts]
    assert sources == ["work[0]", "work[1]", "work[2]", "work[3]", "volunteer[0]"]
    assert "2022-03-02 – present" in result.facts[0].text
    assert result.note == (
        "Jobs cover about 9.0 years in total, overlaps counted once. "
        "Gaps between jobs: 2016-01-01 – 2016-06-30."
    )


def test_years_of_experience_merges_overlapping_jobs_and_projects(
    make_profile: MakeProfile,
) -> None:
    profile = make_profile(
        {
            "work": [
                {
                    "name": "A",
                    "summary": "Go services",
                    "startDate": "2015-01",
                    "endDate": "2016-12",
                },
                {
                    "name": "B",
                    "summary": "golang and k8s",
                    "startDate": "2016-01",
                    "endDate": "2017-12",
                },
                {"name": "C", "summary": "Java only", "startDate": "2018-01", "endDate": "2019-12"},
                {"name": "D", "summary": "Go again", "startDate": "2024-01-15"},
            ],
            "projects": [
                {"name": "P", "keywords": ["Go"], "startDate": "2017-07", "endDate": "2018-06"},
                {"name": "Q", "keywords": ["Go"]},
            ],
        }
    )
    result = years_of_experience(profile, skill="Go", today=TODAY)
    summary = result.facts[0]
    # 2015-01..2018-06 merged (3.5 years) plus 2024-01-15..2025-01-15 (1.0 year).
    assert summary.text.startswith("Go: about 4.5 years of experience, from 4 jobs/projects")
    assert summary.source == "work[0], work[1], work[3], projects[0]"
    assert "2015-01-01 – 2018-06-30; 2024-01-15 – 2025-01-15" in summary.text
    assert [fact.source for fact in result.facts[1:]] == [
        "work[0]",
        "work[1]",
        "work[3]",
        "projects[0]",
    ]
    assert result.note == "Not counted (no valid start date): projects[1]."


def test_years_of_experience_understands_korean_skill_names(sample: Profile) -> None:
    english = years_of_experience(sample, skill="Kubernetes", today=TODAY).facts[0]
    korean = years_of_experience(sample, skill="쿠버네티스", today=TODAY).facts[0]
    assert (
        english.source == korean.source == "work[0], work[1], projects[0], projects[1], projects[2]"
    )
    assert "about 6.0 years" in korean.text


def test_a_current_job_counts_until_today(sample: Profile) -> None:
    kafka = years_of_experience(sample, skill="Kafka", today=TODAY).facts[0]
    assert "2022-03-02 – 2025-01-15" in kafka.text and "about 2.9 years" in kafka.text


@pytest.mark.parametrize(
    ("skill", "note"),
    [
        ("Haskell", "No dated job or project mentions that skill."),
        ("", "Name a skill, e.g. Python, Kafka or 결제."),
        ("🔥", "Name a skill, e.g. Python, Kafka or 결제."),
    ],
)
def test_an_unknown_skill_gives_a_clear_note(sample: Profile, skill: str, note: str) -> None:
    result = years_of_experience(sample, skill=skill, today=TODAY)
    assert result.facts == [] and result.note == note


def test_a_skill_mentioned_only_without_dates_points_at_where(sample: Profile) -> None:
    note = years_of_experience(sample, skill="RabbitMQ", today=TODAY).note
    assert note == (
        "No dated job or project mentions that skill. It is mentioned in skills[3], without dates."
    )


def test_job_fit_separates_matched_and_missing_skills_with_evidence(sample: Profile) -> None:
    description = (
        "Senior backend engineer. 5+ years with Python and FastAPI, Kafka, Kubernetes; "
        "experience with Rust or GraphQL is a plus. 결제 도메인 경험 우대."
    )
    result = assess_job_fit(sample, job_description=description, today=TODAY)
    matched = {f.text.split(" — ")[0]: f for f in result.facts if f.text.startswith("Matched")}
    missing = [f.text.split(" — ")[0] for f in result.facts if f.text.startswith("Missing")]
    assert set(matched) == {"Matched: Python", "Matched: FastAPI", "Matched: Kafka",
                            "Matched: Kubernetes", "Matched: 결제"}  # fmt: skip
    assert missing == ["Missing: rust", "Missing: graphql"]
    assert "skills[0]" in matched["Matched: Python"].source
    assert "About 9.0 years" in matched["Matched: Python"].text
    assert "certificates[2]" in matched["Matched: Kubernetes"].source
    assert result.note == "5 of 7 skills in the job description are shown in the profile (71%)."


def test_job_fit_reads_a_korean_job_description(sample: Profile) -> None:
    result = assess_job_fit(
        sample, job_description="파이썬, 쿠버네티스, 카프카 경험자. 정산 시스템 개발", today=TODAY
    )
    assert [f.text.split(" — ")[0] for f in result.facts] == [
        "Matched: Python", "Matched: Kafka", "Matched: Kubernetes", "Matched: 정산",
    ]  # fmt: skip


def test_job_fit_without_recognisable_skills_says_so(sample: Profile) -> None:
    for text in ["", "We value kindness 🙂", "x" * 50_000]:
        result = assess_job_fit(sample, job_description=text)
        assert result.facts == []
        assert result.note == "No recognisable skills or technologies in the job description."


def test_job_fit_on_the_official_sample(official: Profile) -> None:
    result = assess_job_fit(
        official, job_description="Frontend: JavaScript, CSS, React", today=TODAY
    )
    texts = [fact.text.split(" — ")[0] for fact in result.facts]
    assert texts == ["Matched: CSS", "Matched: Javascript", "Missing: react"]


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Why are you leaving your current job?", "faq[0]"),
        ("이직 사유가 궁금합니다", "faq[0]"),
        ("What kind of role do you want?", "faq[1]"),
        ("희망 연봉은 얼마인가요? 💰", "faq[4]"),
        ("When could you start? notice period", "faq[4]"),
        ("재택 근무 가능한가요", "faq[5]"),
        ("What is your working style in a team?", "faq[3]"),
        ("커리어 목표가 뭐예요", "faq[2]"),
    ],
)
def test_faq_lookup_answers_english_and_korean(sample: Profile, question: str, source: str) -> None:
    result = ask_faq(sample, question=question)
    assert result.facts[0].source == source, [f.source for f in result.facts]
    assert result.facts[0].text.startswith("Q: ")


def test_faq_without_a_match_lists_the_prepared_topics(sample: Profile) -> None:
    note = ask_faq(sample, question="Favourite pizza topping?").note
    assert note and note.startswith("No prepared answer matches. Prepared topics: Why are you")


def test_a_profile_without_faq_says_so(official: Profile) -> None:
    assert ask_faq(official, question="why change jobs").note == (
        "The applicant has not prepared FAQ answers."
    )


def test_years_of_a_skill_count_a_job_that_writes_it_in_the_other_script(
    make_profile: MakeProfile,
) -> None:
    profile = make_profile(
        {
            "work": [
                {
                    "name": "솔빛",
                    "summary": "옵스 팀에서 테라폼과 데브옵스 파이프라인을 운영했습니다.",
                    "startDate": "2020-01",
                    "endDate": "2021-12",
                },
                {"name": "Acme", "summary": "Go services.", "startDate": "2022-01"},
            ],
            "skills": [{"name": "Ops", "keywords": ["DevOps"]}],
        }
    )
    result = years_of_experience(profile, skill="DevOps", today=TODAY)
    assert result.facts and result.facts[0].text.startswith("DevOps: about 2.0 years")
    assert result.facts[0].source == "work[0]"
    # A short name links nothing across scripts: "Go" is not "고" of some Korean word.
    assert years_of_experience(profile, skill="Go", today=TODAY).facts[0].source == "work[1]"


def test_what_the_applicant_is_looking_for_comes_from_the_summary_without_an_faq() -> None:
    from ask_applicant.tools.conditions import speaking_of

    resume = {"basics": {"summary": "Backend engineer. Looking for a staff role in fintech."}}
    topic, found = speaking_of(resume, "What is he looking for next?")
    assert topic is not None and topic.key == "goal"
    assert [fact.text for fact in found] == ["Looking for a staff role in fintech."]


def test_a_career_break_is_explained_by_the_summary_sentence_that_says_so() -> None:
    from ask_applicant.tools.conditions import speaking_of

    resume = {
        "basics": {"summary": "Engineer. Took a one-year career break for a trip round the world."}
    }
    topic, found = speaking_of(resume, "1년 정도 공백기가 있던데 무슨 이유였나요?")
    assert topic is not None and topic.key == "gap"
    assert [fact.text for fact in found] == [
        "Took a one-year career break for a trip round the world."
    ]


def test_when_she_can_start_is_a_notice_question_not_an_office_one() -> None:
    from ask_applicant.tools.conditions import asked

    found = asked("합격하면 언제부터 출근할 수 있어요? 노티스 기간이 있나요?")
    assert found is not None and found.key == "notice"
    remote = asked("원격 근무 가능한가요?")
    assert remote is not None and remote.key == "remote"


def test_an_activity_counts_the_jobs_of_those_who_do_it_in_either_script(
    make_profile: MakeProfile,
) -> None:
    profile = make_profile(
        {
            "work": [
                {"name": "한빛", "position": "Data Engineer", "startDate": "2022-01"},
                {
                    "name": "다온",
                    "position": "데이터 엔지니어",
                    "startDate": "2019-01",
                    "endDate": "2021-12",
                },
                {
                    "name": "Acme",
                    "position": "Analyst",
                    "startDate": "2017-01",
                    "endDate": "2018-12",
                },
            ]
        }
    )
    result = years_of_experience(profile, skill="data engineering", today=TODAY)
    assert [fact.source for fact in result.facts[1:]] == ["work[0]", "work[1]"]


def test_jobs_that_follow_each_other_leave_no_gap(make_profile: MakeProfile) -> None:
    profile = make_profile(
        {
            "work": [
                {"name": "Pixel", "startDate": "2022-04"},
                {"name": "Kettle", "startDate": "2020-09", "endDate": "2022-03"},
            ]
        }
    )
    assert get_work_history(profile, today=TODAY).note == (
        "Jobs cover about 4.4 years in total, overlaps counted once. "
        "No gap between jobs longer than a month."
    )


def test_two_titles_at_one_employer_are_noted_as_a_role_change(make_profile: MakeProfile) -> None:
    profile = make_profile(
        {
            "work": [
                {"name": "Ironbark", "position": "Senior Engineer", "startDate": "2020-07-01"},
                {"name": "Coral", "position": "Technician", "startDate": "2015-02"},
                {
                    "name": "ironbark ",
                    "position": "Engineer",
                    "startDate": "2017-08",
                    "endDate": "2020-06",
                },
            ]
        }
    )
    assert get_work_history(profile, today=TODAY).note.endswith(
        "Role changes within one employer: at Ironbark, from Engineer to Senior Engineer "
        "on 2020-07-01."
    )


def test_job_fit_names_the_jobs_and_projects_that_show_a_skill(
    sample: Profile, make_profile: MakeProfile
) -> None:
    result = assess_job_fit(sample, job_description="Kafka", today=TODAY)
    assert result.facts[0].text.startswith(
        "Matched: Kafka — Haneul Pay (하늘페이), Settlement Pipeline. About 2.9 years"
    )
    assert result.facts[0].source == "work[0], publications[1], skills[3], projects[1]"
    # Shown only in the summary and the skills: the sources say where.
    summary = make_profile(
        {"basics": {"summary": "I write Go."}, "skills": [{"name": "Go", "keywords": ["gRPC"]}]}
    )
    other = assess_job_fit(summary, job_description="Go and gRPC", today=TODAY)
    assert [fact.text for fact in other.facts] == [
        "Matched: Go — shown in basics.summary, skills[0].",
        "Matched: gRPC — shown in skills[0].",
    ]


def test_the_day_a_job_began_is_no_notice_period() -> None:
    from ask_applicant.tools.conditions import asked

    for question in ["현재 회사 입사일이 언제예요?", "What was his start date at Quellwerk?"]:
        assert asked(question) is None, question
    salary = asked("희망 연봉은 얼마예요?")
    assert salary is not None and salary.key == "salary"
    for question in ["입사일은 언제 가능해요?", "When can he start?", "What's his notice period?"]:
        topic = asked(question)
        assert topic is not None and topic.key == "notice", question


@pytest.mark.parametrize(
    ("field", "titles", "counted"),
    [
        # QA and embedded are named by what their people do.
        ("QA", ["QA 자동화 리드", "테스트 엔지니어", "Firmware Engineer"], ["work[0]", "work[1]"]),
        ("embedded", ["QA 자동화 리드", "테스트 엔지니어", "Firmware Engineer"], ["work[2]"]),
        (
            "security",
            ["모의해킹 컨설턴트 (보안)", "보안관제 인턴", "Backend Developer"],
            ["work[0]", "work[1]"],
        ),
        (
            "freelancing",
            ["Contract Developer", "Subcontracted Developer", "Full-Stack Developer"],
            ["work[0]", "work[1]"],
        ),
    ],
)
def test_a_field_counts_the_jobs_named_by_what_their_people_do(
    make_profile: MakeProfile, field: str, titles: list[str], counted: list[str]
) -> None:
    periods = [("2023-03", None), ("2018-07", "2020-12"), ("2016-01", "2018-06")]
    work = [
        {"name": f"E{i}", "position": title, "startDate": start, "endDate": end}
        for i, (title, (start, end)) in enumerate(zip(titles, periods, strict=True))
    ]
    result = years_of_experience(make_profile({"work": work}), skill=field, today=TODAY)
    assert [fact.source for fact in result.facts[1:]] == counted


@pytest.mark.parametrize(
    ("text", "notice"),
    [
        ("현 직장 인수인계 때문에 입사까지 약 2개월이 필요합니다.", True),
        ("프로젝트 마무리 일정 때문에 입사는 2027년 2월 이후 가능합니다.", True),
        ("푸른손해보험 입사는 언제였나요?", False),
    ],
)
def test_korean_sentences_on_the_time_to_join_are_the_notice(text: str, notice: bool) -> None:
    from ask_applicant.tools.conditions import TOPICS

    topic = next(topic for topic in TOPICS if topic.key == "notice")
    assert bool(topic.cues(text)) is notice
