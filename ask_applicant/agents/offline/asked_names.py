"""The names a question asks about, and whether a fact names them.

"Has he run services on Kubernetes?" asks about Kubernetes; "services" and "run" are its
grammar and its generic words. A yes may only cite a fact that names the thing itself:
an AWS certificate says "Amazon Web Services", which shares "services" with the question
and nothing it asks about. A name is a capitalised word past the question's first (or a
run of them: "Apache Flink"), a word shaped like a technology ("k8s", "node.js"), any
Latin word of a Korean question, or a Hangul word that is a known name ("쿠버네티스를").
A fact names it when it holds all of its words; a vendor's name in front may be left
out ("Flink" names "Apache Flink"), as resumes and questions often do.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ask_applicant.agents.offline.acronyms import acronyms, initials
from ask_applicant.agents.offline.concept_groups import group_terms
from ask_applicant.agents.offline.glossary import concept_terms
from ask_applicant.agents.offline.intent import subject_terms
from ask_applicant.agents.offline.linking import linked
from ask_applicant.agents.offline.spans import strip_particle
from ask_applicant.agents.offline.spellings import TRANSLITERATIONS
from ask_applicant.agents.offline.terms import is_korean, terms

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.+#-]*")
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_SENTENCE_END = re.compile(r"[.?!]\s+$")
# A one-letter name: the languages C and R.
_LETTER = re.compile(r"[A-Z]")
# Vendors whose name a product often goes without: "Apache Kafka" is Kafka.
_VENDORS = frozenset(
    terms(
        "apache google amazon aws microsoft azure oracle ibm meta facebook adobe apple "
        "eclipse hashicorp jetbrains mozilla elastic red hat"
    )
)


@dataclass(frozen=True)
class Name:
    """A name as the question spells it, and its search terms."""

    spelling: str
    terms: tuple[str, ...]


def asked_names(question: str, ignore: Collection[str] = ()) -> list[Name]:
    """The names a question asks about, each as its search terms.

    Args:
        question: The question (a follow-up already made whole).
        ignore: Terms that name no thing here (the applicant's name).

    Returns:
        The names in order; empty when the question names nothing this can tell.
    """
    korean = is_korean(question)
    asked = set(subject_terms(question))
    runs: list[list[str]] = []
    previous_end: int | None = None
    for index, match in enumerate(_WORD.finditer(question)):
        word = match.group().rstrip(".-")
        # A sentence's first word is capitalised anyway ("... GitHub? Send me the link.").
        first = index == 0 or bool(_SENTENCE_END.search(question[: match.start()]))
        if not _is_name(word, first=first, korean=korean):
            previous_end = None
            continue
        # Adjacent name words ("Apache Flink") make one name.
        if previous_end is not None and not question[previous_end : match.start()].strip():
            runs[-1].append(word)
        else:
            runs.append([word])
        previous_end = match.end()
    names: list[Name] = []
    for run in runs:
        spelling = " ".join(run)
        if _LETTER.fullmatch(spelling):
            # "What about C?": a one-letter language, which search terms leave out.
            names.append(Name(spelling, (spelling.lower(),)))
            continue
        found = tuple(term for term in terms(spelling, parts=False) if term not in ignore)
        # Only a name the question asks about: not a grammar word it happens to capitalise.
        if found and any(term in asked for term in found):
            names.append(Name(spelling, found))
    # A Hangul word that is a known name whole ("쿠버네티스를"), not one that starts with
    # one ("깃허브" is GitHub, not Git).
    for word in _HANGUL_WORD.findall(question):
        english = TRANSLITERATIONS.get(strip_particle(word))
        found = tuple(term for term in terms(english or "", parts=False) if term not in ignore)
        if english and found:
            names.append(Name(english, found))
    return list(dict.fromkeys(names))


def names_all(text: str, names: Sequence[Name]) -> bool:
    """True when the text names every one of the names (see `names_one`)."""
    return all(names_one(text, name) for name in names)


def names_one(text: str, name: Name) -> bool:
    """True when the text names the name: all its words, a vendor in front aside, or its
    spelling in the other script ("Flink" is "플링크").

    Args:
        text: A fact's text.
        name: The name.
    """
    if _LETTER.fullmatch(name.spelling):
        return bool(re.search(rf"(?<![\w+#.-]){name.spelling}(?![\w+#])", text))
    found = {*terms(text), *concept_terms(text), *group_terms(text)}
    words = set(name.terms)
    if words <= found:
        return True
    if len(name.terms) > 1 and name.terms[0] in _VENDORS and set(name.terms[1:]) <= found:
        return True
    if linked(name.spelling, text):
        return True
    # An acronym written out (RTOS and "real-time operating system") names it; one both
    # hold names it when it is the name's head ("REST API" and "OpenAPI"), not a vendor
    # in front of another word ("SAP MM" is not "SAP FI").
    asked, held = acronyms(name.spelling), acronyms(text)
    if (initials(name.spelling) & held) or (asked & initials(text)):
        return True
    return name.terms[-1] in asked & held


def _is_name(word: str, *, first: bool, korean: bool) -> bool:
    if word == "I" or not word:
        return False
    if korean:
        return True
    if re.search(r"[+#.]|\d", word) or word[1:] != word[1:].lower():
        return True
    return word[0].isupper() and not first
