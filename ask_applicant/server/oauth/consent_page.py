"""The consent page's HTML, in English or Korean, chosen by `Accept-Language`.

Small and self-contained (no scripts, inline style), and refused to frames so it cannot
be overlaid by another site (clickjacking).
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from starlette.responses import HTMLResponse

LANGUAGES = ("en", "ko")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Allow access to the applicant",
        "intro": "{client} asks to read {what}.",
        "readonly": "It can only read; it cannot change anything or see your conversations.",
        "key": "Sign in with your API key",
        "allow": "Allow",
        "deny": "Deny",
        "error": "Something is wrong with this request",
        "bad_key": "That key is not valid or has been revoked. Try again.",
    },
    "ko": {
        "title": "지원자 정보 접근 허용",
        "intro": "{client}이(가) {what}을(를) 읽으려고 합니다.",
        "readonly": "읽기만 할 수 있으며, 내용을 바꾸거나 대화를 볼 수 없습니다.",
        "key": "API 키로 로그인하세요",
        "allow": "허용",
        "deny": "거부",
        "error": "요청에 문제가 있습니다",
        "bad_key": "키가 올바르지 않거나 폐기되었습니다. 다시 시도하세요.",
    },
}

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans KR",sans-serif;
background:#f6f7f9;color:#1f2328;margin:0;display:flex;justify-content:center}
main{background:#fff;max-width:28rem;margin:3rem 1rem;padding:2rem;border-radius:12px;
box-shadow:0 1px 4px rgba(0,0,0,.1)}
h1{font-size:1.3rem;margin-top:0}
label{display:block;margin:1rem 0 .3rem;font-weight:600}
input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
.actions{display:flex;gap:.5rem;margin-top:1rem}
button{padding:.5rem 1rem;font-size:1rem;border-radius:6px;border:1px solid #888;cursor:pointer}
button[value=allow]{background:#2563eb;color:#fff;border-color:#2563eb}
.error{color:#b91c1c}
"""

HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
}


def language_of(accept_language: str | None) -> str:
    """`ko` when the person prefers Korean over English, else `en`."""
    best, best_q = "en", -1.0
    for part in (accept_language or "")[:500].split(","):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in LANGUAGES:
            continue
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                continue
        if q > best_q:
            best, best_q = primary, q
    return best


def consent_page(
    language: str,
    *,
    client: str,
    what: str,
    fields: Mapping[str, str],
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """The form asking the person to sign in and allow or deny."""
    text = TEXT[language]
    hidden = "".join(
        f'<input type="hidden" name="{escape(name)}" value="{escape(value)}">'
        for name, value in fields.items()
    )
    problem = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    body = f"""<h1>{text["title"]}</h1>
<p>{escape(text["intro"].format(client=client, what=what))}</p>
<p>{text["readonly"]}</p>{problem}
<form method="post">{hidden}
<label for="api_key">{text["key"]}</label>
<input type="password" id="api_key" name="api_key" autocomplete="current-password">
<div class="actions"><button name="decision" value="allow">{text["allow"]}</button>
<button name="decision" value="deny">{text["deny"]}</button></div></form>"""
    return _page(language, text["title"], body, status_code)


def error_page(language: str, detail: str, *, status_code: int = 400) -> HTMLResponse:
    """A request the page cannot send anywhere safely: shown to the person instead."""
    text = TEXT[language]
    body = f'<h1>{text["error"]}</h1><p class="error">{escape(detail)}</p>'
    return _page(language, text["error"], body, status_code)


def _page(language: str, title: str, body: str, status_code: int) -> HTMLResponse:
    html = (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )
    return HTMLResponse(html, status_code=status_code, headers=HEADERS)
