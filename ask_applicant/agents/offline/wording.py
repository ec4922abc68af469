"""Wording: the frames every answer shares.

A plain "no, the profile does not mention X" in the question's language, a line cut at a
word with "…", and an answer made of a lead and one line or a list of lines, never past
`MAX_ANSWER_CHARS`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from ask_applicant.agents.offline.terms import terms

MAX_ANSWER_CHARS = 950
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.+#-]*")


def no_mention(question: str, *, korean: bool, ignore: Collection[str] = ()) -> str:
    """A plain "no": the profile does not mention what a yes/no question asks about.

    Args:
        question: The question; its Latin-script words name the thing.
        korean: Answer in Korean.
        ignore: Terms that name no thing (the applicant's name).
    """
    named = [
        word
        for word in _LATIN_WORD.findall(question)
        if word.lower() not in _QUESTION_WORDS and not set(terms(word)) <= set(ignore)
    ]
    return not_mentioned(_named_run(named[-3:]), korean=korean, answer_no=True)


def _named_run(words: Sequence[str]) -> str:
    """The words that name the thing: the longest run of capitalised words when there is
    one ("app Play Store" names the Play Store, "based Europe" Europe), else all."""
    runs: list[list[str]] = [[]]
    for word in words:
        if word[:1].isupper() or not word[:1].isalpha():
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    longest = max(runs, key=len)
    return " ".join(longest or words)


def named_thing(text: str) -> str:
    """The words of a call's argument that name a thing ("certifications hold" →
    "certifications"): the question's grammar words left out, unless nothing is left."""
    words = text.split()
    kept = [word for word in words if word.lower().strip("?.,!") not in _QUESTION_WORDS]
    return _named_run(kept) or text


def not_mentioned(thing: str, *, korean: bool, answer_no: bool) -> str:
    """Say plainly that the profile does not mention a thing ("" when it has no name).

    Args:
        thing: The thing as the question or the tool call named it.
        korean: Answer in Korean.
        answer_no: Start with "No" (the question asked whether).
    """
    if korean:
        opening = "아니요, " if answer_no else ""
        told = f"{thing} 관련 내용이" if thing else "그런 내용이"
        return f"{opening}프로필에는 {told} 없습니다."
    told = thing or "that"
    return (
        f"No, the profile does not mention {told}."
        if answer_no
        else (f"The profile does not mention {told}.")
    )


# A section tool's note when the resume has no such section.
_LISTS_NO = re.compile(r"^The (?:resume|profile) lists no (?P<what>[^.]+)\.")
_SECTION_KO = {
    "education": "학력",
    "skills": "기술",
    "certificates": "자격증",
    "awards": "수상 경력",
    "publications or talks": "출판물이나 발표",
    "spoken languages": "외국어",
    "jobs": "경력",
    "projects": "프로젝트",
}


def section_absent(notes: Sequence[str], *, korean: bool, answer_no: bool) -> str | None:
    """Say that the resume has no such section ("Did she win any awards?" of a resume
    without awards), from the section tool's note; None when no note says so."""
    found = next((m for note in notes if (m := _LISTS_NO.match(note))), None)
    if found is None:
        return None
    what = found["what"]
    if korean:
        opening = "아니요, " if answer_no else ""
        return f"{opening}프로필에 {_SECTION_KO.get(what, what)} 항목이 없습니다."
    return f"No, the profile lists no {what}." if answer_no else f"The profile lists no {what}."


def is_no_mention(text: str) -> bool:
    """True for a plain "no, the profile does not mention it" (see `not_mentioned`)."""
    return text.startswith(("No, the profile does not mention", "아니요, 프로필에는"))


def no_number(*, korean: bool) -> str:
    """Say that the profile gives no number for what a "how many" question counts."""
    if korean:
        return "프로필에는 그 수가 나와 있지 않습니다."
    return "The profile does not give that number."


def clip(text: str, limit: int) -> str:
    """The text cut at a word within `limit`, marked "…" (a cut-off label goes too)."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    # A label whose value was cut off ("URL:") says nothing: it goes too.
    cut = re.sub(r"\s*\b(URL|Keywords|Highlights):?$", "", cut.rstrip(" ,;:"))
    return f"{cut.rstrip(' ,;:')} …"


def join(lead: str, lines: list[str]) -> str:
    """The lead, then one line or a list of lines, within `MAX_ANSWER_CHARS`."""
    if len(lines) == 1:
        body = lines[0]
    else:
        body = "\n".join(f"- {line}" for line in lines)
    text = f"{lead}\n{body}" if lead and len(lines) > 1 else " ".join(p for p in (lead, body) if p)
    return clip(text, MAX_ANSWER_CHARS)


_QUESTION_WORDS = frozenset(
    "do does did is are was were has have had can could will would he she they you his her got "
    "hold holds held "
    "their him them know used use using ever any experience with in at worked work how "
    "about what a an the comfortable familiar speak speaks spoken write written coded "
    "programmed code tool tools one of language languages framework frameworks library "
    "libraries stack consider considering willing open based interested want role roles "
    "recent latest newest most tech".split()
)
