"""Korean spellings of technology and company names, and their English forms.

Recruiters write "파이썬" and "카카오"; resumes and tool arguments want "Python" and
"Kakao". These are the question's own words in another script, so they count as words in
ranking (not as glossary concepts) and replace the Korean spelling in a skill argument.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ask_applicant.agents.offline.terms import stem
from ask_applicant.tools.synonyms import synonym_groups

TRANSLITERATIONS: Mapping[str, str] = {
    "파이썬": "Python",
    "자바스크립트": "JavaScript",
    "타입스크립트": "TypeScript",
    "자바": "Java",
    "코틀린": "Kotlin",
    "스위프트": "Swift",
    "고랭": "Go",
    "러스트": "Rust",
    "스프링": "Spring",
    "장고": "Django",
    "리액트": "React",
    "노드": "Node.js",
    "쿠버네티스": "Kubernetes",
    "도커": "Docker",
    "카프카": "Kafka",
    "레디스": "Redis",
    "엘라스틱서치": "Elasticsearch",
    "몽고디비": "MongoDB",
    "포스트그레스": "PostgreSQL",
    "마이에스큐엘": "MySQL",
    "리눅스": "Linux",
    "테라폼": "Terraform",
    "깃": "Git",
    "에이더블유에스": "AWS",
    # Employers a Korean profile often names in Hangul while the resume says it in English.
    "카카오": "Kakao",
    "네이버": "Naver",
    "토스": "Toss",
    "쿠팡": "Coupang",
    "삼성": "Samsung",
    "배달의민족": "Baemin",
    "우아한형제들": "Woowa Brothers",
}


def _from_synonyms() -> dict[str, str]:
    """The Hangul names of the tools' technology groups ("머신러닝" is machine learning),
    so one table of other names serves the tools and the offline model alike."""
    found: dict[str, str] = {}
    for group in synonym_groups():
        latin = next((name for name in group if name.isascii()), None)
        if latin is None:
            continue
        shown = (
            latin.title()
            if " " in latin
            else latin.upper()
            if len(latin) <= 3
            else latin.capitalize()
        )
        found.update({name: shown for name in group if not name.isascii()})
    return found


TRANSLITERATIONS = {**_from_synonyms(), **TRANSLITERATIONS}

_SPELLINGS = tuple(
    (re.compile(re.escape(korean)), stem(english.lower()))
    for korean, english in TRANSLITERATIONS.items()
)


# Longest first, so "자바스크립트" is not read as "자바" + "스크립트".
_ENGLISH = tuple(
    (re.compile(re.escape(korean)), english)
    for korean, english in sorted(TRANSLITERATIONS.items(), key=lambda item: -len(item[0]))
)


def transliterated_terms(text: str) -> list[str]:
    """Return the English terms of Korean-spelled names in a text ("카프카" -> "kafka").

    These are the question's own words in another script, not concepts.
    """
    return list(dict.fromkeys(term for pattern, term in _SPELLINGS if pattern.search(text)))


def in_english(text: str) -> str:
    """The text with Korean-spelled names written in English ("쿠버네티스로" -> "Kubernetes 로").

    A Korean name would otherwise count once per syllable pair in ranking, outweighing
    every other word of the question.
    """
    for pattern, english in _ENGLISH:
        text = pattern.sub(f" {english} ", text)
    return text


def transliterate(word: str) -> str:
    """Return the English name of a Korean-spelled technology, or the word unchanged."""
    for korean, english in TRANSLITERATIONS.items():
        if word == korean or (word.startswith(korean) and len(word) - len(korean) <= 2):
            return english
    return word
