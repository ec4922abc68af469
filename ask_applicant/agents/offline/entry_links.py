"""An entry's link: "Is there somewhere I can try it?" after a project, "fhir-lite-viewer
소스 코드는 어디서 볼 수 있어요?".

A question that asks for a link (to try, see, download or read the code of something)
about one job or project the conversation or the question names is answered with that
entry's URL, or a plain no when the entry gives none: not the applicant's website, which
a word like "link" would otherwise find first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ask_applicant.agents.offline import entry
from ask_applicant.agents.offline.evidence import Fact
from ask_applicant.agents.offline.follow_up import carried
from ask_applicant.agents.offline.link_kinds import asks_for_code, link_kinds
from ask_applicant.agents.offline.linking import link_length

_ASKED = re.compile(
    r"\b(links?|url|try\s+it|demo|download|source\s+code|code|repo(sitory)?|github)\b"
    r"|\bwhere\s+can\s+i\s+(see|try|find|read|get|look)\b"
    r"|링크|주소|소스\s*코드|코드|데모|깃허브|깃헙|써\s*볼|들어가\s*(서\s*)?볼|어디서\s*(볼|받|써)",
    re.IGNORECASE,
)
_BUILT_WITH = re.compile(
    r"\bbuilt\s+(with|in|on)\b|\b(tech|stack|technolog\w*)\b|뭘로|무엇으로|어떤\s*(기술|툴|도구)|기술\s*스택",
    re.IGNORECASE,
)
_KEYWORDS = re.compile(r"Keywords: (?P<keywords>[^.]+)\.")
_URL = re.compile(r"URL: (?P<url>\S+?)\.?(?:\s|$)")
# A name in the other script links on a skeleton this long ("호커 큐 데모", Hawker Queue Demo).
_SHORTEST_LINK = 4


def asked(question: str) -> bool:
    """True when the question asks for a link to something."""
    return bool(_ASKED.search(question))


def answer(facts: Sequence[Fact], question: str, *, korean: bool, yes_no: bool) -> str | None:
    """The link of the one entry the question names (or carries over), or that it has
    none; None when the question names no single entry among the facts."""
    subject = carried(question)
    wanted = (subject or question).casefold()
    named = [
        fact
        for fact in facts
        if (head := _name(fact))
        and (
            head.casefold() == wanted
            if subject is not None
            else head.casefold() in wanted or link_length(question, head) >= _SHORTEST_LINK
        )
    ]
    if len({fact.source for fact in named}) != 1:
        return None
    # The entry as the fullest tool told it (a search gives its keywords, a list not).
    fact = max(named, key=lambda each: len(each.text))
    name = _name(fact)
    link = _URL.search(fact.text)
    if link is not None and asks_for_code(question) and "repository" not in link_kinds(link["url"]):
        # "깃허브 주소도 있어요?" of an app linked to its store page: no, and where it links.
        if korean:
            return f"아니요. {name}의 링크는 코드 저장소가 아닙니다: {link['url']} ({fact.source})"
        return f"No. {name} links to {link['url']}, not to its code. ({fact.source})"
    if link is not None:
        lead = ("예. " if korean else "Yes. ") if yes_no else ""
        # "뭘로 만든 거예요? 링크도 있어요?": what it is built with too.
        built = _KEYWORDS.search(fact.text) if _BUILT_WITH.search(question) else None
        with_keywords = (
            f" ({'키워드' if korean else 'Keywords'}: {built['keywords']})" if built else ""
        )
        return f"{lead}{name}: {link['url']}{with_keywords} ({fact.source})"
    if korean:
        return f"아니요. {name}에는 공개된 링크가 없습니다. ({fact.source})"
    return f"No. {name} has no public link in the profile. ({fact.source})"


def _name(fact: Fact) -> str:
    # A project's heading is its name; a job's, "Title at Employer".
    heading = entry.heading(fact.text) or fact.text.split(" — ", 1)[0].split(" (", 1)[0]
    return heading.strip() if fact.source.startswith("projects[") else ""
