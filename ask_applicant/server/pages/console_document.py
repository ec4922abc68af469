"""The console's HTML: its page shell and the owner sign-in form, in English or Korean.

The shell holds only the tabs; `static/console.js` draws each view from the owner-only
`/v1` API. Inserted values are HTML-escaped.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from string import Template

TEMPLATES = Path(__file__).parent / "templates"

TITLE = {"en": "Applicant's console", "ko": "지원자 콘솔"}
SIGN_IN = {
    "en": {
        "heading": "Sign in to the console",
        "intro": "Run `uv run ask-applicant owner-link` and open the URL it prints, "
        "or paste an owner key here.",
        "key_label": "Owner key",
        "submit": "Sign in",
        "bad_key": "That key is not an owner key, or it has been revoked.",
        "bad_ticket": "This sign-in link was already used or has expired; make a new one.",
    },
    "ko": {
        "heading": "콘솔 로그인",
        "intro": "`uv run ask-applicant owner-link`를 실행해 나온 주소를 열거나, "
        "소유자 키를 붙여 넣으세요.",
        "key_label": "소유자 키",
        "submit": "로그인",
        "bad_key": "소유자 키가 아니거나 폐기된 키입니다.",
        "bad_ticket": "이미 사용했거나 만료된 로그인 링크입니다. 새 링크를 만드세요.",
    },
}


@cache
def _template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


def console_page(*, lang: str) -> str:
    """The console's shell."""
    return _template("console.html").substitute(lang=lang, title=html.escape(TITLE[lang]))


def sign_in_page(*, lang: str, error: str | None = None) -> str:
    """The owner sign-in form; `error` is "bad_key" or "bad_ticket" after a failure."""
    text = SIGN_IN[lang]
    return _template("console_sign_in.html").substitute(
        lang=lang,
        title=html.escape(TITLE[lang]),
        heading=html.escape(text["heading"]),
        intro=html.escape(text["intro"]),
        key_label=html.escape(text["key_label"]),
        submit=html.escape(text["submit"]),
        error=html.escape(text[error]) if error else "",
        error_hidden="" if error else "hidden",
    )
