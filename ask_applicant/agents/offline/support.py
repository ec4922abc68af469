"""Support: which facts speak of what a question names, and the facts an answer keeps.

A question names its subject ("Go", "Credit Suisse", 네이버); a tool returns a whole
section. The facts that hold the subject (in either script, as an acronym written out,
or in their field's name:
`basics.location` for "location") back the answer; the others are context a recruiter
did not ask for. A description keeps only the backing facts when some, not all, hold
the subject ("How good is his Go?" wants the Go skill, not every skill group); a "where"
question without such a fact keeps the facts whose field is a location.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from ask_applicant.agents.offline.acronyms import abbreviated
from ask_applicant.agents.offline.concept_groups import group_terms
from ask_applicant.agents.offline.evidence import Fact
from ask_applicant.agents.offline.glossary import concept_terms, is_korean_phrase
from ask_applicant.agents.offline.intent import Intent, subject_terms
from ask_applicant.agents.offline.link_kinds import link_kinds
from ask_applicant.agents.offline.linking import linked
from ask_applicant.agents.offline.spans import strip_particle
from ask_applicant.agents.offline.spellings import transliterated_terms
from ask_applicant.agents.offline.terms import terms

# Concepts of an English question that name the thing asked about, not its grammar.
_ANCHORS = frozenset({"found", "founder", "startup", "publication", "award", "certificate"})
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_PLACES = frozenset({"location", "city", "region", "country"})
# What a Korean word's translation may be that names a kind of thing, not one thing:
# "독일어" is "language german", and only German says which language.
_CATEGORIES = frozenset(
    terms(
        "language skill technology work company experience year education school degree "
        "project role list all contact basics summary faq reason goal"
    )
)


def subject_of(question: str, ignore: Collection[str] = ()) -> list[str]:
    """The terms a fact must hold to speak of what the question names.

    Args:
        question: The question (a follow-up already made whole).
        ignore: Terms that say nothing about the topic (the applicant's name).
    """
    # A Korean word the glossary knows stands for its English words ("중국어" is
    # Chinese): its syllable pairs would match other words ("국어" of 한국어).
    known = {
        term
        for word in _HANGUL_WORD.findall(question)
        if is_korean_phrase(strip_particle(word))
        for term in terms(strip_particle(word))
    }
    subject = [
        *(term for term in subject_terms(question) if term not in known),
        *transliterated_terms(question),
        *concept_terms(question, korean=True),
    ]
    subject = [term for term in subject if term not in ignore and term not in _CATEGORIES]
    return subject + [c for c in concept_terms(question, korean=False) if c in _ANCHORS]


def supports(fact: Fact, question: str, subject: Sequence[str]) -> bool:
    """True when the fact speaks of what the question names, in either script."""
    return touched(fact.text, question, subject) > 0 or bool(
        set(terms(field(fact.source))) & set(subject)
    )


def touched(text: str, question: str, subject: Sequence[str]) -> int:
    """How many of the question's terms the text holds (a cross-script name counts one)."""
    found = set(terms(f"{text} {link_kinds(text)}"))
    found.update(concept_terms(text))
    # The fact's words for a thing it names meet the question's other words for it.
    found.update(group_terms(text))
    count = sum(1 for term in set(subject) if term in found or _prefixed(term, found))
    return count + int(linked(question, text)) + int(abbreviated(question, text))


def field(source: str) -> str:
    """The field a source names: "basics.location" → "location", "work[1]" → "work"."""
    return re.sub(r"\[\d+\]", "", source.rsplit(".", 1)[-1])


def is_place(fact: Fact) -> bool:
    """True for a fact whose field is a location ("basics.location")."""
    return field(fact.source) in _PLACES


def focus(
    facts: Sequence[Fact], question: str, intent: Intent, ignore: Collection[str] = ()
) -> list[Fact]:
    """The facts a listed answer keeps, in their order.

    Args:
        facts: The evidence's ranked facts.
        question: The question (a follow-up already made whole).
        intent: What the question asks for.
        ignore: Terms that say nothing about the topic (the applicant's name).

    Returns:
        The facts that hold the subject of a description or a "where" question when
        only some do; a "where" question's location facts when none does; else all.
    """
    if intent not in (Intent.DESCRIBE, Intent.WHERE):
        return list(facts)
    subject = subject_of(question, ignore)
    backing = [fact for fact in facts if supports(fact, question, subject)]
    if backing and len(backing) < len(facts):
        return backing
    if intent is Intent.WHERE and not backing:
        places = [fact for fact in facts if is_place(fact)]
        return places or list(facts)
    return list(facts)


def _prefixed(term: str, found: set[str]) -> bool:
    # "intern" and "internship": one word's stem begins the other's.
    return len(term) >= 5 and any(
        len(other) >= 5 and (other.startswith(term) or term.startswith(other)) for other in found
    )
