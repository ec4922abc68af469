"""The router scores questions against areas and declines when nothing matches."""

from __future__ import annotations

from ask_applicant.agents.offline.query import Query
from ask_applicant.agents.offline.router import Area, Router

AREAS = [
    Area(
        "Resume",
        label="Education, skills and certificates.",
        vocabulary="Seoul National University Python",
    ),
    Area("Project", label="Projects and source code.", vocabulary="chat-service ledger WebSocket"),
    Area("Career", label="Work history and job fit.", vocabulary="Toss Kakao salary"),
]


def test_the_area_whose_words_the_question_uses_wins() -> None:
    router = Router(AREAS)
    assert router.route(Query.of("Which certificates does she hold?")) == AREAS[0]
    assert router.route(Query.of("Tell me about the ledger")) == AREAS[1]
    assert router.route(Query.of("What did she do at Kakao?")) == AREAS[2]


def test_korean_questions_route_through_translations() -> None:
    assert Router(AREAS).route(Query.of("학력이 어떻게 되나요?")) == AREAS[0]


def test_nothing_in_common_routes_nowhere() -> None:
    router = Router(AREAS)
    assert router.route(Query.of("hello")) is None
    assert router.route(Query.of("")) is None


def test_elsewhere_needs_a_clear_margin_over_the_own_area() -> None:
    router = Router(AREAS)
    assert router.elsewhere(Query.of("Where did she study?"), own="Project") == AREAS[0]
    assert router.elsewhere(Query.of("Where did she study?"), own="Resume") is None
    # Projects and career both mention WebSocket-free words here: no clear winner.
    assert router.elsewhere(Query.of("hello"), own="Project") is None


def test_ties_go_to_the_first_area() -> None:
    router = Router([Area("A", label="same words"), Area("B", label="same words")])
    best = router.rank(Query.of("same words")).best()
    assert best is not None and best[0].key == "A"


def test_a_named_thing_routes_to_the_area_that_holds_it() -> None:
    named = [
        Area("Resume", label="Education, skills and certificates.", vocabulary="Python"),
        Area(
            "Project", label="Projects.", vocabulary="ledger", names=("Chat Service", "채팅 서비스")
        ),
        Area("Career", label="Work history.", vocabulary="Toss", references=("Chat Service",)),
    ]
    router = Router(named)
    # "skills" alone is the resume's word; the question is about the chat service.
    assert router.route(Query.of("What skills did the chat-service need?")) == named[1]
    assert router.route(Query.of("채팅서비스에 쓴 기술은?")) == named[1]
    assert router.route(Query.of("What skills do you have?")) == named[0]
    ranking = router.rank(Query.of("Tell me about the chat service"))
    assert ranking.score_of("Project") > ranking.score_of("Career") > ranking.score_of("Resume")


def test_a_name_two_areas_hold_singles_out_neither() -> None:
    shared = [
        Area("A", label="alpha", names=("Haneul Pay",)),
        Area("B", label="beta", names=("Haneul Pay",)),
    ]
    assert Router(shared).route(Query.of("What about Haneul Pay?")) is None


def test_a_follow_up_bar_keeps_weak_evidence_from_moving_a_question() -> None:
    router = Router(AREAS)
    question = Query.of("Where did she study?")
    assert router.elsewhere(question, own="Project") == AREAS[0]
    assert router.elsewhere(question, own="Project", bar=100.0) is None
