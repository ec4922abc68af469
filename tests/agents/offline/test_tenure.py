"""An entry still going on is told as what it is and since when, in either language."""

from __future__ import annotations

from ask_applicant.agents.offline.tenure import since

JOB = (
    "Senior Backend Engineer at Haneul Pay (하늘페이) (2022-03-02 – present, Seoul, KR) "
    "Fintech company running an online payment gateway. Lead engineer of the settlement platform."
)


def test_an_open_job_is_its_heading_and_start_without_its_description() -> None:
    assert since(JOB, korean=False) == (
        "Senior Backend Engineer at Haneul Pay (하늘페이), since 2022-03-02 (Seoul, KR)."
    )


def test_a_korean_answer_puts_the_employer_first_and_spells_the_date_in_korean() -> None:
    told = since(JOB, korean=True, source="work[0]")
    assert told == (
        "Haneul Pay · Senior Backend Engineer (하늘페이) "
        "(2022년 3월 2일부터 현재까지, Seoul, KR)입니다."
    )


def test_a_job_without_a_place_or_a_korean_name_still_reads_whole() -> None:
    assert since("CTO at Baram (2020-01 – present) Logistics.", korean=False) == (
        "CTO at Baram, since 2020-01."
    )
    assert since("CTO at Baram (2020-01 – present) Logistics.", korean=True) == (
        "Baram · CTO (2020년 1월부터 현재까지)입니다."
    )


def test_an_entry_that_has_ended_is_not_told_as_current() -> None:
    ended = "Engineer at Nuri Soft (2016-07-01 – 2018-12-31) Booking SaaS."
    assert since(ended, korean=False) is None
