"""Career changes: "When did she make the jump from engineering into product?"

A recruiter reading a career changer's resume asks when (or whether) the applicant moved
from one field to another: "Was she a designer before she became a developer?",
"간호사에서 개발자로 언제 전향했어요?". The question names the two fields; the work
history's titles say which jobs belong to each. The answer is the first job of the new
field and the last of the old one before it, with the date of the move: not the latest
job the new field's word also names.

A field and a title meet by the root of their words ("engineering" and "Engineer",
"nursing" and "Nurse") or, for Korean words, by the glossary's English concepts
("개발자" stands for developer and engineer).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ask_applicant.agents.offline import entry
from ask_applicant.agents.offline.evidence import Fact
from ask_applicant.agents.offline.glossary import concept_terms
from ask_applicant.agents.offline.korean import korean_date
from ask_applicant.agents.offline.linking import linked
from ask_applicant.agents.offline.periods import PERIOD
from ask_applicant.agents.offline.terms import terms

_FIELD = r"[\w][\w&/+ -]{1,40}?"
_ARTICLE = r"(?:(?:an?|the|her|his|their|my)\s+)?"
_SHAPES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # "from engineering into product", "switch from teaching to software development"
        rf"\b(?:jump|jumped|switch|switched|move|moved|transition|transitioned|change|changed"
        rf"|pivot|pivoted|go|went|shift|shifted|career)\b.*?\bfrom\s+{_ARTICLE}(?P<a>{_FIELD})"
        rf"\s+(?:in)?to\s+{_ARTICLE}(?P<b>{_FIELD})"
        rf"(?=\s*(?:[?.,!]|$|\s(?:and|in|at|role|roles|work|job|jobs|career)\b))",
        # "Was she a designer before she became a developer?"
        rf"\b(?:an?|in|as(?:\s+an?)?)\s+(?P<a>\w[\w-]*(?:\s+\w[\w-]*)?)\s+before\s+"
        rf"(?:she|he|they|I|you)\s+"
        rf"(?:became|become|moved|switched|went|turned|got)\s+(?:in)?(?:to\s+)?{_ARTICLE}"
        rf"(?P<b>{_FIELD})(?=\s*(?:[?.,!]|$))",
        # "간호사에서 개발자로 언제 전향했어요?"
        r"(?P<a>(?:[\w]+\s)?[\w]+?)(?:에서|하다가|였다가|이었다가)\s*(?:[\w]+\s+)??"
        r"(?P<b>[\w]+?)(?:으로|로)\s*(?:\S+\s+)?(?:전향|전환|전직|이직|넘어|옮|바꾸|바꿨|커리어)",
    )
)
_WORD = re.compile(r"[A-Za-z]+")
_ACRONYM = re.compile(r"\b[A-Z]{2}\b")
_SUFFIXES = ("ing", "ment", "er", "or", "ist", "e", "s")
_SHORTEST_ROOT = 5


@dataclass(frozen=True)
class _Job:
    fact: Fact
    title: str
    employer: str
    start: str
    end: str


def asked(question: str) -> tuple[str, str] | None:
    """The two fields a question about a career change names (from, to), else None."""
    for shape in _SHAPES:
        found = shape.search(question)
        if found:
            return found["a"].strip(), found["b"].strip()
    return None


def answer(
    facts: Sequence[Fact], fields: tuple[str, str], *, korean: bool, yes_no: bool
) -> str | None:
    """The move from the first field to the second as the work history dates it, or None
    when no job of the second field follows one of the first.

    Args:
        facts: The evidence (the work history's jobs count).
        fields: The fields the question names, from and to.
        korean: Answer in Korean.
        yes_no: The question asks whether: yes first.
    """
    jobs = sorted((job for fact in facts if (job := _job(fact))), key=lambda job: job.start)
    before, after = fields
    new = [job for job in jobs if _in_field(job.title, after) and not _in_field(job.title, before)]
    old = [job for job in jobs if _in_field(job.title, before)]
    for first in new:
        earlier = [job for job in old if job.start < first.start]
        if earlier:
            return _told(earlier[-1], first, korean=korean, yes_no=yes_no)
    return None


def _job(fact: Fact) -> _Job | None:
    if not fact.source.startswith("work["):
        return None
    heading = entry.heading(fact.text)
    period = PERIOD.search(fact.text)
    if not heading or period is None:
        return None
    title, _, employer = heading.partition(" at ")
    return _Job(fact, title.strip(), employer.strip(), period["start"], period["end"])


def _in_field(title: str, field: str) -> bool:
    """True when a job title belongs to a field ("Backend Engineer" to "engineering")."""
    wanted = {_root(term) for term in terms(field)} | set(concept_terms(field, korean=True))
    held = {_root(term) for term in terms(title)} | set(concept_terms(title, korean=True))
    if any(_same_root(one, other) for one in wanted for other in held):
        return True
    if linked(field, title):
        # "비즈니스 분석가" and "Business Analyst": a name in the other script.
        return True
    # "PM" is a Product Manager, "QA" a QA engineer's field already by its word.
    words = [word[0].lower() for word in _WORD.findall(title)]
    pairs = {"".join(pair) for pair in pairwise(words)}
    return any(acronym.lower() in pairs for acronym in _ACRONYM.findall(field))


def _root(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _SHORTEST_ROOT - 1:
            return word[: -len(suffix)]
    return word


def _same_root(one: str, other: str) -> bool:
    if one == other:
        return True
    shorter, longer = sorted((one, other), key=len)
    return len(shorter) >= _SHORTEST_ROOT and longer.startswith(shorter)


def _told(old: _Job, new: _Job, *, korean: bool, yes_no: bool) -> str:
    sources = f"({new.fact.source}, {old.fact.source})"
    if korean:
        lead = "예. " if yes_no else ""
        return (
            f"{lead}{korean_date(new.start)}: {_korean_heading(old)} "
            f"({korean_date(old.start)} – {korean_date(old.end)}) → {_korean_heading(new)} "
            f"{sources}"
        )
    lead = "Yes. " if yes_no else ""
    # "On 2022-11-03", but "In 2022-11".
    on = "On" if len(new.start) > len("2022-11") else "In"
    return (
        f"{lead}{on} {new.start}: from {_heading(old)} ({old.start} – {old.end}) to "
        f"{_heading(new)} {sources}."
    )


def _heading(job: _Job) -> str:
    return f"{job.title} at {job.employer}" if job.employer else job.title


def _korean_heading(job: _Job) -> str:
    # A Korean answer names the employer first, as the other Korean job lines do.
    return f"{job.employer} · {job.title}" if job.employer else job.title
