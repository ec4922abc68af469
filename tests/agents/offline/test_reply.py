"""Answers shaped by the question: yes or no first, a duration, a period, the current job."""

from __future__ import annotations

from datetime import date

from ask_applicant.agents.offline.evidence import Evidence, Fact
from ask_applicant.agents.offline.intent import classify
from ask_applicant.agents.offline.reply import compose
from ask_applicant.agents.offline.wording import named_thing

JOBS = Evidence(
    facts=[
        Fact("work[0]", "CTO at 바람물류 (2021-03 – present) 물류 스타트업을 공동 창업했습니다."),
        Fact("work[1]", "백엔드 개발자 at 네이버 (2016-07 – 2021-02) 검색 광고 정산 시스템."),
        Fact("work[2]", "Intern at Orbit Bank (2015-06 – 2015-12) Risk reports."),
    ]
)
TODAY = date(2026, 11, 27)


def shaped(evidence: Evidence, question: str, *, korean: bool = False) -> str:
    """The answer `compose` shapes from `evidence` for `question` (it must shape one)."""
    text = compose(evidence, question, classify(question), korean=korean, today=TODAY)
    assert text is not None, question
    return text


def answer(question: str, *, korean: bool = False) -> str:
    """The answer shaped from the three jobs of `JOBS`."""
    return shaped(JOBS, question, korean=korean)


def test_how_long_gives_the_time_at_the_employer_named_in_the_other_script() -> None:
    text = answer("How long was he at Naver?")
    assert text.startswith("About 4 years and 8 months (2016-07 – 2021-02)")
    assert "(work[1])" in text and "바람물류" not in text


def test_a_korean_duration_is_korean_throughout() -> None:
    text = answer("네이버에 얼마나 있었어요?", korean=True)
    assert text.startswith("4년 8개월입니다 (2016년 7월 – 2021년 2월).")
    assert " at " not in text


def test_a_yes_no_question_starts_with_yes_and_the_fact_that_says_so() -> None:
    text = answer("Did he intern at Orbit Bank?")
    assert text == "Yes. Intern at Orbit Bank (2015-06 – 2015-12) Risk reports. (work[2])"


def test_a_yes_no_question_about_something_absent_starts_with_no() -> None:
    assert answer("Has he used Elixir?") == "No, the profile does not mention Elixir."
    assert answer("엘릭서 써 봤나요?", korean=True) == "아니요, 프로필에는 그런 내용이 없습니다."


def test_the_current_role_is_the_job_without_an_end() -> None:
    text = answer("What is his current position?")
    assert text.startswith("CTO at 바람물류") and "네이버" not in text


def test_before_a_job_is_the_job_that_started_just_before_it() -> None:
    text = answer("When did he work before Naver?")
    assert "Orbit Bank" in text and "2015-06 – 2015-12" in text


def test_a_yes_no_question_whose_tools_found_nothing_is_not_answered_no() -> None:
    # "No" is said when a listing lacks the thing (the skills without Vue) or when the
    # profile never mentions it (the planner's lexicon); with no facts at all it would
    # claim too much: "Can she relocate?" is not answered "No" because no FAQ covers it.
    from ask_applicant.agents.offline import composer
    from ask_applicant.agents.offline.voice import Voice

    nothing = Evidence(notes=["The applicant has not prepared FAQ answers."])
    question = "Is she able to relocate to Berlin?"
    text = composer.answer(
        nothing, Voice(), korean=False, question=question, intent=classify(question)
    )
    assert text == (
        "I'm sorry, my profile does not hold the answer to that question.\n"
        "Note: I have not prepared FAQ answers."
    )


TWO_ROLES = Evidence(
    facts=[
        Fact("work[1]", "Developer at Fernleaf Health (2021-06 – 2023-01) Booking flows."),
        Fact("work[0]", "Senior Developer at Fernleaf Health (2023-02 – present) Scheduling."),
        Fact("work[2]", "Product Designer at Kitebox Studio (2016-09 – 2021-02) Banking apps."),
    ]
)


def test_how_long_at_an_employer_with_two_roles_counts_both() -> None:
    question = "How long has she been at Fernleaf Health?"
    text = shaped(TWO_ROLES, question)
    assert text.startswith("About 5 years and 6 months (2021-06 – present).")
    assert "(work[0])" in text and "(work[1])" in text and "Kitebox" not in text


