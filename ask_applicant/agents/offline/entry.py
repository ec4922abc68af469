"""The entry a question names: one job or project out of several, told on its own.

"What did Doyoon build at Haneul Pay?" names one job by its employer; the work history
holds four, and "build" matches the others' highlights too. A word of the question that
only one entry's heading holds (its title, employer or project name, in either script)
picks that entry, and the answer is that entry alone: its heading and period, what the
applicant did there and its highlights, within a budget. The employer's own description
("Fintech company running ...") is left out: the question is about the applicant.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ask_applicant.agents.offline.evidence import Fact
from ask_applicant.agents.offline.korean import render
from ask_applicant.agents.offline.linking import link_length, linked
from ask_applicant.agents.offline.terms import terms

# An answer about one entry: its heading, what was done and the highlights that fit.
MAX_CHARS = 560
# A question naming more entries than this is a comparison or a list, not one entry.
MAX_NAMED = 2
_DAY = r"[12]\d{3}(?:-\d{2}(?:-\d{2})?)?"
# The period the tools write after a heading, and what they put beside it.
_PERIOD = re.compile(rf"\(\s*{_DAY} – (?:present|{_DAY})[^)]*\)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=\S)")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_PARENTHESES = re.compile(r"\([^)]*\)")
_HIGHLIGHTS = "Highlights:"


def named(facts: Sequence[Fact], question: str, subject: Sequence[str]) -> list[Fact]:
    """The facts whose headings hold a word of the question no other heading holds.

    Args:
        facts: The evidence, ranked.
        question: The question as asked (for names in the other script).
        subject: The question's content terms.

    Returns:
        One or two facts, or [] when the question names no single entry.
    """
    headed = [(fact, heading(fact.text)) for fact in facts]
    headed = [(fact, heading) for fact, heading in headed if heading]
    if len(headed) < 2:
        return []
    counts = Counter(term for _, heading in headed for term in set(terms(heading)))
    rare = {term for term in subject if counts[term] == 1}
    # Only the longest link across scripts names an entry: 퀠베르크 클라우드 is Quellwerk
    # Cloud AG, and only by chance 클라우드 sounds like "Call Lead" in another heading.
    links = [link_length(question, heading) for _, heading in headed]
    longest = max(links, default=0)
    chosen = [
        fact
        for (fact, heading), link in zip(headed, links, strict=True)
        if rare & set(terms(heading)) or (link and link == longest and _own_link(heading, headed))
    ]
    return chosen if 0 < len(chosen) <= MAX_NAMED else []


def told(fact: Fact, *, korean: bool) -> str:
    """The entry on its own: heading and period, then what was done, within `MAX_CHARS`."""
    period = _PERIOD.search(fact.text)
    if period is None:
        return _cite(fact.text[:MAX_CHARS], fact, korean=korean)
    head = f"{fact.text[: period.end()].rstrip()}."
    # The project list joins heading and description with a dash: the period ends it.
    body = _SENTENCE.split(fact.text[period.end() :].strip().removeprefix("— "))
    # A bilingual entry says it twice: an English answer keeps the English sentences,
    # unless the entry is written in Korean only.
    english = [sentence for sentence in body if not _korean_text(sentence)]
    keep_korean = korean or not any(not s.startswith(("URL:", _HIGHLIGHTS)) for s in english)
    parts = [head]
    for sentence in body:
        if sentence.startswith(_HIGHLIGHTS):
            room = MAX_CHARS - _size(parts)
            sentence = _highlights(sentence, korean=keep_korean, room=room)
        elif sentence.startswith("URL:") or (not keep_korean and _korean_text(sentence)):
            continue
        if sentence and _size(parts) + len(sentence) + 1 <= MAX_CHARS:
            parts.append(sentence)
    return _cite(" ".join(parts), fact, korean=korean)


def headline(text: str) -> str:
    """The entry's heading and period ("X at Y (2021-06 – present)"), "" without a period."""
    period = _PERIOD.search(text)
    return text[: period.end()].strip() if period else ""


def heading(text: str) -> str:
    """The entry's heading: the text before its period in parentheses ("" without one)."""
    period = _PERIOD.search(text)
    return text[: period.start()].strip() if period else ""


def _own_link(heading: str, headed: Sequence[tuple[Fact, str]]) -> bool:
    # A name in the other script ("하늘페이") links to this heading and no other.
    return sum(1 for _, other in headed if other != heading and linked(heading, other)) == 0


def _korean_text(text: str) -> bool:
    # Hangul in parentheses is a name's other spelling ("(하늘페이)"); outside, Korean text.
    return bool(_HANGUL.search(_PARENTHESES.sub("", text)))


def _highlights(sentence: str, *, korean: bool, room: int) -> str:
    items = sentence.removeprefix(_HIGHLIGHTS).strip().rstrip(".").split("; ")
    kept: list[str] = []
    for item in items:
        if not korean and _korean_text(item):
            continue
        if len(_HIGHLIGHTS) + sum(len(each) + 2 for each in [*kept, item]) + 1 > room:
            break
        kept.append(item)
    return f"{_HIGHLIGHTS} {'; '.join(kept)}." if kept else ""


def _size(parts: Sequence[str]) -> int:
    return sum(len(part) + 1 for part in parts)


def _cite(text: str, fact: Fact, *, korean: bool) -> str:
    shown = render(text, fact.source) if korean else text
    return f"{shown} ({fact.source})"
