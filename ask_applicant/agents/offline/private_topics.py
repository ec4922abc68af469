"""Private topics: questions after a detail the profile never shares.

A phone number, a home address, a birth date or an age is private: no tool returns it,
so any section a tool does return ("Key decisions" of a project, the whole work history)
is no answer to such a question. The offline model declines these plainly instead. A
question that also names a public channel ("your email address", "이메일 주소") is about
that channel, which `get_basics` answers, so it is not declined here.
"""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE

# English words are matched whole; Korean ones as the start of a word, since particles
# attach to them ("나이가", "전화번호를", "주소는").
_PRIVATE = re.compile(
    "|".join(
        [
            # "address" and "mobile" alone are verbs and app platforms ("address a
            # bottleneck", "mobile apps"): only their personal uses count.
            r"\b(phone|telephone|cellphone|(mobile|cell)\s+(number|phone)"
            r"|(home|street|mailing|postal|residential)\s+address|(your|his|her|their)\s+address"
            r"|birthday|birth\s*date|date\s+of\s+birth|dob|born|age|how\s+old"
            # Asked casually: "send me his cell", "her number so I can WhatsApp her".
            r"|(his|her|their|your|the\s+candidate's|the\s+applicant's)\s+(cell|mobile|digits"
            r"|number(?!\s+(one|two|three|[0-9]|of)\b)|whats\s*app|kakao\s*talk|signal|telegram)"
            r"|whats\s*app|kakao\s*talk|text\s+(him|her|them)|call\s+(him|her|them))\b",
            # "주소" alone is also technical ("IP 주소"); "연세" is also a university.
            r"(?<![\uac00-\ud7a3])(나이|생년월일|생년|생일|출생|태어|몇\s*살|전화\s*번호"
            r"|휴대폰|핸드폰|휴대\s*전화|폰\s*번호|카톡|카카오톡|왓츠앱|(집|자택|거주지?)\s*주소|주소지"
            r"|주소\S*\s*(어디|어떻게|알려))",
        ]
    ),
    _FLAGS,
)

# A public way to reach the applicant: the question is about it, not a private detail.
_PUBLIC_CHANNEL = re.compile(
    r"\b(e-?mail|mail|web\s*site|website|url|link|links|linkedin|github|blog|homepage)\b"
    r"|이메일|메일|웹\s*사이트|홈페이지|블로그|깃허브|링크",
    _FLAGS,
)


def asks_private(question: str) -> bool:
    """Tell whether a message asks for a private detail (phone, home address, birth, age).

    Args:
        question: The latest message, as typed.

    Returns:
        True when it names a private topic and no public contact channel.
    """
    text = question[:2_000]
    return bool(_PRIVATE.search(text)) and not _PUBLIC_CHANNEL.search(text)