def test_a_tools_total_over_two_roles_is_the_duration_asked_for() -> None:
    totals = Evidence(
        facts=[
            Fact("work[1]", "Developer at Fernleaf Health: 2021-06-01 – 2023-01-31 (1.7 years)."),
            Fact("work[0]", "Senior at Fernleaf Health: 2023-02-01 – 2026-11-27 (3.8 years)."),
            Fact(
                "work[0], work[1]",
                "Fernleaf: about 5.5 years of experience, from 2 jobs/projects (work[0], work[1]);"
                " overlapping periods counted once (2021-06-01 – 2026-11-27).",
            ),
        ]
    )
    assert shaped(totals, "How long has she been at Fernleaf Health?").startswith(
        "Fernleaf: about 5 years and 6 months (2021-06-01"
    )


def test_a_korean_duration_over_two_roles_is_korean() -> None:
    assert shaped(TWO_ROLES, "Fernleaf Health에서 얼마나 일했어요?", korean=True).startswith(
        "5년 6개월입니다 (2021년 6월 – 현재)."
    )


DEGREES = Evidence(
    facts=[
        Fact(
            "education[0]", "BSc, Economics — McMaster University (2012-09 – 2016-05) Score: 3.6."
        ),
        Fact(
            "education[1]",
            "Certificate, iOS Development — Harbourfront Academy (2019-01 – 2019-04)",
        ),
    ]
)


def test_no_to_a_degree_names_the_degrees_held() -> None:
    question = "Does she hold a computer science degree?"
    text = shaped(DEGREES, question)
    assert text.startswith("No, the profile does not mention")
    assert "BSc, Economics — McMaster University (education[0])" in text


def test_a_korean_no_to_a_degree_names_the_degrees_held_in_korean_frames() -> None:
    question = "컴퓨터공학 학위 있어요?"
    text = shaped(DEGREES, question, korean=True)
    assert text.startswith("아니요")
    assert "프로필에 있는 내용: BSc, Economics" in text


def test_a_korean_question_whether_there_are_any_lists_each_one() -> None:
    repos = Evidence(
        facts=[
            Fact(
                "projects[0]",
                "ledger-outbox (2024-02 – present) 라이브러리. URL: https://github.com/d/ledger-outbox",
            ),
            Fact(
                "projects[1]",
                "canary-lab (2023-09 – present) 실습 저장소. URL: https://github.com/d/canary-lab",
            ),
        ]
    )
    question = "깃허브에 올려 둔 프로젝트가 있나요?"
    text = shaped(repos, question, korean=True)
    assert text.startswith("예.")
    assert "ledger-outbox" in text and "canary-lab" in text


def test_what_he_did_in_a_year_is_the_entry_of_that_year() -> None:
    text = answer("What was he doing in 2018?")
    assert text.startswith("백엔드 개발자 at 네이버 (2016-07 – 2021-02)")
    assert "바람물류" not in text and "Orbit" not in text


def test_a_year_no_entry_covers_is_told_with_the_entries_around_it() -> None:
    gap = Evidence(facts=[JOBS.facts[1], JOBS.facts[2]])
    question = "2016년에는 뭐 하셨어요?"
    text = shaped(gap, question, korean=True)
    assert text.startswith("네이버 · 백엔드 개발자")  # 2016-07 – 2021-02 covers 2016
    question = "What was he doing in 2022?"
    text = shaped(gap, question)
    assert text.startswith("The profile lists nothing for 2022.")
    assert "네이버" in text


def test_when_one_of_two_roles_at_an_employer_is_named_only_that_role_is_dated() -> None:
    assert shaped(TWO_ROLES, "When did she become Senior Developer?").startswith(
        "2023-02 – present."
    )
    assert shaped(TWO_ROLES, "시니어 개발자는 언제부터 맡았어요?", korean=True).startswith(
        "2023년 2월 – 현재입니다."
    )


def test_when_she_started_at_an_employer_with_two_roles_is_the_first_start() -> None:
    assert shaped(TWO_ROLES, "When did she start at Fernleaf Health?").startswith(
        "2021-06 – present."
    )


