"""What a chat page shows first: who the applicant is and questions worth asking.

Drawn from the public resume only (private fields removed), in English or Korean.
Bilingual values such as "Haneul Pay (하늘페이)" or "Engineer · 엔지니어" give each
language its own half. Suggested questions come from the profile's own sections (the
latest job, a project, a top skill, a prepared answer, education), so each has an
answer; generic ones fill up to three.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from ask_applicant.profile import Profile
from ask_applicant.server.web_schemas import ProfileSummary

Lang = Literal["en", "ko"]
MIN_QUESTIONS, MAX_QUESTIONS = 3, 6
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_PAREN = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_SPLITS = (" · ", " / ", " | ")
KOREAN_FILLERS = (
    "가장 자신 있는 기술은 무엇인가요?",
    "경력을 간단히 소개해 주세요.",
    "어떤 프로젝트를 했나요?",
)


def in_language(text: str, lang: Lang) -> str:
    """The half of a bilingual value written in `lang` (the whole value otherwise)."""
    text = " ".join(text.split())
    halves: list[str] = []
    match = _PAREN.fullmatch(text)
    if match is not None:
        halves = [match.group(1), match.group(2)]
    else:
        for mark in _SPLITS:
            if mark in text:
                halves = text.split(mark, 1)
                break
    if len(halves) == 2 and all(halves):
        korean = [half for half in halves if _HANGUL.search(half)]
        other = [half for half in halves if not _HANGUL.search(half)]
        if len(korean) == 1 and len(other) == 1:
            return (korean if lang == "ko" else other)[0].strip()
    return text


def _latest_job(resume: dict[str, Any]) -> dict[str, Any] | None:
    jobs = [job for job in resume.get("work") or [] if job.get("name")]
    # Current jobs (no end date) first, then by start date, newest first.
    jobs.sort(key=lambda job: (job.get("endDate") is None, job.get("startDate") or ""))
    return jobs[-1] if jobs else None


def _first_named(items: list[dict[str, Any]] | None, key: str = "name") -> str | None:
    return next((str(item[key]) for item in items or [] if item.get(key)), None)


def suggested_questions(profile: Profile, lang: Lang) -> list[str]:
    """3 to 6 questions the profile can answer, in `lang`."""
    resume = profile.public_resume()
    first_person = profile.voice == "first_person"
    you = "you" if first_person else (in_language(profile.name, "en") or "the applicant")
    your = "your" if first_person else f"{you}'s"
    asked: list[str] = []
    job = _latest_job(resume)
    if job is not None:
        company = in_language(str(job["name"]), lang)
        current = job.get("endDate") is None
        if lang == "ko":
            asked.append(f"{company}에서 어떤 일을 {'하고 있나요' if current else '했나요'}?")
        else:
            verb = f"do {you} do" if current else f"did {you} do"
            asked.append(f"What {verb} at {company}?")
    project = _first_named(resume.get("projects"))
    if project is not None:
        name = in_language(project, lang)
        asked.append(
            f"{name} 프로젝트에 대해 알려 주세요."
            if lang == "ko"
            else f"Tell me about the {name} project."
        )
    skill = _first_named(resume.get("skills"))
    if skill is not None:
        name = in_language(skill, lang)
        asked.append(
            f"{name} 경험은 어느 정도인가요?"
            if lang == "ko"
            else f"What is {your} experience with {name}?"
        )
    if profile.faq:
        asked.append(in_language(profile.faq[0].question, lang))
    if _first_named(resume.get("education"), "institution") is not None:
        studied = "어느 학교에서 무엇을 공부했나요?" if lang == "ko" else f"Where did {you} study?"
        asked.append(studied)
    fillers = (
        list(KOREAN_FILLERS)
        if lang == "ko"
        else [
            f"What are {your} strongest skills?",
            f"Could {you} summarize {your} career?",
            "Which projects stand out?",
        ]
    )
    for filler in fillers:
        if len(asked) >= MIN_QUESTIONS:
            break
        asked.append(filler)
    unique = list(dict.fromkeys(question for question in asked if question.strip()))
    return unique[:MAX_QUESTIONS]


def profile_summary(profile: Profile, lang: Lang) -> ProfileSummary:
    """The applicant's name, headline, summary and suggested questions in `lang`."""
    basics = profile.public_resume().get("basics") or {}
    return ProfileSummary(
        name=in_language(profile.name, lang),
        headline=in_language(str(basics.get("label") or ""), lang),
        summary=str(basics.get("summary") or ""),
        lang=lang,
        suggested_questions=suggested_questions(profile, lang),
    )
