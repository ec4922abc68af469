"""A question naming one entry of several is answered with that entry alone, within budget."""

from __future__ import annotations

from ask_applicant.agents.offline.entry import MAX_CHARS, named, told
from ask_applicant.agents.offline.evidence import Fact
from ask_applicant.agents.offline.intent import subject_terms

HANEUL = Fact(
    "work[0]",
    "Senior Backend Engineer at Haneul Pay (하늘페이) (2022-03-02 – present, Seoul, KR) "
    "Fintech company running a payment gateway / 온라인 결제 대행사. 정산 플랫폼 팀의 시니어 "
    "엔지니어. Lead engineer of the settlement platform, built with Python and Kafka. "
    "Highlights: Redesigned the daily settlement batch into a Kafka pipeline; 정산 불일치 "
    "건수를 줄임 (idempotent ledger); Mentored four junior engineers. URL: https://x.example.",
)
DALBIT = Fact(
    "work[1]",
    "Backend Engineer at Dalbit Commerce (달빛커머스) (2019-01-07 – 2022-02-25, Seoul, KR) "
    "Marketplace. Built order and payment services in Kotlin. Highlights: Built the chat service.",
)
NAVER = Fact(
    "work[0]", "네이버 · 백엔드 개발자 (2016-03 – 2019-02) 정산 시스템 개발. 주요 성과: 장애 감소."
)
KAKAO = Fact("work[1]", "카카오 · 개발자 (2019-03 – 2021-02) 결제 서비스 개발.")


def _named(question: str, *facts: Fact) -> list[Fact]:
    return named(list(facts), question, subject_terms(question))


def test_the_entry_whose_heading_holds_a_word_of_the_question_is_picked() -> None:
    assert _named("What did Doyoon build at Haneul Pay?", HANEUL, DALBIT) == [HANEUL]
    assert _named("What did he do at Dalbit Commerce?", HANEUL, DALBIT) == [DALBIT]


def test_a_word_every_heading_holds_names_no_entry() -> None:
    assert _named("What did he build as a backend engineer?", HANEUL, DALBIT) == []
    assert _named("What did he build?", HANEUL, DALBIT) == []


def test_a_name_in_the_other_script_picks_its_entry() -> None:
    assert _named("What did he do at Naver?", NAVER, KAKAO) == [NAVER]


def test_an_english_answer_keeps_the_english_sentences_and_highlights_of_a_bilingual_entry() -> (
    None
):
    text = told(HANEUL, korean=False)
    assert text.startswith("Senior Backend Engineer at Haneul Pay (하늘페이) (2022-03-02 – present")
    assert "Lead engineer of the settlement platform" in text
    highlights = "Highlights: Redesigned the daily settlement batch into a Kafka pipeline; Mentored"
    assert highlights in text
    assert "정산" not in text and "URL" not in text and "Fintech" not in text
    assert text.endswith("(work[0])") and len(text) <= MAX_CHARS + len(" (work[0])")


def test_an_entry_written_only_in_korean_keeps_its_korean_even_in_an_english_answer() -> None:
    text = told(NAVER, korean=False)
    assert "정산 시스템 개발" in text and "장애 감소" in text


def test_a_long_entry_is_cut_at_whole_highlights_within_the_budget() -> None:
    many = "; ".join(f"Shipped feature number {i} to production" for i in range(40))
    fact = Fact("work[2]", f"Engineer at Acme (2020-01 – 2021-01) Did things. Highlights: {many}.")
    text = told(fact, korean=False)
    assert len(text) <= MAX_CHARS + len(" (work[2])")
    assert text.removesuffix(" (work[2])").endswith("production.")


def test_only_the_longest_link_across_scripts_names_an_entry() -> None:
    systems = Fact("work[2]", "Systems Engineer at Quellwerk Cloud AG (2019-04-01 – 2021-05-31)")
    senior = Fact("work[1]", "Senior SRE at Quellwerk Cloud AG (2021-06-01 – 2022-08-31)")
    # 클라우드 sounds like "Call Lead" too, but 퀠베르크 클라우드 links longer to Quellwerk.
    fernweh = Fact("work[0]", "Staff SRE & On-Call Lead at Fernweh Mobility (2023-02-01 – present)")
    question = "퀠베르크 클라우드에서 무슨 일을 했나요?"
    assert _named(question, systems, senior, fernweh) == [systems, senior]
