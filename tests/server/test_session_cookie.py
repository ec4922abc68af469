"""Session cookies are signed per deployment and age out; link pages pick the language."""

from __future__ import annotations

import pytest

from ask_applicant.server.link_pages import preferred_language
from ask_applicant.server.profile_summary import in_language
from ask_applicant.server.session_cookie import SessionCookies

LINK_ID = "0123456789abcdef0123456789abcdef"
DAY = 24 * 3600


def _cookies(key: bytes = b"k" * 32) -> SessionCookies:
    return SessionCookies(key=key, secure=False, max_age_seconds=30 * DAY)


def test_a_cookie_reads_back_its_link_only_under_the_key_that_signed_it() -> None:
    value = _cookies().issue(LINK_ID, now=1_000_000)
    assert _cookies().read(value, now=1_000_000 + DAY) == LINK_ID
    assert _cookies(b"another deployment's key").read(value, now=1_000_000) is None


def test_a_cookie_past_its_age_or_altered_is_refused() -> None:
    cookies = _cookies()
    value = cookies.issue(LINK_ID, now=1_000_000)
    assert cookies.read(value, now=1_000_000 + 30 * DAY) is None
    other_link = value.replace(LINK_ID, "f" * 32)
    later = value.replace(".1000000.", ".1999999.")
    for bad in [other_link, later, value[:-1], value + "A", "", "v1..0.", "가" * 80]:
        assert cookies.read(bad, now=1_000_000) is None, bad


def test_set_cookie_headers_are_http_only_lax_and_secure_on_https() -> None:
    plain = _cookies().set_header("v", max_age=60)
    assert "HttpOnly" in plain and "SameSite=Lax" in plain and "Secure" not in plain
    secure = SessionCookies(key=b"k" * 32, secure=True, max_age_seconds=60)
    assert "; Secure" in secure.set_header("v", max_age=60)
    assert "Max-Age=0" in secure.clear_header()


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        (None, "en"),
        ("", "en"),
        ("ko-KR,ko;q=0.9,en-US;q=0.8", "ko"),
        ("en-US,en;q=0.9,ko;q=0.8", "en"),
        ("fr-FR,ko;q=0.5,en;q=0.4", "ko"),
        ("en;q=0.2, ko;q=0.8", "ko"),
        ("ko;q=0, en;q=0.1", "en"),
        ("ko;q=abc, en", "en"),
        ("de", "en"),
    ],
)
def test_the_link_page_speaks_the_browsers_preferred_language(
    header: str | None, lang: str
) -> None:
    assert preferred_language(header) == lang


@pytest.mark.parametrize(
    ("value", "en", "ko"),
    [
        ("Haneul Pay (하늘페이)", "Haneul Pay", "하늘페이"),
        ("한도윤 (Han Do-yoon)", "Han Do-yoon", "한도윤"),
        ("Senior Backend Engineer · 백엔드 개발자", "Senior Backend Engineer", "백엔드 개발자"),
        ("Python", "Python", "Python"),
        ("Kotlin / Java", "Kotlin / Java", "Kotlin / Java"),
        ("사내 배포 자동화 도구", "사내 배포 자동화 도구", "사내 배포 자동화 도구"),
    ],
)
def test_bilingual_profile_values_give_each_language_its_half(value: str, en: str, ko: str) -> None:
    assert in_language(value, "en") == en and in_language(value, "ko") == ko
