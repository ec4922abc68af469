"""BM25 ranks documents by the rare query terms they hold."""

from __future__ import annotations

from ask_applicant.agents.offline.bm25 import Bm25Index


def test_the_document_holding_the_rare_term_wins() -> None:
    index = Bm25Index([["python", "skill"], ["kafka", "skill"], ["school", "degree"]])
    scores = index.scores(["kafka", "skill"])
    assert scores[1] > scores[0] > 0
    assert scores[2] == 0.0


def test_no_shared_term_scores_zero_everywhere() -> None:
    index = Bm25Index([["a"], ["b"]])
    assert index.scores(["c"]) == [0.0, 0.0]
    assert index.scores([]) == [0.0, 0.0]


def test_repeating_a_query_term_does_not_change_the_score() -> None:
    index = Bm25Index([["kafka", "x"], ["y"]])
    assert index.scores(["kafka"]) == index.scores(["kafka", "kafka"])


def test_an_empty_collection_scores_nothing() -> None:
    assert Bm25Index([]).scores(["a"]) == []


def test_a_weighted_term_counts_that_many_times_more() -> None:
    index = Bm25Index([["kafka", "x"], ["python", "y"]])
    plain = index.scores(["kafka", "python"])
    weighted = index.scores(["kafka", "python"], {"kafka": 2.0})
    assert plain[0] == plain[1]
    assert weighted[0] == 2 * plain[0]
    assert weighted[1] == plain[1]