SKILLS = Evidence(
    facts=[
        Fact("skills[0]", "Front end (Advanced) Keywords: React; TypeScript."),
        Fact("skills[1]", "Design (Expert) Keywords: Figma; Accessibility."),
        Fact("skills[2]", "Back end (Intermediate) Keywords: Node.js."),
    ]
)


def test_the_strongest_skill_is_the_one_at_the_highest_level() -> None:
    for question, korean in (("What's her strongest skill?", False), ("주력 기술이 뭐예요?", True)):
        text = shaped(SKILLS, question, korean=korean)
        assert text.startswith("Design (Expert)"), question
        assert "React" not in text


def test_who_she_worked_for_before_an_employer_with_two_roles_is_the_job_before_both() -> None:
    assert shaped(TWO_ROLES, "Who did she work for before Fernleaf Health?").startswith(
        "Product Designer at Kitebox Studio"
    )
    assert shaped(TWO_ROLES, "What did she do after Kitebox Studio?").startswith(
        "Developer at Fernleaf Health (2021-06"
    )


def test_a_present_tense_yes_no_is_answered_by_the_entry_going_on_now() -> None:
    assert shaped(TWO_ROLES, "Is she a developer?").startswith(
        "Yes. Senior Developer at Fernleaf Health"
    )


def test_the_biggest_achievement_is_the_highlights_with_numbers_first() -> None:
    done = Evidence(
        facts=[
            Fact(
                "work[0]",
                "Lead at Nuri (2023-04 – present) Core banking. Highlights: Mentored juniors; "
                "Tripled throughput (1,200 → 3,600 per second).",
            ),
            Fact(
                "work[1]",
                "Developer at Haneul (2019-07 – 2023-03) Orders. Highlights: Batch time 6 hours"
                " → 50 minutes. URL: https://haneul.example.com",
            ),
        ]
    )
    for question, korean in (
        ("What is his biggest achievement?", False),
        ("가장 큰 성과가 뭐예요?", True),
    ):
        text = shaped(done, question, korean=korean)
        lines = text.splitlines()
        assert lines[0] == "- Tripled throughput (1,200 → 3,600 per second) (work[0])", question
        assert lines[1] == "- Batch time 6 hours → 50 minutes (work[1])"
        assert lines[2] == "- Mentored juniors (work[0])"


def test_a_cut_line_never_ends_on_a_label_whose_value_was_cut_off() -> None:
    from ask_applicant.agents.offline.wording import clip as _clip

    text = "lab-a (2023-09 – present) — 카나리 배포 실습 저장소. URL: https://github.com/d/lab-a"
    assert _clip(text, 60) == "lab-a (2023-09 – present) — 카나리 배포 실습 저장소. …"


def test_a_name_glued_to_a_korean_particle_is_named_without_it() -> None:
    from ask_applicant.agents.offline.wording import no_mention

    assert (
        no_mention("Rust를 써봤어요?", korean=True)
        == "아니요, 프로필에는 Rust 관련 내용이 없습니다."
    )


def test_a_gpa_is_the_score_a_degree_gives_or_said_to_be_absent() -> None:
    question = "What was her GPA?"
    text = shaped(DEGREES, question)
    assert text == "BSc, Economics — McMaster University: Score 3.6 (education[0])"
    bare = Evidence(facts=[DEGREES.facts[1]])
    assert compose(bare, question, classify(question), korean=False, today=TODAY) == (
        "The profile does not mention a GPA."
    )
    assert (
        shaped(bare, "학점이 어떻게 돼요?", korean=True) == "프로필에는 학점 관련 내용이 없습니다."
    )


def test_whether_he_volunteers_anywhere_lists_each_place() -> None:
    places = Evidence(
        facts=[
            Fact("volunteer[0]", "Mentor at Kiezbits (2022-10 – present) Teaches Linux."),
            Fact("volunteer[1]", "Co-organiser at Prometheus Meetup (2021-01 – 2024-12) Meetups."),
        ]
    )
    question = "Does he volunteer anywhere?"
    text = shaped(places, question)
    assert text.startswith("Yes.")
    assert "Kiezbits" in text and "Prometheus Meetup" in text


