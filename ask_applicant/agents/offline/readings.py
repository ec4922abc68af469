"""Readings: what a question's phrasing says beyond its single words.

The glossary maps words and set phrases to concepts; some needs only show in how the
words combine. "When did you join X?" asks for work history, "when can you join?" for
availability; "we are looking for ..." brings a job posting, "what are you looking for?"
asks for goals; "why did you pick Redis?" is about a design decision, not motivation; a
long text listing requirements is a job description whatever its last line asks. Each
reading adds English concept terms to the question's own words. Some also name phrases
to drop before the glossary looks: "why" in a design question must not read as
motivation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ask_applicant.agents.offline.terms import stem

_FLAGS = re.IGNORECASE

_SUBJECT = r"(you|he|she|they|the\s+(applicant|candidate))"
_DESIGN_VERBS_EN = (
    r"(pick|picked|choose|chose|chosen|use|used|go|went|opt|opted|prefer|preferred|select"
    r"|selected|decide|decided|settle|settled|adopt|adopted|switch|switched|build|built|design"
    r"|designed|implement|implemented)"
)
_DESIGN_VERBS_KO = r"(선택|골랐|고르|고른|채택|도입|사용|썼|쓰셨|쓴|쓰신|만드셨|만든|설계|결정)"
# A "why" about a place of work is about motivation even with a choosing verb.
_WORKPLACE_KO = r"(회사|직장|포지션|직무|이직|퇴사)"


# Spoken languages by their English names: a closed class, unlike skills or employers.
_LANGUAGE = (
    r"(english|korean|japanese|chinese|mandarin|cantonese|spanish|french|german|italian"
    r"|portuguese|russian|arabic|hindi|tamil|bengali|urdu|vietnamese|thai|indonesian"
    r"|malay|dutch|swedish|norwegian|danish|finnish|polish|czech|turkish|greek|hebrew"
    r"|persian|ukrainian|romanian|hungarian|tagalog|swahili)"
)


_LANGUAGE_KO = (
    r"(영어|한국어|일본어|중국어|독일어|프랑스어|불어|스페인어|포르투갈어|이탈리아어|러시아어"
    r"|아일랜드어|폴란드어|스웨덴어|네덜란드어|그리스어|터키어"
    r"|아랍어|베트남어|태국어|인도네시아어|힌디어|광둥어|네덜란드어|터키어)"
)


@dataclass(frozen=True)
class _Reading:
    pattern: re.Pattern[str]
    concepts: tuple[str, ...]
    # Text the reading explains away before the glossary sees the question.
    drop: re.Pattern[str] | None = None
    # A question this matches is not read this way after all.
    unless: re.Pattern[str] | None = None


def _reading(
    pattern: str, concepts: str, *, drop: str | None = None, unless: str | None = None
) -> _Reading:
    return _Reading(
        re.compile(pattern, _FLAGS),
        tuple(stem(word) for word in concepts.split()),
        re.compile(drop, _FLAGS) if drop else None,
        re.compile(unless, _FLAGS) if unless else None,
    )


_READINGS = (
    # How well the applicant does a thing is the level the skills or languages list:
    # "How good is his Go?", "What level is her French?", "파이썬 실력은 어느 정도예요?".
    _reading(
        r"\bhow\s+(good|well|strong|proficient|fluent|skilled|advanced|solid)\b"
        r"|\b(what|which)\s+(is\s+)?(his|her|their|your|the)?\s*(level|proficiency)\b"
        r"|\b(level|proficiency)\s+(of|in|with|at)\b"
        r"|실력|숙련도|능숙|수준|레벨|얼마나\s*잘",
        "level",
    ),
    # The same in Korean: "일본어로 업무가 가능한가요?" asks about Japanese, not work.
    _reading(
        rf"{_LANGUAGE_KO}\s*(로|으로)\s*(업무|일|근무|소통|회의|발표|대화|면접|커뮤니케이션)"
        rf"|{_LANGUAGE_KO}\s*(실력|능력|수준|회화|점수)",
        "language",
        drop=r"(업무|근무|소통|회의|발표|대화|면접|커뮤니케이션)",
    ),
    # The person as a whole: their summary ("Tell me about her.", "Who is he?").
    _reading(
        r"^\W*(can\s+you\s+|could\s+you\s+|please\s+)?(tell|talk)\s+(me|us)\s+"
        r"(a\s+(bit|little)\s+(more\s+)?|more\s+)?about\s+(him|her|them|yourself|you"
        r"|the\s+(applicant|candidate))\s*[.?!]*\s*$"
        r"|^\W*who\s+(is|are)\s+(he|she|they|you|the\s+(applicant|candidate))\s*[.?!]*\s*$"
        r"|\bintroduce\s+(him|her|them|yourself)\b",
        "summary basics",
    ),
    # A spoken language named with what one does in it is a language question, whatever
    # the verb: "Can he work in English?" asks about English, not about work.
    _reading(
        rf"\b(in|speak|speaks|spoke|spoken|speaking|fluent|fluency|native|his|her|their"
        rf"|your)\s+{_LANGUAGE}\b|\b{_LANGUAGE}[\s-]+(level|skills?|proficiency|fluency"
        rf"|ability|speaking|speaker|certificate|score)\b",
        "language",
        drop=rf"\b(work|works|worked|working|communicate|present|interview)\b(?=\s+in\s+{_LANGUAGE}\b)",
    ),
    # Joining, starting and leaving in the past tense is work history; in the future or
    # conditional it is availability.
    _reading(
        rf"\b(did|have|has)\s+{_SUBJECT}\s+(join|start|begin|leave|quit|move|get\s+hired)\b"
        r"|\b(joined|left|quit|began)\b|\bstarted\s+(working|at|with|your|his|her|their)\b"
        r"|\b(first|previous|last|earliest)\s+(full-time\s+)?(job|employer|company|position)\b"
        rf"|\bhow\s+long\s+(were|was|did)\s+{_SUBJECT}\s+(at|with|employed|work)\b"
        r"|\b(company|employer|job)\s+before\b|\bbefore\s+(joining|working\s+at)\b"
        r"|\b(start|begin|began|started)\s+(your|his|her|their)\s+career\b",
        "work history date company",
    ),
    _reading(
        rf"\b(can|could|would|will)\s+{_SUBJECT}\s+(start|join|begin)\b|\bstart\s+date\b"
        r"|\bearliest\b|\bnotice\s+period\b",
        "start availability faq",
    ),
    _reading(
        r"(입사|들어가|들어오|합류|퇴사|그만두|옮기|옮겼|근무하|일하|일했)\S*(셨|했|었|였|던|요)"
        r"|첫\s*(직장|회사|커리어|직무)|(입사|이직)\s*(전|이전)|(전|이전)\s*(직장|회사)",
        "work history date company",
    ),
    _reading(
        r"(?<!회사 )(?<!직장 )입사\s*(가|이)?\s*(가능|시기|날짜|일)|언제\s*부터\s*(일|근무|출근)",
        "start availability faq",
    ),
    # The asker's own opening: "we are hiring", "our team needs", "저희는 ... 찾고 있습니다".
    _reading(
        r"\b(we|we're|we\s+are|our\s+(team|company|startup|client|group|org\w*)\s+(is|are)?"
        r"|i'm|i\s+am)\b[^.?!]{0,60}\b(hiring|looking\s+for|seeking|searching\s+for"
        r"|recruiting|need|needs|want\s+to\s+hire|expect)\b"
        r"|\b(this|the|our)\s+(role|position|opening|vacancy|posting|job)\b[^.?!]{0,30}"
        r"\b(fit|match|suit|suitable|qualified|good)\b",
        "fit job description",
    ),
    _reading(
        # "저희" opens the asker's own company; the hiring verb may come a sentence later.
        r"(저희|우리|당사)[\s\S]{0,150}(찾고|채용|모집|구하|모시|뽑)"
        r"|(채용|모집)\s*(중|하고)|(맞을까|맞나요|맞는지|맞으실|맞으세|어울리|적합)"
        r"|(맞는|잘\s*맞을|어울리는)\s*(사람|분|인재|후보|지원자)",
        "fit job description",
    ),
    # Motivation: the job search itself, however it is put.
    _reading(
        r"\b(switch|switching|change|changing|leave|leaving|quit|quitting)\s+"
        r"(jobs?|compan(y|ies)|employers?|teams?)\b|\bmove\s+on\b|\bmoving\s+on\b"
        r"|\bjob\s+(market|search|hunt|hunting)\b|\binterviewing\b"
        r"|\b(new|next)\s+(job|role|position|opportunit(y|ies)|challenge|employer|company)\b",
        "job change leave reason faq",
    ),
    _reading(
        r"구직|이직|새로운?\s*(회사|직장|일자리|기회|도전)|(회사|직장)\S*\s*(떠나|그만두|옮기)",
        "job change leave reason faq",
    ),
    # A role held now is a job's, not a project's: projects end, the current job has no
    # end date ("What is your current role?", "What does she do these days?").
    _reading(
        r"\b(current|present|today's)\s+(role|title|position|job|work)\b"
        r"|\b(role|title|position)\s+(now|currently|at\s+the\s+moment|these\s+days)\b"
        r"|현재\s*(직무|직책|직함|역할|하는\s*일|일)|지금\s*(하는|하시는)\s*일",
        "work position",
    ),
    # A "why" about a technical choice asks for a design decision.
    _reading(
        rf"\bwhy\s+(did|do|would|was|were|is|are)\s+{_SUBJECT}\s+{_DESIGN_VERBS_EN}\b"
        rf"|\bwhy\s+(go|going|use|using|choose|choosing|pick|picking)\b"
        r"|\bwhat\s+made\s+(you|him|her|them)\s+(use|choose|pick|go\s+with|adopt|prefer)\b"
        r"|\btrade-?offs?\b",
        "design decision architecture",
        drop=r"\bwhy\b",
    ),
    _reading(
        rf"왜\s*[^.?!]{{0,20}}{_DESIGN_VERBS_KO}|{_DESIGN_VERBS_KO}\S*\s*이유"
        rf"|(대신|보다)\s*[^.?!]{{0,20}}{_DESIGN_VERBS_KO}",
        "design decision architecture",
        drop=r"왜|이유",
        unless=_WORKPLACE_KO,
    ),
)

_USE = r"\b(use|uses|used|using)\b"

# Readings that decide the area, not the tool (see `topics`).
_TOPICS = (
    # Whether the applicant knows or uses a thing is a skill question, even when the
    # thing is also named by a job and a project; years with it stay the career's
    # ("Does he have experience with Kotlin?" wants the years of experience). It names
    # the skills' area without stressing a tool: the whole-resume search still fits.
    _reading(
        r"^\W*(do|does|did|can|could|is|are)\s+[\w'’]+\s+(really\s+)?(know|use|speak"
        r"|(code|program|develop)\s+in|write|(familiar|comfortable|proficient|fluent)"
        r"\s+(with|in))\b",
        "skill technology",
        drop=_USE,
    ),
    # The same in the perfect: "Has she used Vue?", "Have you ever written Rust?".
    _reading(
        r"^\W*(has|have|had)\s+[\w'’]+\s+(ever\s+)?(used|known|spoken|written"
        r"|(coded|programmed|developed)\s+in|been\s+(familiar|comfortable|proficient)"
        r"\s+(with|in))\b",
        "skill technology",
        drop=_USE,
    ),
    _reading(
        r"(쓸|다룰|사용할|개발할|할)\s*줄\s*(아|알|아시)|(써|사용해|다뤄)\s*(보|봤|본)\S*\s*(나요|어요|셨|적)"
        r"|\S+\s*(아세요|아시나요|아나요|알아요)\s*[?？]?\s*$",
        "skill technology",
    ),
)

# A job posting: long, and listing several requirements.
_POSTING_MIN_WORDS = 25
_POSTING_MIN_ITEMS = 4
_LIST_BREAK = re.compile(r",|/|\n|;|·|•|(?<!\w)-\s|\band\b|\bor\b|및|또는|그리고|、")
_POSTING_WORDS = re.compile(
    r"\b(years?|experience|required|requirements?|preferred|nice\s+to\s+have|must|skills"
    r"|responsibilit(y|ies)|qualifications?|we|our|you\s+will|role|position)\b"
    r"|자격|우대|필수|경험|이상|담당|업무|포지션|저희",
    _FLAGS,
)
_POSTING_CONCEPTS = tuple(stem(word) for word in "fit job description".split())


def _looks_like_a_posting(text: str) -> bool:
    words = text.split()
    # Korean packs a phrase into one spaced word; count its syllables at three a word.
    size = len(words) + sum(len(re.findall(r"[\uac00-\ud7a3]", word)) // 3 for word in words)
    return (
        size >= _POSTING_MIN_WORDS
        and len(_LIST_BREAK.findall(text)) >= _POSTING_MIN_ITEMS
        and _POSTING_WORDS.search(text) is not None
    )


def read(text: str) -> tuple[list[str], str]:
    """Read a question's phrasing.

    Args:
        text: The question as asked.

    Returns:
        The concept terms its phrasing stands for, and the text with the phrases those
        readings explain away removed (for the glossary).
    """
    found: dict[str, None] = {}
    rest = text
    for reading in _READINGS:
        if reading.unless is not None and reading.unless.search(text):
            continue
        if reading.pattern.search(text):
            found.update(dict.fromkeys(reading.concepts))
            if reading.drop is not None:
                rest = reading.drop.sub(" ", rest)
    for reading in _TOPICS:
        # A topic's own verb ("used" in "Has she used Vue?") is its grammar, not a word
        # of any area ("technologies used in each project").
        if reading.drop is not None and reading.pattern.search(text):
            rest = reading.drop.sub(" ", rest)
    if _looks_like_a_posting(text):
        found.update(dict.fromkeys(_POSTING_CONCEPTS))
    return list(found), rest


def topics(text: str) -> list[str]:
    """Concept terms a question's phrasing gives its area but not its tool.

    "Does he know Kafka?" is a skills question even though a job and a project name Kafka
    too; within the skills' area, the tool is still picked by the question's own words.
    """
    found: dict[str, None] = {}
    for reading in _TOPICS:
        if reading.pattern.search(text):
            found.update(dict.fromkeys(reading.concepts))
    return list(found)
