"""The chat page's HTML: one template, filled with escaped values and the page language.

The template holds the page's skeleton and the signed-out message; everything else is
drawn by `static/app.js` from the `/v1` API. Values are HTML-escaped here, and the
page's Content-Security-Policy allows scripts, styles and connections to this origin
only, so nothing injected could run even if it slipped through.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from string import Template

TEMPLATES = Path(__file__).parent / "templates"
LANGUAGES = ("en", "ko")

SIGNED_OUT = {
    "en": (
        "Open your share link",
        "This chat opens from the personal link the applicant shared with you. Open that "
        "link again (it signs you in on this browser), or ask the applicant for a new one.",
    ),
    "ko": (
        "공유 링크를 열어 주세요",
        "이 채팅은 지원자가 보낸 개인 링크로 열립니다. 그 링크를 다시 열면 이 브라우저에서 "
        "로그인됩니다. 링크가 만료되었다면 지원자에게 새 링크를 요청해 주세요.",
    ),
}
TITLE = {"en": "Ask the Applicant", "ko": "지원자에게 물어보세요"}


def page_language(accept_language: str | None) -> str:
    """The page's language from `Accept-Language`: the first of ours it names, else English."""
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()
        base = tag.split("-")[0]
        if base in LANGUAGES:
            return base
    return "en"


@cache
def _template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


def chat_page(*, lang: str, signed_in: bool) -> str:
    """The chat page; without a sign-in it shows only the "open your share link" card.

    Args:
        lang: `en` or `ko`; the script may switch it (the browser's language, a saved choice).
        signed_in: Whether the request carries a valid share-link session.
    """
    title, body = SIGNED_OUT[lang]
    return _template("index.html").substitute(
        lang=lang,
        title=html.escape(TITLE[lang]),
        signed_out_title=html.escape(title),
        signed_out_body=html.escape(body),
        signed_out_hidden="" if not signed_in else "hidden",
        app_hidden="hidden",
    )
