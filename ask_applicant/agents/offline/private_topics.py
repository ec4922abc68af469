"""Private topics: requests for a detail the profile never shares.

A phone number, a home address, a birth date or an age is private: no tool returns it,
so any section a tool does return ("Key decisions" of a project, the whole work history)
is no answer to such a request. The offline model declines it instead, and points to the
public ways to reach the applicant.

A request is read clause by clause ("Where did he study, and what's his mobile?" holds a
public question and a private one), from two kinds of words: ones that name a private
detail whatever the phrasing ("phone", "WhatsApp", "생년월일"), and ones that do so only
in the shape of a request for a contact ("his number", "a number to call", "번호 좀
주세요"), since "number one strength" and "mobile apps" are not. A public channel that a
private word qualifies ("email address", "깃허브 주소") is about that channel, which the
basics answer; a public channel merely mentioned ("I'd rather call than email") does not
make a request for a phone number public.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

PrivateKind = Literal["phone", "address", "birth", "age"]

_FLAGS = re.IGNORECASE
# Korean words match at the start of a word, since particles attach after them.
_KO = r"(?<![\uac00-\ud7a3])"
_OWNER = (
    r"(his|her|their|your|the\s+candidate'?s|the\s+applicant'?s"
    r"|(?!(what|that|it|there|here|who|where|how|she|he|let)'s)[a-z]+'s)"
)
# What a request for a contact looks like around an otherwise ordinary word.
_ASK_EN = (
    r"\b(get|give|send|share|pass|provide|have|need|want|what'?s|what\s+is|which|reach|call"
    r"|text|ring|dial|contact)\b"
)
_ASK_KO = (
    r"(주세요|줘|알려|알 수|뭐|무엇|어떻게|받을|받고|남겨|공유|있나요|있어요|전달|여쭤|여쭙|될까요"
    r"|있을까요|가능할까요|부탁)"
)

# A public channel qualified by a private word: a question about that channel.
_PUBLIC_PHRASES = re.compile(
    r"\b(e-?mail|web\s*site|website|homepage|blog|github|git\s*hub|linkedin|portfolio|url|ip|web)"
    r"\s+(address|number|link|url)\b"
    r"|(이메일|메일|웹\s*사이트|홈페이지|블로그|깃허브|깃헙|링크드인|포트폴리오|아이피|웹|e-?mail|web\s*site"
    r"|homepage|blog|github|linkedin|portfolio|url|ip|web)\s*주소",
    _FLAGS,
)

# Named whatever the phrasing. Each kind's words, English then Korean.
_ALWAYS: dict[PrivateKind, re.Pattern[str]] = {
    "phone": re.compile(
        r"\b(phone|telephone|cellphone|whats\s*app|kakao\s*talk|mobile\s+(number|no)"
        r"|cell\s+(number|no)|(contact|direct|personal|private)\s+(number|line)"
        r"|text\s+(him|her|them)|call\s+(him|her|them)|ring\s+(him|her|them))\b"
        rf"|{_KO}(전화\s*번호|전번|휴대폰|핸드폰|휴대\s*전화|폰\s*번호|카톡|카카오톡|왓츠앱|연락처\s*번호)",
        _FLAGS,
    ),
    "address": re.compile(
        r"\b((home|street|mailing|postal|residential|house)\s+address|post\s*code|postal\s+code"
        r"|zip\s*code|where\s+exactly\s+(does|do)\s+(he|she|they|you)\s+live"
        r"|where\s+(does|do)\s+(he|she|they|you)\s+live\s+exactly)\b"
        rf"|{_KO}((집|자택|거주지?)\s*주소|주소지|우편\s*번호|상세\s*주소)",
        _FLAGS,
    ),
    "birth": re.compile(
        r"\b(birthday|birth\s*date|date\s+of\s+birth|dob|born)\b"
        rf"|{_KO}(생년월일|생년|생일|출생|태어)",
        _FLAGS,
    ),
    "age": re.compile(r"\b(age|how\s+old)\b|" + _KO + r"(나이|몇\s*살)", _FLAGS),
}

# Named only in a request's shape: an owner before the word ("his cell", "Tamsin's
# number"), or a request around it ("a number to call", "번호 좀 주세요").
_OWNED: dict[PrivateKind, re.Pattern[str]] = {
    "phone": re.compile(
        rf"\b{_OWNER}\s+(cell|mobile|digits|number(?!\s+(one|two|three|\d|of)\b))\b"
        r"|\b(a|the|your|any)\s+(number|mobile|cell)\s+(to|for|i\s+can|we\s+can)\b",
        _FLAGS,
    ),
    "address": re.compile(rf"\b{_OWNER}\s+address\b", _FLAGS),
}
_BARE: dict[PrivateKind, re.Pattern[str]] = {
    "phone": re.compile(rf"{_KO}(번호|연락\s*번호)(?!\s*\d)"),
    "address": re.compile(rf"{_KO}주소"),
}
# Clauses: sentences, and parts joined by a comma or "and" before a new question.
_CLAUSE = re.compile(
    r"[.?!。？！\n]+|,\s*(?:and\s+|but\s+|also\s+)?|;\s*"
    r"|\s+(?:and|but|also)\s+(?=(?:what|where|when|how|who|which|is|are|does|did|do|can|could"
    r"|would|has|have|tell|give|send|share)\b)|\s*그리고\s*",
    _FLAGS,
)
# A clause that asks something: a question word, an auxiliary first, a request verb.
# Words by which a clause asks again for a private detail another clause named.
_SAME_ASK: dict[str, re.Pattern[str]] = {
    "phone": re.compile(r"\bnumbers?\b|번호", _FLAGS),
    "address": re.compile(r"\baddress\b|주소", _FLAGS),
    "birth": re.compile(r"\b(birthday|born|birth)\b|생일|생년", _FLAGS),
    "age": re.compile(r"\b(age|old)\b|나이|몇\s*살", _FLAGS),
}
_QUESTION_EN = re.compile(
    r"^\s*(what|where|when|how|who|whom|whose|which|why|is|are|was|were|does|did|do|can|could"
    r"|would|will|has|have|had|tell|list|describe|show|give|explain|summari[sz]e)\b",
    _FLAGS,
)
_QUESTION_KO = re.compile(
    r"뭐|무엇|무슨|어디|언제|어떤|어떻게|얼마|몇|누구|왜|알려|말해|(나요|가요|까요|습니까|니|냐)\s*$"
)


@dataclass(frozen=True)
class PrivateRequest:
    """What a message asks for that is private, and what else it asks.

    Attributes:
        kinds: The private details asked for, in order of first mention.
        rest: The clauses that ask something public, joined ("" when there are none).
    """

    kinds: tuple[PrivateKind, ...]
    rest: str


def private_kinds(clause: str) -> tuple[PrivateKind, ...]:
    """The private details one clause asks for (none when it asks for none)."""
    text = _PUBLIC_PHRASES.sub(" ", clause)
    asking = bool(re.search(_ASK_EN, text, _FLAGS) or re.search(_ASK_KO, text))
    found: dict[PrivateKind, int] = {}
    for table, needs_asking in ((_ALWAYS, False), (_OWNED, False), (_BARE, True)):
        for kind, pattern in table.items():
            match = pattern.search(text)
            if match and kind not in found and (asking or not needs_asking):
                found[kind] = match.start()
    return tuple(sorted(found, key=lambda kind: found[kind]))


def read_request(question: str) -> PrivateRequest:
    """Split a message into the private details it asks for and its public questions.

    Args:
        question: The latest message, as typed.

    Returns:
        The private kinds asked for (empty: nothing private) and the public rest.
    """
    text = question[:2_000]
    kinds: list[PrivateKind] = []
    rest: list[str] = []
    start = 0
    for cut in [*_CLAUSE.finditer(text), None]:
        end = cut.start() if cut is not None else len(text)
        clause = text[start:end].strip()
        questioned = cut is not None and "?" in cut.group(0)
        start = cut.end() if cut is not None else end
        if not clause:
            continue
        asked = private_kinds(clause)
        kinds.extend(kind for kind in asked if kind not in kinds)
        if not asked and (_asks_something(clause) or (questioned and len(clause.split()) >= 3)):
            rest.append(clause)
    # "... a WhatsApp group. Which number should I use?": the number is the phone asked.
    rest = [clause for clause in rest if not any(_SAME_ASK[kind].search(clause) for kind in kinds)]
    return PrivateRequest(tuple(kinds), "? ".join(rest) + "?" if kinds and rest else "")


def asks_private(question: str) -> bool:
    """Tell whether a message asks for a private detail (phone, home address, birth, age).

    Args:
        question: The latest message, as typed.

    Returns:
        True when some clause of it asks for a private detail.
    """
    return bool(read_request(question).kinds)


def _asks_something(clause: str) -> bool:
    if re.search(r"[\uac00-\ud7a3]", clause):
        return bool(_QUESTION_KO.search(clause))
    return bool(_QUESTION_EN.search(clause))
