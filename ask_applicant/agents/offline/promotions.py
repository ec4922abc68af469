"""Promotions: "When was he promoted at Ironbark?" answered from the work history.

A resume shows a promotion as two jobs at one employer with different titles; the work
history tool notes each such move ("Role changes within one employer: at Ironbark
Mining Systems, from Robotics Engineer to Senior Robotics Engineer on 2020-07-01.").
A question about a promotion is answered with those moves (the one at the employer it
names, when it names one), yes or no first when it asks whether, in its language.
Without the note the tool that gives it is called.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ask_applicant.agents.offline.korean import korean_date
from ask_applicant.agents.offline.linking import linked
from ask_applicant.agents.offline.terms import terms

_ASKED = re.compile(
    r"\bpromot(e|ed|ion|ions)\b|\bmov(e|ed|ing)\s+up\b|\bstep(ped)?\s+up\b|승진|진급",
    re.IGNORECASE,
)
_NOTE = re.compile(r"Role changes within one employer: (?P<moves>.+)\.$")
_MOVE = re.compile(r"^at (?P<employer>.+?), from (?P<before>.+?) to (?P<after>.+) on (?P<day>\S+)$")
# The work history tool's note, present whether or not a move shows.
_HISTORY_NOTE = "Jobs cover about"


def asked(question: str) -> bool:
    """True when the question asks about a promotion (or moving up)."""
    return bool(_ASKED.search(question))


def answer(notes: Sequence[str], question: str, *, korean: bool, yes_no: bool) -> str | None:
    """The moves to a new role at one employer (those at the employer the question names,
    when it names one of them), or that none shows; None without the work history note.

    Args:
        notes: The notes of this turn's tools.
        question: The question (an employer it names, in either script, picks its moves).
        korean: Answer in Korean.
        yes_no: The question asks whether ("Has he been promoted?"): yes or no first.
    """
    history = [note for note in notes if _HISTORY_NOTE in note]
    if not history:
        return None
    moves = [
        found
        for note in history
        if (listed := _NOTE.search(note))
        for part in listed["moves"].split("; ")
        if (found := _MOVE.match(part))
    ]
    if not moves:
        if korean:
            return "아니요. 한 회사 안에서 직무가 바뀐 기록(승진)은 프로필에 없습니다."
        return "No. The work history shows no move to a new role within one employer."
    asked_terms = set(terms(question))
    named = [
        move
        for move in moves
        if asked_terms & set(terms(move["employer"])) or linked(question, move["employer"])
    ]
    told = [_told(move, korean=korean) for move in named or moves]
    lead = ("예. " if korean else "Yes. ") if yes_no else ""
    return lead + " ".join(told)


def _told(move: re.Match[str], *, korean: bool) -> str:
    if korean:
        return (
            f"{move['employer']}: {move['before']} → {move['after']} "
            f"({korean_date(move['day'])}부터)."
        )
    return f"At {move['employer']}: from {move['before']} to {move['after']} on {move['day']}."
