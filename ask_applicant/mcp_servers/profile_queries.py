"""Profile questions only the MCP profile server asks: one resume section, search everywhere.

Built from the tools package's facts and ranking, so the same private-field
scrubbing applies; the other profile-server tools reuse the tools directly.
"""

from __future__ import annotations

from ask_applicant.profile import Profile
from ask_applicant.tools.facts import RESUME_SECTIONS, all_facts, section_facts
from ask_applicant.tools.project import writeup_facts
from ask_applicant.tools.ranking import rank
from ask_applicant.tools.result import Fact, ToolResult, finish, private_topic_note
from ask_applicant.tools.resume import get_basics

SECTIONS = ("basics", *RESUME_SECTIONS)
# Recruiters ask in Korean and in loose English; both reach the JSON Resume key.
SECTION_ALIASES = {
    "experience": "work", "jobs": "work", "career": "work", "경력": "work", "경력사항": "work",
    "학력": "education", "school": "education", "기술": "skills", "기술스택": "skills",
    "skill": "skills", "stack": "skills", "자격증": "certificates",
    "certifications": "certificates", "수상": "awards", "수상경력": "awards",
    "발표": "publications", "talks": "publications", "언어": "languages", "외국어": "languages",
    "관심사": "interests", "hobbies": "interests", "취미": "interests", "추천인": "references",
    "프로젝트": "projects", "봉사": "volunteer", "기본정보": "basics", "contact": "basics",
    "about": "basics",
}  # fmt: skip


class UnknownSectionError(ValueError):
    """A section name that is not part of the resume; the message lists the valid ones."""


def resume_section(profile: Profile, section: str) -> ToolResult:
    """Every entry of one resume section, each fact citing its place (`work[0]` …).

    Args:
        profile: The applicant's profile.
        section: A JSON Resume section (`work`, `education`, …), a common synonym,
            or its Korean name (`경력`, `학력`, `기술`).

    Raises:
        UnknownSectionError: The name matches no section.
    """
    key = "".join(section.split()).lower()
    key = SECTION_ALIASES.get(key, key)
    if key not in SECTIONS:
        raise UnknownSectionError(
            f"unknown resume section {section[:80]!r}; choose one of: {', '.join(SECTIONS)}"
        )
    if key == "basics":
        return get_basics(profile)
    facts = section_facts(profile.public_resume(), key)
    return finish(profile, facts, None if facts else f"The resume has no {key} entries.", limit=20)


def search_profile(profile: Profile, query: str) -> ToolResult:
    """Keyword search over the whole profile: resume, project write-ups and the FAQ.

    Args:
        profile: The applicant's profile.
        query: Words in English or Korean.
    """
    candidates = all_facts(profile.public_resume())
    for slug, markdown in profile.writeups.items():
        candidates += writeup_facts(f"projects/{slug}.md", markdown)
    candidates += [
        Fact(source=f"faq[{i}]", text=f"{entry.question} — {entry.answer}")
        for i, entry in enumerate(profile.faq)
    ]
    private = private_topic_note(query)
    facts = rank(query, candidates)
    if facts or private:
        return finish(profile, facts, private)
    if not query.strip():
        return finish(profile, [], "Give words to search for, e.g. a skill, company or project.")
    return finish(profile, [], "Nothing in the profile matches that query.")
