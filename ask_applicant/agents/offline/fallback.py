"""Where a question goes when its own words route nowhere.

A question below the routing threshold may still be answerable: a word some area holds,
what the question asks for (the current job, a duration, a place) or the concepts of its
phrasing name the area.
"""

from __future__ import annotations

from ask_applicant.agents.offline.intent import Intent, about_now, classify, named_years
from ask_applicant.agents.offline.query import Query
from ask_applicant.agents.offline.router import Area, Router

# What each kind of question is about when its own words route nowhere: the area whose
# own vocabulary holds these words answers it ("Is she currently employed?" → work).
_INTENT_TOPICS = {
    Intent.CURRENT: "current job work history employer position",
    Intent.DURATION: "work history employer job dates",
    Intent.WHEN: "work history employer job dates",
    Intent.WHERE: "location city basics contact profile",
}


def fallback_area(router: Router, query: Query, text: str) -> Area | None:
    """The area for a question below the routing threshold that is still answerable.

    A word of the question that some area holds ("React", in the skills, a job and a
    project alike) makes it a question about the applicant: the best such area takes
    it. Failing that, what the question asks for (the current job, a duration, a place,
    a year) names the topic.
    """
    best = router.rank(query.without(query.concepts)).best()
    if best is not None and best[1] > 0:
        return best[0]
    intent = Intent.CURRENT if about_now(text) else classify(text)
    # "What was she doing in 2017?": a year places the question in the work history.
    topic = _INTENT_TOPICS.get(Intent.WHEN if named_years(text) else intent)
    if topic is not None:
        return router.route(Query.of(topic))
    # Failing both, the concepts its phrasing stands for ("based in": a location).
    concepts = " ".join(query.concepts)
    return router.route(Query.of(concepts)) if concepts else None
