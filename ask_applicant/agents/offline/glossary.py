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
from collections.abc import Mapping

from ask_applicant.agents.offline.language_names import LANGUAGE_CONCEPTS
from ask_applicant.agents.offline.terms import stem

# phrase -> English concept words it stands for.
_CONCEPTS: Mapping[str, str] = {
    # education
    "study": "education school",
    "studied": "education school",
    "school": "education",
    "university": "education school",
    "college": "education school",
    "degree": "education",
    "major": "education",
    "graduate": "education",
    "graduated": "education",
    "gpa": "education",
    "학력": "education",
    "학교": "education school",
    "대학": "education school university",
    "전공": "education major",
    "학위": "education degree",
    "졸업": "education graduate",
    "석사": "education degree",
    "박사": "education degree",
    "학사": "education degree",
    # skills and spoken languages
    "stack": "skill",
    "database": "skill",
    "databases": "skill",
    "cloud": "skill",
    "framework": "skill",
    "frameworks": "skill",
    "library": "skill",
    "devops": "skill",
    "데이터베이스": "skill",
    "클라우드": "skill",
    "프레임워크": "skill",
    "tech": "skill",
    "technology": "skill",
    "technologies": "skill",
    "proficient": "skill",
    "programming": "skill",
    "기술": "skill",
    "스킬": "skill",
    "스택": "skill",
    "역량": "skill",
    "다룰": "skill",
    "프로그래밍": "skill",
    **LANGUAGE_CONCEPTS,
    "hobby": "interest hobby",
    "hobbies": "interest hobby",
    "free time": "interest hobby",
    "spare time": "interest hobby",
    "interests": "interest hobby",
    "취미": "interest hobby",
    "관심사": "interest hobby",
    "fluent": "language",
    # certificates, awards, publications, contact, summary
    "certified": "certificate",
    "certification": "certificate",
    "license": "certificate",
    "자격증": "certificate",
    "자격": "certificate",
    "인증": "certificate",
    "prize": "award",
    "honor": "award",
    "won": "award",
    "수상": "award",
    "어워드": "award",
    "paper": "publication",
    "article": "publication",
    "published": "publication",
    "논문": "publication",
    "출판": "publication",
    "저서": "publication",
    "email": "contact basics",
    "based": "location city",
    "live": "location city",
    "lives": "location city",
    "located": "location city",
    "거주": "location city",
    "사는": "location city",
    "살아": "location city",
    # Other forms of 살다 (to live): "사나요?", "살고 있어요", "삽니까".
    "사나요": "location city",
    "살고": "location city",
    "삽니": "location city",
    "url": "website link",
    "phd": "education degree doctorate",
    "doctorate": "education degree",
    "master's": "education degree",
    "bachelor's": "education degree",
    "msc": "education degree",
    "mba": "education degree",
    "contact": "basics",
    "reach": "contact basics",
    "website": "basics profile",
    "linkedin": "basics profile",
    "github": "profile",
    # The public channels, spelt in Hangul.
    "깃허브": "github profile",
    "깃헙": "github profile",
    "링크드인": "linkedin basics profile",
    "홈페이지": "website basics profile",
    "웹사이트": "website basics profile",
    "연락": "contact basics",
    "이메일": "email contact basics",
    "메일": "email contact",
    "소개": "summary basics",
    "누구": "summary basics",
    "introduce": "summary basics",
    "summary": "basics",
    "background": "summary",
    # projects
    "built": "project",
    "side project": "project",
    "portfolio": "project",
    "repository": "project repo source",
    "repo": "project source",
    "source code": "project repo",
    # "How did they implement X?" is best answered from the code itself.
    "implement": "code source",
    "implementation": "code source",
    "구현": "code source",
    "codebase": "project repo source",
    "commit": "project repo",
    "프로젝트": "project",
    "포트폴리오": "project portfolio",
    "사이드": "project",
    "만든": "project built",
    "개발한": "project built",
    "저장소": "project repo source",
    "소스": "project source repo",
    "코드": "project code",
    "커밋": "project repo commit",
    "목록": "list",
    "어떤 프로젝트": "list",
    "무슨 프로젝트": "list",
    "모든": "list all",
    "전부": "list all",
    # work history and experience
    "job": "work",
    "jobs": "work",
    "employer": "work company",
    "employers": "work company",
    "company": "work",
    "companies": "work",
    "position": "work role",
    "employment": "work",
    "career": "work experience",
    "how long": "year experience",
    "how many years": "year experience",
    "경력": "work experience",
    "경험": "experience",
    "근무": "work",
    "회사": "work company",
    "직장": "work company",
    "직무": "work role",
    "담당": "work role",
    "업무": "work",
    "재직": "work",
    "몇 년": "year experience",
    "몇년": "year experience",
    "연차": "year experience",
    "얼마나": "year",
    "기간": "year",
    # job fit
    "fit": "fit job",
    "suitable": "fit job",
    "suit": "fit job",
    "match": "fit job",
    "requirements": "fit job description",
    "job description": "fit job description",
    "jd": "fit job description",
    "hire": "fit job",
    "적합": "fit job",
    "맞는": "fit job",
    "어울": "fit job",
    "채용": "fit job",
    "공고": "fit job description",
    "요구사항": "fit job description",
    "자격요건": "fit job description",
    "우대": "fit job description",
    # motivations and the FAQ
    "why": "reason faq",
    "leave": "leave reason faq",
    "leaving": "leave reason faq",
    "goal": "goal faq",
    "goals": "goal faq",
    "motivation": "reason faq",
    "salary": "salary faq",
    "compensation": "salary faq",
    "relocate": "relocation faq",
    "relocation": "relocation faq",
    "move to": "relocation faq",
    "moving to": "relocation faq",
    "abroad": "relocation faq",
    "remote": "remote faq",
    "remotely": "remote faq",
    "hybrid": "remote faq",
    "office": "remote faq",
    "onsite": "remote faq",
    "on-site": "remote faq",
    "in person": "remote faq",
    "work from home": "remote faq",
    "wfh": "remote faq",
    "visa": "visa faq",
    "sponsorship": "visa faq",
    "sponsor": "visa faq",
    "work permit": "visa faq",
    "authorized to work": "visa faq",
    "authorised to work": "visa faq",
    "citizen": "visa faq",
    "citizenship": "visa faq",
    "travel": "travel faq",
    "business trip": "travel faq",
    "notice": "notice start availability faq",
    "start date": "start availability faq",
    "비자": "visa faq",
    "영주권": "visa faq",
    "시민권": "visa faq",
    "취업 허가": "visa faq",
    "출장": "travel faq",
    "이사 가": "relocation faq",
    "이사할": "relocation faq",
    "이사를": "relocation faq",
    "이사도": "relocation faq",
    "입사 가능": "start availability faq",
    "입사일": "start availability faq",
    "사무실": "remote faq",
    "strength": "strength faq",
    "best at": "skill level",
    "strongest": "skill level",
    "strengths": "strength faq",
    "weakness": "weakness faq",
    "working style": "style faq",
    "looking for": "goal role faq",
    "see yourself": "goal career faq",
    "future": "goal faq",
    "become": "goal role faq",
    "manager": "goal role faq",
    "team": "style team faq",
    "collaborate": "style team faq",
    "협업": "style team faq",
    "앞으로": "goal faq",
    "장래": "goal faq",
    "이직": "job change leave reason faq",
    "퇴사": "leave reason faq",
    "이유": "reason faq",
    "왜": "reason faq",
    "목표": "goal faq",
    "희망": "goal role faq",
    "원하": "goal role faq",
    "싶으": "goal role faq",
    "싶어": "goal role faq",
    "싶은": "goal role faq",
    "관리자": "goal role manag faq",
    "매니저": "goal role manag faq",
    "리더": "goal role manag faq",
    "management": "goal role faq",
    "이주": "relocation faq",
    "해외": "relocation faq",
    "출근": "remote faq",
    "하이브리드": "remote faq",
    "연봉": "salary faq",
    "재택": "remote faq",
    "원격": "remote faq",
    "강점": "strength faq",
    "장점": "strength faq",
    "약점": "weakness faq",
    "단점": "weakness faq",
    "스타일": "style faq",
    "성격": "style faq",
    "available": "start availability faq",
    "availability": "start availability faq",
    "notice period": "start availability faq",
    # The labels the tools put in facts, so an excerpt finds the part that was asked.
    "keywords": "skill technology stack",
    "highlights": "result achievement impact",
    # What a job or project achieved is what its highlights say.
    "성과": "highlights",
    "실적": "highlights",
    "업적": "highlights",
    "roles": "role",
    "courses": "course education",
    "창업": "found founder startup work",
    "설립": "found founder work",
    "founded": "found founder work",
    "founder": "found founder work",
    "co-founded": "found founder work",
    # Teams and their size, so an English question finds a Korean line and the reverse.
    "팀": "team",
    "조직": "team organization",
    "이끌": "lead team",
    "리드": "lead",
    "규모": "size",
    "인원": "size team",
    "일을 했": "work",
    "일했": "work",
    "역할": "role work",
    "맡았": "role work",
    "맡은": "role work",
    "개발자": "developer engineer position work",
    "엔지니어": "engineer position work",
    "디자이너": "designer position work",
    "기획자": "product manager planner position work",
    "시니어": "senior position",
    "주니어": "junior position",
    "인턴": "intern position work",
    "팀장": "lead manager team position",
    "직급": "position title",
}

_REWRITES = tuple(
    (re.compile(pattern, re.IGNORECASE), replacement)
    for pattern, replacement in (
        (r"\bprogramming languages?\b", "skills"),
        (r"\bcoding languages?\b", "skills"),
        (r"\btech(nology)? stacks?\b", "skills"),
        (r"(프로그래밍|개발|코딩)\s*언어", "기술"),
        # "수상 경력" is about awards, not the career its second word suggests.
        (r"수상\s*경력", "수상"),
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


_ENTRIES = list(_CONCEPTS.items())
# Single English words match by stem ("certifications" meets "certification").
_WORDS = {
    stem(phrase): _concepts(concepts)
    for phrase, concepts in _ENTRIES
    if phrase.isascii() and " " not in phrase
}
_PATTERNS = tuple(
    (_compile(phrase), _concepts(concepts))
    for phrase, concepts in _ENTRIES
    if not phrase.isascii() or " " in phrase
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


def rewrite(text: str) -> str:
    """Replace phrases whose words mislead ranking ("programming languages" is not about
    spoken languages) with the concept they stand for."""
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    return text
