"""Particulars: answers whose shape is their own.

A job fit (yes, partly or no, then what matches and what is missing); the public ways
to reach the applicant for "How can I contact her?"; the years of all jobs together
("How experienced is she?"); each degree's grade, or that none is given; and a "no"
that names what the section does hold ("a computer science degree?" is answered with
the degree she has).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ask_applicant.agents.offline import entry, periods
from ask_applicant.agents.offline.evidence import Evidence, Fact
from ask_applicant.agents.offline.glossary import concept_terms
from ask_applicant.agents.offline.korean import render
from ask_applicant.agents.offline.linking import linked
from ask_applicant.agents.offline.spans import QuestionSpans
from ask_applicant.agents.offline.support import field, supports
from ask_applicant.agents.offline.terms import terms
from ask_applicant.agents.offline.wording import join, not_mentioned

_OPPOSITES = (
    (
        re.compile(r"\bfull[- ]time\b|풀타임|정규직", re.I),
        re.compile(r"\bpart[- ]time\b|파트타임|시간제", re.I),
    ),
    (
        re.compile(r"\bpermanent\b|\bindefinite\b|정규직", re.I),
        re.compile(r"\bcontract\b|\bcontractor\b|\btemporary\b|\bfixed[- ]term\b|계약직", re.I),
    ),
)
GRADES = re.compile(r"\bgpa\b|\bgrade point|\bgrades?\b|학점|평점", re.I)
_SCORE = re.compile(r"Score: (?P<score>.+?)(?=\.\s|\.$|;|$)")
_JOBS_TOTAL = re.compile(r"Jobs cover about (?P<years>[\d.]+) years in total")
_IN_TOTAL = re.compile(
    r"\b(in total|total|overall|altogether|all told)\b|총|전체|통틀어|합쳐", re.I
)
# The whole career asked for by name: "전체 경력", "총 경력", "whole career".
WHOLE_CAREER = re.compile(
    r"(전체|총|통틀어)\s*경력|\b(whole|entire|total|overall)\s+(career|work\s+experience)\b",
    re.I,
)
# The basics fields that are public ways to reach the applicant, in the order given.
CHANNELS = ("basics.email", "basics.url", "basics.website", "basics.profiles")
# Words that leave "experience" meaning the whole career ("professional experience").
_EXPERIENCE_WORDS = frozenset(
    terms(
        "experience experienced career years year professional professionally work working "
        "industry full-time paid 경력 경험 연차 실무 사회 직장"
    )
)


def no_end(fact: Fact, *, korean: bool) -> str:
    """The lead for when something ends, of an entry going on: no end date is given."""
    begun = periods.PERIOD.search(fact.text)
    start = begun["start"] if begun else ""
    if korean:
        return f"종료일은 나와 있지 않습니다. {render(start)}부터 현재까지입니다."
    return f"No end date is given: it has run since {start}."


def ended(fact: Fact, *, korean: bool) -> str | None:
    """The lead for when something ended, of an entry that has ended: its end first
    ("When did he graduate?" is 2015-05, not 2011-08 – 2015-05); None for one going on."""
    period = periods.PERIOD.search(fact.text)
    if period is None or period["end"] == "present":
        return None
    # The line that follows gives the whole period.
    return f"{render(period['end'])}입니다." if korean else f"{period['end']}."


def asks_kind(question: str) -> bool:
    """True when the question asks what kind of employment a job is (full-time or
    part-time, permanent or contract)."""
    return any(pattern.search(question) for pair in _OPPOSITES for pattern in pair)


def kind_lead(question: str, text: str, *, korean: bool) -> str | None:
    """The lead of a question about the kind of employment: yes when the job says the
    kind asked, no when it says the other of the pair, else that it does not say (a
    part-time job is neither a yes nor a no to "a contract?"); None for other questions."""
    asked = [(one, other) for pair in _OPPOSITES for one, other in (pair, pair[::-1])]
    asked = [(one, other) for one, other in asked if one.search(question)]
    if not asked:
        return None
    if any(one.search(text) for one, _ in asked):
        return "예." if korean else "Yes."
    if any(other.search(text) for _, other in asked):
        return "아니요." if korean else "No."
    return "프로필에는 나와 있지 않습니다." if korean else "The profile does not say."


def career_total(evidence: Evidence, question: str, subject: Sequence[str]) -> str | None:
    """The work history's total years when the question asks for it: it says "in total"
    or names nothing but experience ("How experienced is she?")."""
    found = next((m for note in evidence.notes if (m := _JOBS_TOTAL.search(note))), None)
    if found is None:
        return None
    # The question's own words, not its syllable pairs ("력이" of "경력이").
    named = [
        word
        for word in QuestionSpans(question).content
        if not set(terms(word)) <= _EXPERIENCE_WORDS and set(terms(word)) & set(subject)
    ]
    return found["years"] if _IN_TOTAL.search(question) or not named else None


def networks_named(fact: Fact, question: str) -> Fact:
    """The profile links fact cut to the networks the question names ("What's her
    LinkedIn?", "깃허브 주소"), in either script; the fact as it is otherwise."""
    if fact.source != "basics.profiles" or ": " not in fact.text:
        return fact
    label, links = fact.text.split(": ", 1)
    parts = links.split("; ")
    named = [
        part
        for part in parts
        if part.split()
        and (part.split()[0].casefold() in question.casefold() or linked(question, part.split()[0]))
    ]
    if not named or len(named) == len(parts):
        return fact
    return Fact(fact.source, f"{label}: {'; '.join(named)}")


# Networks a recruiter names for a link ("her GitHub?"), and words that ask for one.
_NETWORKS = frozenset({"github", "linkedin", "gitlab", "twitter", "behance", "dribbble"})
_LINKS = frozenset({"websit", "link", "homepag", "blog"})


def channels(
    facts: Sequence[Fact], question: str, subject: Sequence[str], *, korean: bool
) -> str | None:
    """The email and links of the basics, for a question that asks how to reach the
    applicant ("What's the best way to reach her about an interview?"): the channel it
    names ("her email?") or all of them; None when the question asks something else or
    the facts hold no channel."""
    words = {*terms(question), *concept_terms(question)}
    networks = _NETWORKS & words
    if "contact" not in words and not networks and not _LINKS & words:
        return None
    held = sorted(
        (fact for fact in facts if fact.source in CHANNELS),
        key=lambda fact: CHANNELS.index(fact.source),
    )
    # "What's her GitHub?": the link of the network named, not the website beside it.
    named = [
        fact
        for fact in held
        if (networks & set(terms(fact.text)) if networks else supports(fact, question, subject))
    ]
    shown = [
        f"{render(fact.text, fact.source) if korean else fact.text} ({fact.source})"
        for fact in named or held
    ]
    return join("", shown) if shown else None


def fit(lines: Sequence[Fact], *, korean: bool) -> str:
    """A job fit: yes when every skill asked for shows, partly when some do, else no."""
    matched = sum(fact.text.startswith("Matched:") for fact in lines)
    if korean:
        lead = "예." if matched == len(lines) else ("일부 맞습니다." if matched else "아니요.")
    else:
        lead = "Yes." if matched == len(lines) else ("Partly." if matched else "No.")
    ordered = sorted(lines, key=lambda fact: not fact.text.startswith("Matched:"))
    shown = [render(fact.text, fact.source) if korean else fact.text for fact in ordered]
    # A line that names its jobs by name cites their sources after it.
    cited = [
        f"{text} ({fact.source})"
        if fact.text.startswith("Matched:") and fact.source not in fact.text
        else text
        for text, fact in zip(shown, ordered, strict=True)
    ]
    return join(lead, cited)


def grades(facts: Sequence[Fact], *, korean: bool) -> str:
    """Each degree's score ("Score: 3.6" as the tools write it), or that none is given."""
    scored = [
        (fact, found["score"].strip())
        for fact in facts
        if field(fact.source) == "education" and (found := _SCORE.search(fact.text))
    ]
    if not scored:
        asked = "학점" if korean else "a GPA"
        return not_mentioned(asked, korean=korean, answer_no=False)
    lines = []
    for fact, score in scored:
        head = entry.heading(fact.text) or fact.text.split(" (", 1)[0]
        label = "성적" if korean else "Score"
        lines.append(
            f"{render(head, fact.source) if korean else head}: {label} {score} ({fact.source})"
        )
    return join("", lines)


def held_instead(no: str, evidence: Evidence, question: str, korean: bool) -> str:
    """A "no" followed by what the section asked about does hold: "a computer science
    degree?" is answered with the degree she has, not only with what she lacks."""
    asked = set(concept_terms(question))
    held = [fact for fact in evidence.facts if field(fact.source) in asked]
    heads = [(entry.heading(fact.text), fact.source) for fact in held[:3]]
    shown = [
        f"{render(head, source) if korean else head} ({source})" for head, source in heads if head
    ]
    if not shown:
        return no
    return f"{no} {'프로필에 있는 내용' if korean else 'What it lists'}: {'; '.join(shown)}."


def career_answer(evidence: Evidence, years: str, *, korean: bool) -> str:
    """ "About 11.7 years in total." and each job's heading and period."""
    told = f"총 약 {years}년입니다." if korean else f"About {years} years in total."
    jobs = [fact for fact in evidence.facts if field(fact.source) == "work"][:4]
    heads = [(entry.headline(fact.text), fact.source) for fact in jobs]
    lines = [f"{render(head, src) if korean else head} ({src})" for head, src in heads if head]
    return join(told, lines)
