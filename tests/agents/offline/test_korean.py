"""Korean answers carry the service's frames in Korean and the resume's words as written."""

from __future__ import annotations

from ask_applicant.agents.offline import composer
from ask_applicant.agents.offline.korean import korean_duration, render
from ask_applicant.agents.offline.terms import is_korean


def test_a_job_reads_employer_first_with_korean_dates_and_labels() -> None:
    text = render("CTO (공동 창업자) at 바람물류 (2021-03 – present) 창업. Highlights: 비용 절감.")
    assert text == "바람물류 · CTO (공동 창업자) (2021년 3월 – 현재) 창업. 주요 성과: 비용 절감."


def test_a_day_is_kept_and_a_years_of_experience_fact_is_korean() -> None:
    text = render("Intern at Acme (2015-06-01 – 2015-12-31)")
    assert text.endswith("(2015년 6월 1일 – 2015년 12월 31일)")
    years = "Kafka: about 4.7 years of experience, from 1 jobs/projects (work[1]); counted once."
    assert render(years) == "Kafka: 약 4.7년 경력 (work[1])"


def test_basics_keys_are_named_in_korean() -> None:
    assert render("label: Backend Engineer", "basics.label") == "직함: Backend Engineer"


def test_durations_read_in_years_and_months() -> None:
    assert korean_duration(55) == "4년 7개월"
    assert korean_duration(24) == "2년"
    assert korean_duration(7) == "7개월"


def test_a_question_with_a_latin_name_in_korean_grammar_is_korean() -> None:
    assert is_korean("Studio Kettle에서는 언제 일했어요?")
    assert not is_korean("What did he do at 네이버?")


def test_the_korean_help_message_lists_the_areas_in_korean() -> None:
    described = "Work history: companies. | 한국어: 경력: 회사."
    assert composer.area_line(described, "Career", korean=True) == "경력: 회사."
    assert composer.area_line("Work history: companies. | 한국어: 경력.", "Career") == (
        "Work history: companies."
    )


def test_a_korean_company_with_its_legal_form_is_named_first() -> None:
    from ask_applicant.agents.offline.korean import render

    text = render("회계팀 사원 at 동해물산(주) (2012-03-02 – 2014-12-31) 결산.", "work[3]")
    assert text.startswith("동해물산(주) · 회계팀 사원 (2012년 3월 2일")
    text = render("컨설턴트 at (주)미르컨설팅 (2015-01 – 2019-11) 구축.", "work[2]")
    assert text.startswith("(주)미르컨설팅 · 컨설턴트 (2015년 1월")
