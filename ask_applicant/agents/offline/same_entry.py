"""Follow-ups about the entry just discussed: "구체적인 성과가 있었나요?" after a job.

A recruiter who has just heard about one job or one project asks on about it without
naming it again: "Were there concrete results?", "Is the code public?". The question is
short, names nothing of its own, and asks about something the entry's facts (as the
last turn's tools returned them) speak of: its highlights, its link, its stack. It is
the question with the entry's name added, quoted, and it stays with the specialist that
holds the entry, since the name counts for that specialist's area. A question about
something the entry does not hold ("Where does she live?") stands on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ask_applicant.agents.offline.choices import Choice, Choices
from ask_applicant.agents.offline.evidence import Fact, parse_output
from ask_applicant.agents.offline.follow_up import FollowUp, names_its_own, resolve
from ask_applicant.agents.offline.support import subject_of, touched
from ask_applicant.agents.offline.transcript import PastTurn

# Longer than this, a question says what it is about.
MAX_WORDS = 6
_ENTRY = "entry"
_SYLLABLE = re.compile(r"[\uac00-\ud7a3]")
_ALSO = re.compile(r"\b(too|also|as well)\b|[\uac00-\ud7a3]도\s+(있|했|써|쓰|해|되)", re.I)


def about_entry(
    question: str, history: Sequence[PastTurn], names: Sequence[str]
) -> FollowUp | None:
    """Read a short question as one about the entry the last turn was about.

    Args:
        question: The latest question.
        history: The earlier turns, oldest first.
        names: The names of the entries the answering specialist holds (its employers,
            its projects), in every spelling.

    Returns:
        The follow-up (kind "entry"), or None when the question is not one.
    """
    # One-syllable Korean words ("써 볼 수") are the verb's parts, not more to ask about.
    words = [word for word in question.split() if not _SYLLABLE.fullmatch(word)]
    if not history or not names or len(words) > MAX_WORDS:
        return None
    choices = Choices({_ENTRY: {name: [name] for name in names}})
    # "깃허브 주소도 있어요?", "Is the code on GitHub too?": "also" keeps the entry even when
    # the question names a thing of its own, or one the entry lacks (then the answer is no).
    also = bool(_ALSO.search(question))
    if (names_its_own(question) and not also) or choices.pick(_ENTRY, question) is not None:
        return None
    previous = history[-1]
    entry = choices.pick(_ENTRY, _made_whole(previous, history[:-1], names))
    if entry is None:
        return None
    facts = [fact for fact in _facts(previous) if _names(fact, entry)]
    subject = subject_of(question)
    if not subject or not (also or any(touched(f.text, question, subject) for f in facts)):
        return None
    return FollowUp("entry", f'{question} "{entry.spelling}"', question)


def _made_whole(turn: PastTurn, before: Sequence[PastTurn], names: Sequence[str]) -> str:
    """The turn's question as it was understood: a chain of follow-ups keeps its entry."""
    earlier = resolve(turn.question, before) or about_entry(turn.question, before, names)
    return earlier.text if earlier is not None else turn.question


def _facts(turn: PastTurn) -> list[Fact]:
    return [fact for call in turn.calls for fact in parse_output(call.output or "", call.name)[0]]


def _names(fact: Fact, entry: Choice) -> bool:
    return Choices({_ENTRY: {entry.value: [entry.spelling]}}).pick(_ENTRY, fact.text) is not None