def test_managing_people_is_not_said_yes_by_a_system_managed() -> None:
    work = Evidence(
        facts=[
            Fact(
                "work[0]",
                "Sysadmin at Brightwater (2015-09 – 2019-02) Puppet for configuration management.",
            ),
            Fact(
                "work[1]", "Engineering Manager at Orbit (2019-03 – present) Managed a team of six."
            ),
        ]
    )
    question = "Has he ever managed people?"
    text = shaped(work, question)
    assert text.startswith("Yes. Engineering Manager at Orbit")
    alone = Evidence(facts=[work.facts[0]])
    text = shaped(alone, question)
    assert text.startswith("No,")


def test_a_job_fit_says_how_much_fits_then_what_matches_and_what_is_missing() -> None:
    fit = Evidence(
        facts=[
            Fact("job_description", "Missing: kubernetes — the profile does not mention it."),
            Fact("skills[0], projects[0]", "Matched: PyTorch — shown in skills[0], projects[0]."),
        ]
    )
    question = "Is she a fit for a role requiring PyTorch and Kubernetes?"
    text = shaped(fit, question)
    assert text.splitlines() == [
        "Partly.",
        "- Matched: PyTorch — shown in skills[0], projects[0].",
        "- Missing: kubernetes — the profile does not mention it.",
    ]
    question = "이 공고에 맞나요?"
    text = shaped(fit, question, korean=True)
    assert text.startswith("일부 맞습니다.")
    assert "일치: PyTorch (skills[0], projects[0])." in text and "Missing" not in text
    tenure = Fact(
        "basics.label, work[0]",
        "Matched: 추천 — shown in basics.label, work[0]. About 5.7 years in dated jobs/projects.",
    )
    assert shaped(Evidence(facts=[tenure]), question, korean=True) == (
        "예. 일치: 추천 (basics.label, work[0]). 날짜가 있는 경력·프로젝트 기준 약 5.7년."
    )


def test_the_job_before_her_current_one_is_the_one_before_the_job_going_on() -> None:
    assert shaped(JOBS, "Where did he work before his current job?").startswith(
        "백엔드 개발자 at 네이버"
    )


def test_how_many_at_the_current_company_counts_in_the_job_going_on() -> None:
    staff = Evidence(
        facts=[
            Fact("work[1]", "Lead at Orbit (2018-01 – 2020-12) Ran a team of 40 people."),
            Fact("work[0]", "CTO at Baram (2021-03 – present) Leads a tech team of 15 people."),
        ]
    )
    question = "지금 회사에서 팀원이 몇 명이에요?"
    text = shaped(staff, question, korean=True)
    assert "15" in text and "40" not in text


def test_where_he_went_after_an_employer_in_korean_is_the_next_job() -> None:
    text = answer("네이버 다음엔 어디로 갔어요?", korean=True)
    assert text.startswith("바람물류")


def test_total_experience_is_the_work_historys_total_not_the_first_job() -> None:
    history = Evidence(
        facts=JOBS.facts, notes=["Jobs cover about 10.2 years in total, overlaps counted once."]
    )
    for question, korean, lead in (
        (
            "How many years of experience does he have in total?",
            False,
            "About 10.2 years in total.",
        ),
        ("How experienced is he?", False, "About 10.2 years in total."),
        ("경력이 총 몇 년이에요?", True, "총 약 10.2년입니다."),
    ):
        text = shaped(history, question, korean=korean)
        assert text.startswith(lead), question
        assert "(work[0])" in text and "(work[2])" in text
    assert shaped(history, "How long was he at Naver?").startswith("About 4 years and 8 months")


def test_links_asked_for_are_kept_in_each_listed_line() -> None:
    long = (
        "An open-source React hook for fuzzy search over Korean strings, "
        "with about 3,000 weekly downloads."
    )
    packages = Evidence(
        facts=[
            Fact(
                "projects[0]",
                f"use-hangul-search (2023-02 – present) {long} URL: https://github.com/h/use-hangul-search",
            ),
            Fact(
                "projects[1]",
                f"next-ko-date (2023-09 – present) {long} URL: https://github.com/h/next-ko-date",
            ),
        ]
    )
    question = "Has she published any packages? Links please."
    text = shaped(packages, question)
    assert text.startswith("Yes.")
    assert (
        "https://github.com/h/use-hangul-search" in text
        and "https://github.com/h/next-ko-date" in text
    )


