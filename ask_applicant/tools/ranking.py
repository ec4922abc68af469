"""Keyword ranking of facts (BM25 over the Hangul-aware tokens)."""

from __future__ import annotations

import math
from collections import Counter

from ask_applicant.profile.text import tokens
from ask_applicant.tools.result import Fact

_K1 = 1.2
_B = 0.75
MAX_QUERY_CHARS = 2_000


def rank(query: str, facts: list[Fact], *, limit: int = 8) -> list[Fact]:
    """The facts that share words with the query, best first.

    Args:
        query: Free text in any language; only its first 2,000 characters count.
        facts: The candidates.
        limit: The most facts to return.

    Returns:
        Matching facts by descending BM25 score; ties keep profile order. Empty when
        the query has no searchable words or nothing matches.
    """
    wanted = set(tokens(query[:MAX_QUERY_CHARS]))
    if not wanted or not facts:
        return []
    docs = [Counter(tokens(f"{fact.source} {fact.text}")) for fact in facts]
    average = sum(sum(d.values()) for d in docs) / len(docs) or 1.0
    frequency = Counter(term for d in docs for term in set(d) if term in wanted)
    scored = []
    for i, doc in enumerate(docs):
        length = sum(doc.values())
        score = 0.0
        for term in wanted & doc.keys():
            idf = math.log(1 + (len(docs) - frequency[term] + 0.5) / (frequency[term] + 0.5))
            tf = doc[term]
            score += idf * tf * (_K1 + 1) / (tf + _K1 * (1 - _B + _B * length / average))
        if score > 0:
            scored.append((-score, i))
    return [facts[i] for _, i in sorted(scored)[:limit]]
