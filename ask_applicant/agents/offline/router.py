"""The router: which area (handoff target) a question belongs to.

An area is scored on two fields, BM25F-style: its label (the handoff description and
agent name, short and written on purpose, so weighted double) and its vocabulary (the
agent graph's extra routing text: the area's tool names and descriptions and the words of
the profile sections it covers, long and noisy). A question that names one of the things
only one area holds (the chat service, an employer) earns that area a fixed bonus, and
the areas that refer to that thing (the awards an employer gave) half of it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ask_applicant.agents.offline.bm25 import Bm25Index
from ask_applicant.agents.offline.choices import Choices
from ask_applicant.agents.offline.query import Query
from ask_applicant.agents.offline.terms import identifier_terms, terms, with_phrases

LABEL_WEIGHT = 2.0
VOCABULARY_WEIGHT = 1.0
# Glossary concepts are a translation aid: they decide when the question's own words do
# not ("학력" has no English word in common with "education"), not against them.
CONCEPT_WEIGHT = 0.5
# Below this no area has really matched: triage answers with help instead of guessing.
# Calibrated on three areas, where it takes a label word only one area holds; it scales
# with the idf of such a word, so that a triage with one or ten handoffs behaves alike.
ROUTE_THRESHOLD = 0.6
_CALIBRATION_AREAS = 3
# A specialist hands a question back only when another area beats its own this clearly.
HAND_BACK_RATIO = 2.0
# A question naming something only one area holds (a project, an employer, a school) is
# about that thing: the name counts like two label words of that area. An area that only
# refers to the thing (an award's awarder) gets a share.
NAME_WEIGHT = 4.0
REFERENCE_SHARE = 0.5


@dataclass(frozen=True)
class Area:
    """One place a question can go.

    Attributes:
        key: The agent name (`Handoff.agent_name`).
        label: The handoff's description.
        vocabulary: Extra routing text for the area.
        names: Names of the things the area holds (projects, employers, schools), matched
            in the question however they are cased and spaced.
        references: Names of things the area refers to (the company of a project).
    """

    key: str
    label: str = ""
    vocabulary: str = ""
    names: tuple[str, ...] = ()
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ranking:
    """Areas with their scores, in area order."""

    areas: tuple[Area, ...]
    scores: tuple[float, ...]

    def best(self) -> tuple[Area, float] | None:
        """The highest-scoring area (the first on ties), or None when there are no areas."""
        if not self.areas:
            return None
        index = max(range(len(self.areas)), key=lambda i: (self.scores[i], -i))
        return self.areas[index], self.scores[index]

    def score_of(self, key: str) -> float:
        """The score of the area with this key (0.0 when absent)."""
        for area, score in zip(self.areas, self.scores, strict=True):
            if area.key == key:
                return score
        return 0.0


class Router:
    """Scores questions against a fixed set of areas."""

    def __init__(self, areas: Sequence[Area]) -> None:
        self._areas = tuple(areas)
        self._labels = Bm25Index(
            [identifier_terms(area.key) + with_phrases(terms(area.label)) for area in self._areas],
            b=0.3,
        )
        self._vocabulary = Bm25Index(
            [with_phrases(terms(area.vocabulary)) for area in self._areas], b=0.5
        )
        # A name two areas share (an employer a project also names) does not tell them apart.
        owners = Counter(
            folded for area in self._areas for folded in {name.casefold() for name in area.names}
        )
        self._names = Choices(
            {
                area.key: {name: [name] for name in area.names if owners[name.casefold()] == 1}
                for area in self._areas
            }
        )
        self._references = Choices(
            {area.key: {name: [name] for name in area.references} for area in self._areas}
        )

    def rank(self, query: Query) -> Ranking:
        """Score a question against every area; glossary concepts count at a discount."""
        scores = [
            CONCEPT_WEIGHT * concept + word + self._named(area, query.text)
            for area, word, concept in zip(
                self._areas,
                self._score(query.words),
                self._score([*query.concepts, *query.topics]),
                strict=True,
            )
        ]
        return Ranking(areas=self._areas, scores=tuple(scores))

    def _named(self, area: Area, text: str) -> float:
        if not text:
            return 0.0
        if self._names.pick(area.key, text) is not None:
            return NAME_WEIGHT
        if self._references.pick(area.key, text) is not None:
            return NAME_WEIGHT * REFERENCE_SHARE
        return 0.0

    def _score(self, found: Sequence[str]) -> list[float]:
        labels = self._labels.scores(found)
        vocabulary = self._vocabulary.scores(found)
        return [
            LABEL_WEIGHT * label + VOCABULARY_WEIGHT * extra
            for label, extra in zip(labels, vocabulary, strict=True)
        ]

    @property
    def threshold(self) -> float:
        """The score an area needs to count as matched."""
        return ROUTE_THRESHOLD * _rare_idf(len(self._areas)) / _rare_idf(_CALIBRATION_AREAS)

    def route(self, query: Query) -> Area | None:
        """Return the winning area, or None when nothing scores above the threshold."""
        best = self.rank(query).best()
        if best is None or best[1] < self.threshold:
            return None
        return best[0]

    def elsewhere(self, query: Query, own: str, *, bar: float = 1.0) -> Area | None:
        """Return an area that fits clearly better than `own`, if there is one.

        Args:
            query: The question.
            own: The key of the area asking.
            bar: How many thresholds the other area must score (a follow-up, which
                leans on `own`, needs more than a stray word to leave it).
        """
        ranking = self.rank(query)
        best = ranking.best()
        if best is None or best[0].key == own or best[1] < bar * self.threshold:
            return None
        if best[1] <= HAND_BACK_RATIO * ranking.score_of(own):
            return None
        return best[0]


def _rare_idf(size: int) -> float:
    """The idf of a term only one of `size` documents holds (see `Bm25Index`)."""
    return math.log(1 + (max(size, 1) - 1 + 0.5) / 1.5)