def test_a_masters_degree_is_an_ms() -> None:
    question = "Does she hold a master's degree?"
    ms = Evidence(
        facts=[
            Fact("education[0]", "MS, Biostatistics — University of Minnesota (2016-09 – 2018-05)")
        ]
    )
    text = shaped(ms, question)
    assert text.startswith("Yes. MS, Biostatistics")
    assert shaped(DEGREES, "Does she have a PhD?").startswith("No,")


CONTRACT = Evidence(
    facts=[
        Fact("work[0]", "Data Analyst (contract) at Oreum Retail (2025-09-01 – present) Reports.")
    ]
)


def test_when_a_job_going_on_ends_is_not_given() -> None:
    assert shaped(CONTRACT, "When does her contract run out?").startswith(
        "No end date is given: it has run since 2025-09-01."
    )
    assert shaped(CONTRACT, "계약은 언제 끝나요?", korean=True).startswith(
        "종료일은 나와 있지 않습니다. 2025년 9월 1일부터"
    )


def test_a_yes_no_about_one_of_a_pair_is_no_when_the_entry_holds_the_other() -> None:
    assert shaped(CONTRACT, "Is her current position a permanent one?").startswith(
        "No. Data Analyst (contract)"
    )
    assert shaped(CONTRACT, "Is she on a contract?").startswith("Yes.")


LANGUAGES = Evidence(
    facts=[
        Fact("languages[0]", "English — Native"),
        Fact("languages[1]", "Yoruba — Conversational"),
        Fact("languages[2]", "French — Basic"),
    ]
)


def test_besides_one_thing_lists_the_others() -> None:
    for question, korean in (
        ("Besides English, what other languages does she speak?", False),
        ("영어 말고 할 줄 아는 언어가 있어요?", True),
    ):
        text = shaped(LANGUAGES, question, korean=korean)
        assert "Yoruba" in text and "French" in text, question
        assert "English" not in text


def test_a_yes_no_about_one_thing_or_another_cites_either() -> None:
    links = Evidence(
        facts=[
            Fact("basics.profiles", "profiles: GitHub tkwon https://github.com/tkwon"),
            Fact("basics.url", "url: https://tkwon.example.dev"),
        ]
    )
    question = "Does he have a personal website or a GitHub I can look at?"
    text = shaped(links, question)
    assert "github.com/tkwon" in text and "tkwon.example.dev" in text


BASICS = Evidence(
    facts=[
        Fact("basics.summary", "summary: QA engineer with ten years of test automation."),
        Fact("basics.email", "email: jiwoo.han@example.com"),
        Fact("basics.location", "location: Seoul, KR"),
        Fact("basics.profiles", "profiles: GitHub jiwoo-qa https://github.com/jiwoo-qa"),
    ]
)


def test_how_to_reach_her_is_the_email_and_links_not_every_basic() -> None:
    text = shaped(BASICS, "What's the best way to reach her about an interview?")
    assert text == (
        "- email: jiwoo.han@example.com (basics.email)\n"
        "- profiles: GitHub jiwoo-qa https://github.com/jiwoo-qa (basics.profiles)"
    )
    korean = shaped(BASICS, "연락은 어떻게 드리면 될까요?", korean=True)
    assert "이메일: jiwoo.han@example.com" in korean and "Seoul" not in korean


def test_a_channel_named_is_the_one_given() -> None:
    assert shaped(BASICS, "What's her email?") == "email: jiwoo.han@example.com (basics.email)"


def test_when_she_joined_an_employer_whose_name_ends_in_a_glossary_noun_is_the_first_start() -> (
    None
):
    # 손해보험 (insurance) ends the name; the name's own syllables still name the entry.
    roles = Evidence(
        facts=[
            Fact("work[1]", "테스트 자동화 엔지니어 at 푸른손해보험 (2021-01 – 2022-11) E2E."),
            Fact("work[2]", "테스트 엔지니어 at 푸른손해보험 (2018-07 – 2020-12) 기능 테스트."),
            Fact("work[0]", "QA 자동화 리드 at 스텔라게임즈 (2023-03 – present) 자동화."),
        ]
    )
    text = shaped(roles, "푸른손해보험 입사는 언제였나요?", korean=True)
    assert text.startswith("2018년 7월") and "스텔라게임즈" not in text


