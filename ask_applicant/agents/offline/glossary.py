"""A small bilingual glossary of the recruiting domain, for query expansion.

Tool and handoff descriptions are written in English, and recruiters phrase the same
need many ways ("Where did she study?", "학력이 어떻게 되나요?"). Before ranking, a
question's terms are extended with the English concept words its phrases stand for, so
that both routing and tool choice see "education". Korean keys match as substrings
(particles glue onto nouns), single English words by their stem, English phrases as
whole words. Concepts of Korean phrases are translations; those of English phrases are
synonyms, which ranking weighs less (see `Query`).
"""

from __future__ import annotations

import re

from ask_applicant.agents.offline.concepts import CONCEPTS
from ask_applicant.agents.offline.terms import stem

_REWRITES = tuple(
    (re.compile(pattern, re.IGNORECASE), replacement)
    for pattern, replacement in (
        (r"\bprogramming languages?\b", "skills"),
        (r"\bcoding languages?\b", "skills"),
        (r"\btech(nology)? stacks?\b", "skills"),
        (r"(프로그래밍|개발|코딩)\s*언어", "기술"),
        # "수상 경력" is about awards, not the career its second word suggests.
        (r"수상\s*경력", "수상"),
        # Speaking at a conference is a talk, not a spoken language.
        (r"\b(spoken|spoke|speak|speaking|speaks|presented|present)\s+at\b", "gave talks at"),
        # "회사에서 상 받은 적": an award, wherever it was won.
        (r"(회사|직장|업무|회사\s*안)\s*에서\s*상\s*(을|도)?\s*받", "수상 받"),
        # "Awards at work" are awards: where they were won does not make them a job.
        (r"\b(awards?|prizes?)\s+(?:at|from)\s+(?:work|(?:his|her|their|your)\s+jobs?)\b", r"\1"),
        # "Her side projects" are her projects: "side" names none of them.
        (r"\b(side|personal|pet|hobby)[\s-]+projects?\b", "projects"),
        # A portfolio site is a website, not a project of the portfolio.
        (r"\b(portfolio|personal)\s+(web\s*)?(site|page)s?\b", "website"),
        (r"포트폴리오\s*(웹)?\s*(사이트|페이지)", "웹사이트"),
        (r"\boutside (of )?work\b", "personally"),
        # "회사 밖에서는", "퇴근 후에": free time, not the company.
        (r"(회사|일|업무|직장)\s*밖|퇴근\s*후|쉬는\s*날|여가", "취미"),
    )
)


def _compile(phrase: str) -> re.Pattern[str]:
    if phrase.isascii():
        return re.compile(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])")
    return re.compile(re.escape(phrase))


def _concepts(words: str) -> tuple[str, ...]:
    return tuple(stem(word.lower()) for word in words.split())


_ENTRIES = list(CONCEPTS.items())
# Single English words match by stem ("certifications" meets "certification").
_WORDS = {
    stem(phrase): _concepts(concepts)
    for phrase, concepts in _ENTRIES
    if phrase.isascii() and " " not in phrase and "-" not in phrase
}
# Phrases, and words whose hyphen the word split would cut ("full-time").
_PATTERNS = tuple(
    (_compile(phrase), _concepts(concepts))
    for phrase, concepts in _ENTRIES
    if not phrase.isascii() or " " in phrase or "-" in phrase
)
_LATIN_WORD = re.compile(r"[a-z0-9+#]+")


def concept_terms(text: str, *, korean: bool | None = None) -> list[str]:
    """Return the English concept terms the phrases of a text stand for.

    Args:
        text: A question, any language.
        korean: Only concepts of Korean phrases (True: translations), only those of
            English phrases (False: synonyms), or both (None).

    Returns:
        Stemmed concept terms, each at most once, in glossary order.
    """
    lowered = text.lower()
    found: dict[str, None] = {}
    if korean is not True:
        for word in _LATIN_WORD.findall(lowered):
            found.update(dict.fromkeys(_WORDS.get(stem(word), ())))
    for pattern, concepts in _PATTERNS:
        is_korean = not pattern.pattern.isascii()
        if korean is not None and korean != is_korean:
            continue
        if pattern.search(lowered):
            found.update(dict.fromkeys(concepts))
    return list(found)


def is_korean_phrase(word: str) -> bool:
    """True when the word begins with a Korean glossary phrase ("중국어", "학력이",
    "독일어는요": particles and endings follow a noun); a name that ends in one
    ("푸른손해보험" ends in 보험, insurance) is no phrase."""
    return any(pattern.match(word) for pattern, _ in _PATTERNS if not pattern.pattern.isascii())


def rewrite(text: str) -> str:
    """Replace phrases whose words mislead ranking ("programming languages" is not about
    spoken languages) with the concept they stand for."""
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    return text
