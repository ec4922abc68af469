from __future__ import annotations

from ask_applicant.tools.ranking import rank
from ask_applicant.tools.result import Fact

FACTS = [
    Fact(source="a", text="Kafka consumers in Python"),
    Fact(source="b", text="Python Django booking SaaS"),
    Fact(source="c", text="정산 파이프라인 설계와 운영"),
    Fact(source="d", text="Running marathons"),
]


def test_rarer_matching_words_rank_higher() -> None:
    assert [f.source for f in rank("python kafka", FACTS)] == ["a", "b"]


def test_korean_matches_across_particles() -> None:
    assert [f.source for f in rank("정산 파이프라인을 어떻게 설계했나요?", FACTS)] == ["c"]


def test_nothing_matches_nothing() -> None:
    assert rank("haskell", FACTS) == []
    assert rank("", FACTS) == []
    assert rank("python", []) == []


def test_the_limit_is_respected() -> None:
    assert len(rank("python", FACTS, limit=1)) == 1


def test_what_recruiters_call_a_section_finds_its_entries() -> None:
    facts = [
        Fact(source="interests[0]", text="Letterpress printing"),
        Fact(source="work[0]", text="Developer at Fernleaf Health"),
        Fact(source="volunteer[0]", text="Mentor at Code Club"),
    ]
    assert [f.source for f in rank("What are her hobbies?", facts)] == ["interests[0]"]
    assert [f.source for f in rank("취미가 뭐예요?", facts)] == ["interests[0]"]
    assert [f.source for f in rank("Any volunteering?", facts)] == ["volunteer[0]"]