def test_a_korean_question_naming_only_a_degree_level_is_answered_by_the_degrees() -> None:
    schools = Evidence(
        facts=[Fact("education[0]", "학사, 컴퓨터공학 — 한결대학교 (2012-03 – 2016-02)")]
    )
    assert shaped(schools, "4년제 학사 학위 있으신가요?", korean=True).startswith("예. 학사")
    assert shaped(schools, "석사 학위 있어요?", korean=True).startswith("아니요")


def test_a_one_letter_language_is_found_only_as_written() -> None:
    skills = Evidence(facts=[Fact("skills[0]", "Embedded Keywords: C; C++; FreeRTOS; STM32.")])
    assert shaped(skills, "Does he know C?").startswith("Yes. Embedded")
    assert shaped(skills, "Does he know R?") == "No, the profile does not mention R."


def test_when_something_ended_is_its_end_first() -> None:
    school = Evidence(
        facts=[Fact("education[0]", "BS, Computer Science — Arizona (2011-08-01 – 2015-05-01)")]
    )
    assert shaped(school, "When did he graduate?").startswith("2015-05-01. BS")
    assert shaped(school, "언제 졸업했어요?", korean=True).startswith("2015년 5월 1일입니다.")
    assert answer("When did he leave Naver?").startswith("2021-02. 백엔드 개발자 at 네이버")


def test_the_kind_of_employment_is_answered_by_the_job_going_on() -> None:
    jobs = Evidence(
        facts=[
            Fact(
                "work[0]", "Android Developer (part-time, 30 h/week) at Fernweh (2024-05 – present)"
            ),
            Fact("work[1]", "Junior Android Developer at Kiezkarte (2021-06 – 2022-07)"),
        ]
    )
    assert shaped(jobs, "Is she full-time?").startswith("No. Android Developer (part-time")
    assert shaped(jobs, "정규직이에요?", korean=True).startswith("아니요.")
    # Part-time says nothing of a contract.
    assert shaped(jobs, "계약직인가요?", korean=True).startswith("프로필에는 나와 있지 않습니다.")


def test_the_thing_not_mentioned_is_named_without_the_questions_grammar() -> None:
    assert named_thing("certifications hold") == "certifications"
    assert named_thing("COBOL") == "COBOL"
    assert named_thing("does") == "does"  # nothing but grammar: kept as asked


def test_a_korean_question_about_a_group_is_asked_of_an_english_resume() -> None:
    history = Evidence(
        facts=[
            Fact("volunteer[0]", "Judge and mentor at RoboCup Junior (2018-05 – present) Judges."),
            Fact("work[0]", "Robotics Engineer at Harrow (2023-10 – present) Navigation."),
        ]
    )
    text = shaped(history, "회사 일 말고 봉사활동 같은 것도 하세요?", korean=True)
    assert text.startswith("예. RoboCup Junior")


def test_whether_code_is_public_is_answered_by_the_entry_on_a_code_host_first() -> None:
    projects = Evidence(
        facts=[
            Fact(
                "projects[1]",
                "Brick Sorter (2025-01 – present) Arm. URL: https://me.example.dev/b.",
            ),
            Fact(
                "projects[0]", "rowcrop_nav (2024-03 – present) ROS 2. URL: https://github.com/x/r."
            ),
        ]
    )
    assert shaped(projects, "Is any of his code public?").startswith("Yes. rowcrop_nav")


WITH_VOLUNTEERING = Evidence(
    facts=[
        *JOBS.facts,
        Fact("volunteer[0]", "Mentor at Code Club (2023-01 – present) Teaches Scratch."),
    ],
    notes=["Jobs cover about 10.0 years in total, overlaps counted once."],
)


def test_the_current_job_is_a_job_not_a_volunteer_role_held_today() -> None:
    text = shaped(WITH_VOLUNTEERING, "What's his current job title?")
    assert text.startswith("CTO at 바람물류") and "Code Club" not in text
    assert "Code Club" in shaped(WITH_VOLUNTEERING, "Does he volunteer anywhere now?")


def test_time_at_the_current_company_is_the_current_job_not_the_career() -> None:
    text = shaped(WITH_VOLUNTEERING, "How long has he been at his current company?")
    assert text.startswith("About 5 years and 9 months (2021-03 – present).")
    korean = shaped(WITH_VOLUNTEERING, "지금 다니는 회사에서 얼마나 일했어요?", korean=True)
    assert korean.startswith("5년 9개월입니다 (2021년 3월 – 현재).")
    assert shaped(WITH_VOLUNTEERING, "When did he join his current employer?").startswith(
        "2021-03 – present."
    )


