"""Yes or no on a working condition, decided from the resume sentence that speaks of it.

"Is she open to working remotely?" has no prepared answer on a plain resume, but its
summary may say "Open to remote or hybrid roles; not looking to relocate outside the
Greater Toronto Area." The clause that names the condition answers: yes unless it is
negated ("not", "no", "않", "불가" flip it), and a place the question names counts
against a clause that limits places ("not ... outside the GTA": moving to Vancouver is
no). The sentence is quoted as written, with its source; a profile that says nothing of
the condition is said not to say, which is not a "no".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from agents import FunctionTool

from ask_applicant.agents.offline.evidence import Fact
from ask_applicant.agents.offline.korean import render
from ask_applicant.agents.offline.linking import linked
from ask_applicant.agents.offline.voice import Voice
from ask_applicant.tools.conditions import Topic, asked

# Clauses: English joins ("; ", "but"), and Korean connective endings ("가능하며,",
# "하지만", "않고,") after which another condition starts.
_ABOUT_RESUME = re.compile(
    r"\b(resume|cv|profile|mentions?|mentioned|says?|listed|stated?)\b|이력서|프로필|나와\s*있|적혀|언급",
    re.I,
)
_CLAUSE = re.compile(
    r"\s*(?:;|,\s*but\b|\bbut\b|\bhowever\b|,\s*(?=not\b)|(?<=[다요])\.|(?<=며),|(?<=지만),?"
    r"|(?<=[고서]),)\s*",
    re.I,
)
# Words that say the clause denies what it names; "상관없" (does not matter) does not.
_NEGATION = re.compile(
    r"\b(?:not|no|never|unable|cannot|can't|won't|isn't|doesn't|don't|neither|nor)\b"
    r"|n't\b|않|불가|없|어렵|못|안\s",
    re.I,
)
_NOT_NEGATION = re.compile(r"상관\s*없|관계\s*없|제한\s*없|no matter|no problem", re.I)
# A clause that limits places: "outside the GTA" (a negated one allows only the GTA),
# "within Europe", "only in Seoul", "서울 외", "수도권 내".
_OUTSIDE = re.compile(
    r"\boutside (?:of )?(?P<en>[^,;.]+)|(?P<ko>\S+)\s*(?:외|밖|이외)(?:\s|의|로|에|지역|$)", re.I
)
_WITHIN = re.compile(
    r"\b(?:within|only (?:in|to)|inside) (?P<en>[^,;.]+)"
    r"|(?P<ko>\S+?)\s*(?:내에서만|지역만|내|에서만)(?:\s|$)",
    re.I,
)
# A place in the question: a capitalised name after "to"/"in" ("moving to Vancouver"),
# or a Hangul word before "(으)로"/"에서" ("부산으로 이사").
_PLACE_EN = re.compile(
    r"\b(?:to|in|into|near|within|inside|around)\s+(?:the\s+)?((?:[A-Z][\w.-]*\s?){1,3})"
)
_PLACE_KO = re.compile(
    r"([가-힣A-Za-z]{2,}?)(?:으로|로|에서|\s(?:안|내|지역))(?:는|도|의|에서는?)?\s"
)
# Countries whose Korean name is no spelling of the English one (캐나다 links by sound).
_COUNTRIES = {
    "미국": "US USA United States America",
    "영국": "UK United Kingdom Britain England",
    "호주": "Australia",
    "일본": "Japan",
    "중국": "China",
    "한국": "Korea",
    "독일": "Germany",
    "대만": "Taiwan",
    "유럽": "Europe EU",
}
# Visa questions come in two readings: whether a sponsorship is needed, or whether the
# right to work is held; a sentence in the other reading answers with its opposite.
_NEED = re.compile(r"\b(?:need|needs|require|requires|required|sponsor\w*)\b|필요|스폰서", re.I)
_NO_NEED = re.compile(
    r"\bwithout\s+(?:\w+\s+)?sponsor|\bno\s+(?:\w+\s+)?sponsorship\b"
    r"|\bsponsorship\s+(?:is\s+)?not\s+(?:needed|required)|스폰서\S*\s*(?:없이|불필요|필요\s*없)",
    re.I,
)
_ONLY_REMOTE = re.compile(
    r"\bremote[\s-]+only\b|\bonly\s+remote\b|\bfully\s+remote\s+only\b|원격\s*(?:근무)?만|재택\s*(?:근무)?만",
    re.I,
)
# "Can she start immediately?" is a no to a notice period of weeks or months.
_NOW = re.compile(
    r"\b(?:immediately|right away|straight away|right now|asap|at once)\b|바로|당장|즉시", re.I
)
_NOTICE_LENGTH = re.compile(
    r"\b(?:\d+|one|two|three|four|six|eight)[\s-]+(?:weeks?|months?)|\d+\s*(?:주|개월|달)|한\s*달|두\s*달",
    re.I,
)


@dataclass(frozen=True)
class Said:
    """What the resume says of the condition a question asks about."""

    topic: Topic
    fact: Fact | None
    lead: bool | None


def read(question: str, facts: Sequence[Fact]) -> Said | None:
    """The resume sentence on the working condition the question asks about, and yes or
    no (None: the sentence does not settle it); None when the question asks none or a
    prepared FAQ answer is among the facts."""
    topic = asked(question)
    # The applicant's own prepared answer (the FAQ) is answered as it is written.
    if topic is None or any(fact.source.startswith("faq[") for fact in facts):
        return None
    wanted = topic.cues(question)
    spoken = [
        (fact, clause)
        for fact in facts
        for clause in _CLAUSE.split(fact.text)
        if topic.cues(clause)
    ]
    places = _places(question)
    # "비자가 필요한가요, 미국에서?" of "none needed in Australia, but I would need one
    # for the US": the clause that names the place asked about.
    named = [(fact, clause) for fact, clause in spoken if places and _inside(places, clause)]
    for fact, clause in named or spoken:
        lead = _verdict(question, clause, topic) if topic.cues(clause) & wanted else None
        if lead is None and _ONLY_REMOTE.search(clause) and wanted & {"hybrid", "office"}:
            # "Remote only" is a no to hybrid or office work.
            lead = False
        return Said(topic, fact, lead)
    return Said(topic, None, None)


def speaking_tool(
    topic: Topic, tools: Sequence[FunctionTool], *, exclude: Collection[str] = ()
) -> FunctionTool | None:
    """A tool whose description names the working condition (the FAQ lookup)."""
    return next(
        (t for t in tools if t.name not in exclude and topic.cues(t.description or "")), None
    )


def answer(said: Said, voice: Voice, *, korean: bool, yes_no: bool, question: str = "") -> str:
    """The answer: yes or no first when the question asks whether, then the sentence.

    Silence is no "no" ("Can she relocate?"), except to a question whether the resume
    says so ("Does her resume mention remote work?"): that one it answers.
    """
    if said.fact is None:
        silent = not_said(said.topic, voice, korean=korean)
        if yes_no and _ABOUT_RESUME.search(question):
            return f"아니요, {silent}" if korean else f"No, {silent[0].lower()}{silent[1:]}"
        return silent
    text = render(said.fact.text, said.fact.source) if korean else said.fact.text
    quoted = f"{text} ({said.fact.source})"
    if not yes_no or said.lead is None:
        return f"{_opening(voice, korean=korean)} {quoted}"
    if korean:
        return f"{'예.' if said.lead else '아니요.'} {quoted}"
    return f"{'Yes.' if said.lead else 'No.'} {quoted}"


def not_said(topic: Topic, voice: Voice, *, korean: bool) -> str:
    """Say plainly that the profile does not speak of the condition (not a "no")."""
    if korean:
        owner = "제" if voice.first_person else f"{voice.korean_name()}의"
        return f"{owner} 프로필에는 {topic.korean}에 대한 내용이 없습니다."
    owner = "My" if voice.first_person else _possessive(voice.english_name())
    return f"{owner} profile does not say anything about {topic.label}."


def _verdict(question: str, clause: str, topic: Topic) -> bool:
    stripped = _NOT_NEGATION.sub(" ", clause)
    positive = not _NEGATION.search(stripped)
    place = _places(question)
    if place:
        outside = _OUTSIDE.search(clause)
        within = _WITHIN.search(clause)
        if outside and not positive:
            # "Not ... outside the GTA": only places inside it are yes.
            return _inside(place, outside.group("en") or outside.group("ko") or "")
        if within and positive:
            return _inside(place, within.group("en") or within.group("ko") or "")
    if topic.key == "visa" and _NEED.search(question) and _NO_NEED.search(clause):
        # "Would he need sponsorship?" of "can work ... without sponsorship": no.
        return False
    if topic.key == "visa" and bool(_NEED.search(question)) != bool(_NEED.search(clause)):
        return not positive
    if topic.key == "notice" and _NOW.search(question) and not _NOW.search(clause):
        # Weeks or months of notice are no "immediately".
        return positive and not _NOTICE_LENGTH.search(clause)
    return positive


def _places(question: str) -> list[str]:
    found = [match.strip() for match in _PLACE_EN.findall(question)]
    found += [country for country in _COUNTRIES if country in question]
    for word in _PLACE_KO.findall(f"{question} "):
        if asked(word) is None:  # "원격으로" names a way of working, not a place
            found.append(word)
    return [place for place in found if place]


def _inside(places: Collection[str], limit: str) -> bool:
    named = [*places, *(_COUNTRIES.get(place, "") for place in places)]
    # Whole words: "US" is not the "us" of "Australia".
    return any(
        any(
            re.search(rf"(?<!\w){re.escape(part)}(?!\w)", limit, re.I)
            for part in place.split()
            if len(part) > 1
        )
        or linked(place, limit)
        for place in named
        if place
    )


def _opening(voice: Voice, *, korean: bool) -> str:
    if korean:
        return (
            "제 프로필에는 이렇게 적혀 있습니다:"
            if voice.first_person
            else (f"{voice.korean_name()}의 프로필에는 이렇게 적혀 있습니다:")
        )
    return (
        "My profile says:"
        if voice.first_person
        else (f"{_possessive(voice.english_name())} profile says:")
    )


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"
