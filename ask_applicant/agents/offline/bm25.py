"""Okapi BM25 over small collections: handoff targets, tools, facts.

The one implementation in the project; the tools' keyword search (`tools.ranking`) uses it
too.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence


class Bm25Index:
    """Scores a query's terms against a fixed list of documents.

    The collections are small (three specialists, a dozen tools, a resume's facts); the
    offline planner keeps its routing and tool indexes for the life of its graph.

    Args:
        documents: Each document's terms, duplicates meaningful.
        k1: Term-frequency saturation.
        b: Length normalisation; lower values punish long documents less.
    """

    def __init__(self, documents: Sequence[Sequence[str]], *, k1: float = 1.2, b: float = 0.5):
        self._k1 = k1
        self._b = b
        self._counts = [Counter(document) for document in documents]
        self._lengths = [len(document) for document in documents]
        self._average_length = (sum(self._lengths) / len(self._lengths)) if documents else 0.0
        frequency: Counter[str] = Counter()
        for counts in self._counts:
            frequency.update(counts.keys())
        size = len(documents)
        # The "+1" keeps idf positive for terms every document shares.
        self._idf = {
            term: math.log(1 + (size - seen + 0.5) / (seen + 0.5))
            for term, seen in frequency.items()
        }

    def __len__(self) -> int:
        return len(self._counts)

    def scores(
        self, query: Sequence[str], weights: Mapping[str, float] | None = None
    ) -> list[float]:
        """Return one score per document, in document order.

        Args:
            query: The query's terms; repeated terms count once.
            weights: Factors for some terms (1.0 for the rest).

        Returns:
            Non-negative scores; 0.0 means no query term occurs in the document.
        """
        weights = weights or {}
        unique = [term for term in dict.fromkeys(query) if term in self._idf]
        results: list[float] = []
        for counts, length in zip(self._counts, self._lengths, strict=True):
            norm = self._k1 * (1 - self._b + self._b * length / (self._average_length or 1.0))
            score = 0.0
            for term in unique:
                tf = counts.get(term, 0)
                if tf:
                    weight = weights.get(term, 1.0)
                    score += weight * self._idf[term] * tf * (self._k1 + 1) / (tf + norm)
            results.append(score)
        return results