def test_the_job_before_the_current_one_is_a_job_not_a_volunteer_role() -> None:
    text = shaped(WITH_VOLUNTEERING, "What did he do before his current job?")
    assert text.startswith("백엔드 개발자 at 네이버 (2016-07 – 2021-02).")


def test_a_korean_question_naming_only_experience_asks_for_the_whole_career() -> None:
    for question in ["경력이 몇 년이에요?", "경력 몇 년 되셨어요?", "실무 경력이 몇 년이에요?"]:
        assert shaped(WITH_VOLUNTEERING, question, korean=True).startswith("총 약 10.0년"), question
    english = shaped(WITH_VOLUNTEERING, "How many years of professional experience does he have?")
    assert english.startswith("About 10.0 years in total.")


def test_the_previous_company_is_the_job_before_the_current_one() -> None:
    text = shaped(WITH_VOLUNTEERING, "How long did he work at his previous company?")
    assert text.startswith("About 4 years and 8 months (2016-07 – 2021-02).")
    korean = shaped(WITH_VOLUNTEERING, "이전 회사는 어디였어요?", korean=True)
    assert korean.startswith("네이버 · 백엔드 개발자 (2016년 7월 – 2021년 2월).")


def test_the_latest_entry_is_the_one_that_started_last() -> None:
    projects = Evidence(
        facts=[
            Fact("projects[0]", "kafka-lens (2021-04 – present) — A lag dashboard."),
            Fact("projects[1]", "Stock forecast (2023-03 – 2024-01) — A streaming pipeline."),
        ]
    )
    text = shaped(projects, "What was her latest project?")
    assert text == "Stock forecast (2023-03 – 2024-01). A streaming pipeline. (projects[1])"


def test_achievements_at_the_current_company_are_that_jobs_highlights() -> None:
    jobs = Evidence(
        facts=[
            Fact(
                "work[0]", "Dev at Fernweh (2024-05 – present) App. Highlights: Cut start by 35%."
            ),
            Fact(
                "work[1]",
                "Teacher at Ashgrove (2016-09 – 2020-08) Physics. Highlights: Ran a club.",
            ),
        ]
    )
    assert shaped(jobs, "What did she achieve at her current company?") == (
        "Cut start by 35% (work[0])"
    )


def test_a_count_with_no_number_in_the_profile_says_so() -> None:
    text = shaped(JOBS, "How many people did he manage?")
    assert text == "The profile does not give that number."


def test_the_start_of_a_career_is_the_earliest_job() -> None:
    assert answer("When did he start his career?").startswith("2015-06 – 2015-12.")
    assert answer("커리어는 언제 시작했어요?", korean=True).startswith("2015년 6월 – 2015년 12월")


def test_years_with_gaps_say_since_when_when_they_go_on_today() -> None:
    total = Fact(
        "work[0], work[1]",
        "freelancing: about 3.7 years of experience, from 2 jobs/projects (work[0], work[1]); "
        "overlapping periods counted once (2022-09-01 – 2023-05-26; 2023-06-01 – 2026-11-27).",
    )
    jobs = [
        Fact("work[1]", "Subcontracted Developer at P: 2022-09-01 – 2023-05-26 (0.7 years)."),
        Fact("work[0]", "Contract Developer at K: 2023-06-01 – 2026-11-27 (3.5 years)."),
    ]
    years = Evidence(facts=[total, *jobs])
    text = shaped(years, "How long has he been freelancing?")
    assert text.startswith(
        "freelancing: about 3.7 years since 2022-09-01, gaps not counted (work[0], work[1])."
    )


def test_the_whole_career_asked_by_name_totals_every_job_even_one_named_to_include() -> None:
    evidence = Evidence(
        facts=[
            Fact("work[0]", "컨설턴트 at 한누리 (2015-01 – present) SAP."),
            Fact("work[1]", "회계팀 사원 at 동해물산 (2012-03 – 2014-12) 결산."),
        ],
        notes=["Jobs cover about 14.1 years in total, overlaps counted once."],
    )
    text = shaped(evidence, "회계팀 시절까지 다 포함하면 전체 경력이 몇 년이에요?", korean=True)
    assert text.startswith("총 약 14.1년입니다.")
