"""A question's search terms: its own words, and the glossary concepts they stand for."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from ask_applicant.agents.offline.concept_groups import group_terms
from ask_applicant.agents.offline.glossary import concept_terms, rewrite
from ask_applicant.agents.offline.readings import read, topics
from ask_applicant.agents.offline.spellings import in_english, transliterated_terms
from ask_applicant.agents.offline.terms import terms, with_phrases

# Words for the person asked about: every area is about them, so they route nowhere.
_PERSON_WORDS = frozenset({"applicant", "candidate", "person", "지원", "원자", "후보"})


@dataclass(frozen=True)
class Query:
    """What ranking sees of a question.

    Attributes:
        words: Stemmed terms of the question itself, with adjacent-word pairs, plus the
            English translations of its Korean phrases.
        concepts: Glossary synonyms of its English phrases, minus `words`.
        text: The question as asked, for names spelled in it ("" when built from terms).
        readings: The terms among `words` that its phrasing stands for (see `readings`).
        topics: Terms its phrasing gives its area but not its tool ("Does he know X?" is a
            skills question; which skill tool fits is for its words to say). Routing
            counts them as concepts; `all` leaves them out.
    """

    words: tuple[str, ...]
    concepts: tuple[str, ...]
    text: str = ""
    readings: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()

    @classmethod
    def of(cls, question: str, ignore: Collection[str] = (), *, spelt: str = "") -> Query:
        """Build the query of a question.

        Args:
            question: The question as asked.
            ignore: Terms to leave out (the applicant's name says nothing about the topic).
            spelt: The question's Hangul names as the profile spells them in Latin
                ("App Store" for 앱스토어), which count as its own words.

        Returns:
            The query.
        """
        readings, rest = read(question)
        text = rewrite(rest)
        skip = {*ignore, *_PERSON_WORDS}
        # Korean phrases translated into English, and what the phrasing itself says
        # (readings), are the question's own words in the language of the descriptions;
        # English synonyms only widen the question.
        found = [
            *with_phrases(terms(in_english(text), parts=False)),
            *transliterated_terms(text),
            *with_phrases(terms(spelt, parts=False)),
            *group_terms(text),
            *concept_terms(text, korean=True),
            *readings,
        ]
        words = list(dict.fromkeys(term for term in found if term not in skip))
        concepts = [term for term in concept_terms(text, korean=False) if term not in skip]
        concepts = [concept for concept in concepts if concept not in words]
        return cls(
            words=tuple(words),
            concepts=tuple(concepts),
            text=question,
            readings=tuple(term for term in readings if term in words),
            topics=tuple(term for term in topics(question) if term not in skip),
        )

    @property
    def all(self) -> list[str]:
        """Words and concepts together."""
        return [*self.words, *self.concepts]

    def without(self, noise: Collection[str]) -> Query:
        """The query minus some terms (a tool's own name inside its answer)."""
        return Query(
            words=tuple(term for term in self.words if term not in noise),
            concepts=tuple(term for term in self.concepts if term not in noise),
            text=self.text,
            readings=tuple(term for term in self.readings if term not in noise),
            topics=tuple(term for term in self.topics if term not in noise),
        )
