"""Korean renderings of the service's own English: the frames the tools put around resume text.

The tools write facts in English frames ("Backend Engineer at Naver (2016-07 – present).
Highlights: ..."); a Korean question must get a Korean answer, so those frames are
rewritten here, and the resume's own words are left exactly as written. Dates read
`2021년 3월`, an open end `현재`, durations `4년 7개월`.
"""

from __future__ import annotations

import re

_DATE = re.compile(r"\b([12]\d{3})-(\d{2})(?:-(\d{2}))?\b")
_LABELS = (
    (re.compile(r"\bHighlights:"), "주요 성과:"),
    (re.compile(r"\bKeywords:"), "키워드:"),
    (re.compile(r"\bCourses:"), "수강 과목:"),
    (re.compile(r"\bRoles:"), "역할:"),
    (re.compile(r"\bScore:"), "성적:"),
    (re.compile(r"\bURL:"), "링크:"),
    (re.compile(r"\bType:"), "유형:"),
    (re.compile(r"\bFor ([^.]+)\."), r"\1 프로젝트."),
    (re.compile(r"\bpresent\b"), "현재"),
    # A job-fit assessment's lines: the sources as a citation ("basics.label" holds a dot).
    (
        re.compile(r"^Matched: (.+?) — shown in (.+?)\.(?= About|$)"),
        r"일치: \1 (\2).",
    ),
    (re.compile(r"^Matched: (.+?) — "), r"일치: \1 — "),
    (
        re.compile(r" About ([\d.]+) years in dated jobs/projects\."),
        r" 날짜가 있는 경력·프로젝트 기준 약 \1년.",
    ),
    (
        re.compile(r"^Missing: (.+?) — the profile does not mention it\."),
        r"없음: \1 — 프로필에 없습니다.",
    ),
)
# `basics` facts read "key: value".
_BASICS = {
    "name": "이름",
    "label": "직함",
    "email": "이메일",
    "url": "웹사이트",
    "summary": "소개",
    "location": "위치",
    "profiles": "프로필",
}
_YEARS = re.compile(
    r"^(?P<skill>.+?): about (?P<years>[\d.]+) years of experience, from \d+ jobs/projects"
    r" \((?P<where>[^)]*)\).*$"
)
_TITLED = ("publications", "awards", "projects", "certificates", "education")
_SPAN_YEARS = re.compile(r"\((?P<years>[\d.]+) years\)")
# "Position at Company (" — the English word between a job's title and its employer.
# A Korean company name may carry its legal form in parentheses: (주)한누리, 동해물산(주).
_AT = re.compile(r"^(?P<position>.+?) at (?P<name>(?:\(주\))?[^()]+?(?:\(주\))?) (?=\()")


def korean_date(text: str) -> str:
    """`2021-03` as `2021년 3월`, `2021-03-02` as `2021년 3월 2일`; `present` as `현재`."""

    def spelt(m: re.Match[str]) -> str:
        day = f" {int(m.group(3))}일" if m.group(3) else ""
        return f"{m.group(1)}년 {int(m.group(2))}월{day}"

    text = _DATE.sub(spelt, text)
    return re.sub(r"\bpresent\b", "현재", text)


def korean_duration(months: int) -> str:
    """`4년 7개월`, `11개월`, `3년`."""
    years, rest = divmod(max(months, 0), 12)
    parts = [f"{years}년"] if years else []
    if rest or not years:
        parts.append(f"{rest}개월")
    return " ".join(parts)


def render(text: str, source: str = "") -> str:
    """A fact's text with the tools' English frames in Korean, resume words untouched."""
    years = _YEARS.match(text)
    if years:
        return f"{years['skill']}: 약 {years['years']}년 경력 ({years['where']})"
    # One basics field ("basics.email"), not a line citing several sources.
    if source.startswith("basics.") and "," not in source and ": " in text:
        key, value = text.split(": ", 1)
        return f"{_BASICS.get(key, key)}: {value}"
    # "Position at Company (": a job's heading; a talk's title may hold " at " too.
    at = _AT.match(text) if not source.startswith(_TITLED) else None
    if at:
        text = f"{at['name']} · {at['position']} " + text[at.end() :]
    text = _SPAN_YEARS.sub(lambda m: f"({m['years']}년)", text)
    for pattern, replacement in _LABELS:
        text = pattern.sub(replacement, text)
    return korean_date(text)
