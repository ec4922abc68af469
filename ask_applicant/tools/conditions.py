"""Working conditions: remote work, relocation, visa, notice period, gaps, goals and travel.

Recruiters ask about them on every resume, and a plain JSON Resume has no FAQ to answer
from; when it speaks of them at all, it does so in a sentence of its summary or of an
entry ("Open to remote or hybrid roles; not looking to relocate outside the GTA."). This
module names the topics (English and Korean cues, matched as words or as substrings of
Hangul) and finds those sentences, each with its source, for `ask_faq` to fall back on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ask_applicant.tools.result import Fact


@dataclass(frozen=True)
class Topic:
    """One working condition.

    Attributes:
        key: Its identifier (``remote``).
        label: How an English answer names it.
        korean: How a Korean answer names it.
        groups: Cue patterns by sub-topic: a sentence answers yes or no only for a
            question that shares one of its groups (on-site is not remote).
    """

    key: str
    label: str
    korean: str
    groups: Mapping[str, re.Pattern[str]]

    def cues(self, text: str) -> set[str]:
        """The groups whose cues the text holds."""
        return {name for name, pattern in self.groups.items() if pattern.search(text)}


def _cue(*phrases: str) -> re.Pattern[str]:
    # Latin cues are whole words ("remote" not in "remoteness" is fine, "visa" not in
    # "Visual"); Hangul cues are substrings, as particles glue onto nouns.
    parts = [rf"(?<![a-z]){phrase}(?![a-z])" if phrase.isascii() else phrase for phrase in phrases]
    return re.compile("|".join(parts), re.IGNORECASE)


_JOB_BEGAN = re.compile(
    r"(회사|직장|에서)\s*(의\s*)?입사|입사\s*(했|한|하셨)|\bstart\s+date\s+(at|with|in)\b"
    r"|\b(current|present|previous|last|first)\s+(job|role|company|employer)\b",
    re.IGNORECASE,
)
# fmt: off
TOPICS: tuple[Topic, ...] = (
    # Notice first: "언제부터 출근할 수 있어요?" asks when, not whether in the office.
    Topic(
        "notice",
        "notice period or start date",
        "입사 가능 시기",
        {
            "notice": _cue(
                "notice period", "notice", "start date", "available to start", "can start",
                "start immediately", "available from", "how soon", "can he start",
                "can she start", "can they start", "could he start", "could she start",
                "can you start", "입사 가능", "입사 시기", "입사까지", "인수인계", "합류까지",
                "이후 가능",
                "입사일", "합류 가능", "근무 시작", "퇴사 통보", "노티스", "언제부터 출근",
                "출근 가능",
            ),
        },
    ),
    Topic(
        "remote",
        "remote work",
        "원격 근무",
        {
            "remote": _cue(
                "remote", "remotely", "work from home", "working from home", "wfh",
                "home office", "원격", "재택", "리모트",
            ),
            "hybrid": _cue("hybrid", "하이브리드"),
            "office": _cue(
                "on-site", "onsite", "on site", "in-office", "in the office", "in office",
                "in-person", "in person", "commute", "출근", "사무실", "상주", "오피스",
            ),
        },
    ),
    Topic(
        "relocation",
        "relocation",
        "이주",
        {
            "relocation": _cue(
                "relocate", "relocating", "relocation", "move to", "moving to", "move abroad",
                "abroad", "overseas", "이주", "이사 가", "이사할", "이사를", "이사도", "해외",
                "거주지 이전", "이전 가능", "이사 갈", "이사갈", "이사 가능",
            ),
        },
    ),
    Topic(
        "visa",
        "visa or work authorization",
        "비자·취업 자격",
        {
            "visa": _cue(
                "visa", "sponsor", "sponsorship", "work permit", "work authori[sz]ation",
                "authori[sz]ed to work", "eligible to work", "right to work", "citizen",
                "citizenship", "permanent resident", "green card", "비자", "스폰서",
                "취업 허가", "영주권", "시민권", "체류 자격", "취업 자격", "work legally",
                "legally work", "일할 자격", "근무 자격", "취업 비자",
            ),
        },
    ),
    Topic(
        "gap",
        "a break in my career",
        "경력 공백",
        {
            "gap": _cue(
                "gap", "gaps", "career break", "break", "breaks", "time off", "year off",
                "sabbatical", "공백", "쉬었", "휴식기", "안식", "쉰 기간", "쉬는 기간", "쉬던",
            ),
        },
    ),
    # Before the goal: "희망 연봉" is a salary, not the role hoped for.
    Topic(
        "salary",
        "salary expectations",
        "희망 연봉",
        {
            "salary": _cue(
                "salary", "salaries", "compensation", "pay expectations?", "pay range",
                "expected pay", "day rate", "hourly rate", "연봉", "급여", "처우", "월급",
                "시급", "보수",
            ),
        },
    ),
    Topic(
        "goal",
        "the role I am looking for",
        "희망하는 역할",
        {
            "goal": _cue(
                "looking for", "seeking", "next role", "next step", "career goals?",
                "aiming", "aspire", "aspiring", "interested in (a|an|the)", "희망", "목표",
                "찾고 있", "원하는 (역할|직무|포지션|회사)",
            ),
        },
    ),
    Topic(
        "travel",
        "travel",
        "출장",
        {
            "travel": _cue(
                "travel", "travelling", "traveling", "business trips?", "on the road", "출장",
            ),
        },
    ),
)
# fmt: on
_BY_KEY = {topic.key: topic for topic in TOPICS}
_SENTENCE = re.compile(r"(?<=[.!?。])\s+|(?<=다\.)|\n+")
# Fields that hold sentences; lists of keywords, names and links say no condition.
_TEXT_KEYS = ("summary", "description", "label")
_SECTIONS = ("work", "volunteer", "projects")


def topic(key: str) -> Topic:
    """The topic with that key."""
    return _BY_KEY[key]


def asked(question: str) -> Topic | None:
    """The working condition a question asks about, if any (the first that it names).

    The day a job began is no notice period: "현재 회사 입사일이 언제예요?" and "his start
    date at Kakao" ask when he joined, not when he could start.
    """
    began = _JOB_BEGAN.search(question)
    return next(
        (each for each in TOPICS if each.cues(question) and not (began and each.key == "notice")),
        None,
    )


def sentences(resume: Mapping[str, Any]) -> Iterator[Fact]:
    """The sentences of the public resume's running text, each with its entry's source."""
    basics = resume.get("basics")
    if isinstance(basics, Mapping):
        for key in _TEXT_KEYS:
            yield from _split(f"basics.{key}", basics.get(key))
    for section in _SECTIONS:
        entries = resume.get(section)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(entry, Mapping):
                continue
            source = f"{section}[{index}]"
            for key in _TEXT_KEYS:
                yield from _split(source, entry.get(key))
            highlights = entry.get("highlights")
            for item in highlights if isinstance(highlights, list) else []:
                yield from _split(source, item)


def speaking_of(resume: Mapping[str, Any], question: str) -> tuple[Topic | None, list[Fact]]:
    """The working condition the question asks about and the resume's sentences on it."""
    wanted = asked(question)
    if wanted is None:
        return None, []
    return wanted, [fact for fact in sentences(resume) if wanted.cues(fact.text)]


def _split(source: str, text: Any) -> Iterator[Fact]:
    if not isinstance(text, str):
        return
    for part in _SENTENCE.split(text):
        part = " ".join(part.split())
        if part:
            yield Fact(source=source, text=part)
