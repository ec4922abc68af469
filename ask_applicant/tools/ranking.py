"""Keyword ranking of facts: the one BM25 (`Bm25Index`) over the Hangul-aware tokens."""

from __future__ import annotations

from ask_applicant.agents.offline.bm25 import Bm25Index
from ask_applicant.agents.offline.link_kinds import link_kinds
from ask_applicant.profile.text import tokens
from ask_applicant.tools.result import Fact

_K1 = 1.2
_B = 0.75
MAX_QUERY_CHARS = 2_000


# What recruiters call each section besides its key: "hobbies" finds `interests[0]`.
_SECTION_WORDS = {
    "interests": "hobby hobbies interest free time 취미 관심사 여가",
    "volunteer": "volunteering volunteer charity 봉사 자원봉사",
    "awards": "award prize prizes won 수상 상",
    "certificates": "certificate certification certified 자격증 인증",
    "publications": "publication paper article talk published 논문 발표 출판",
    "languages": "language spoken speaks 언어 외국어",
    "education": "degree school university study 학력 학위 학교 전공",
    "references": "reference recommendation 추천",
}


def _section_words(source: str) -> str:
    return _SECTION_WORDS.get(source.split("[", 1)[0].split(".")[-1], "")


def rank(query: str, facts: list[Fact], *, limit: int = 8) -> list[Fact]:
    """The facts that share words with the query, best first.

    Args:
        query: Free text in any language; only its first 2,000 characters count.
        facts: The candidates.
        limit: The most facts to return.

    Returns:
        Matching facts by descending BM25 score; ties keep profile order. Empty when
        the query has no searchable words or nothing matches.
    """
    wanted = list(dict.fromkeys(tokens(query[:MAX_QUERY_CHARS])))
    if not wanted or not facts:
        return []
    # A link's host says what the entry is: a project on GitHub is open source.
    index = Bm25Index(
        [
            tokens(
                f"{fact.source} {_section_words(fact.source)} {fact.text} {link_kinds(fact.text)}"
            )
            for fact in facts
        ],
        k1=_K1,
        b=_B,
    )
    scored = sorted((-score, i) for i, score in enumerate(index.scores(wanted)) if score > 0)
    return [facts[i] for _, i in scored[:limit]]
