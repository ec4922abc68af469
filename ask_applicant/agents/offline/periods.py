"""Periods: how long, since when and what was going on in a given year.

The tools write an entry's period as "2021-06 – 2023-01" (or "– present"); the questions
about time are answered from those periods: the time at an employer across all the roles
held there, a skill's total from the years tool, the entries of the years a question
names and, when none covers them, the entries just before and after.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ask_applicant.agents.offline import entry
from ask_applicant.agents.offline.evidence import Fact
from ask_applicant.agents.offline.glossary import concept_terms
from ask_applicant.agents.offline.intent import Intent
from ask_applicant.agents.offline.korean import korean_date, korean_duration, render
from ask_applicant.agents.offline.linking import link_length
from ask_applicant.agents.offline.terms import terms
from ask_applicant.profile.dates import parse_date

_DAY = r"[12]\d{3}(?:-\d{2}(?:-\d{2})?)?"
PERIOD = re.compile(rf"(?P<start>{_DAY}) – (?P<end>present|{_DAY})")
# A tool's total over several entries ("Swift: about 7.5 years of experience, from ...").
_TOTAL = re.compile(r"^(?P<skill>[^:]+): about (?P<years>\d+(?:\.\d+)?) years of experience\b")


def spanning(dated: Sequence[Fact]) -> Fact | None:
    """The fact that sums up every other dated fact's entries (a tool's total over two
    roles at one employer), when the others name more than one entry."""
    single = {fact.source for fact in dated if "," not in fact.source}
    for fact in dated:
        covered = set(fact.source.split(", "))
        if len(single) > 1 and len(covered) > 1 and single <= covered:
            return fact
    return None


def named_entries(facts: Sequence[Fact], question: str, subject: Sequence[str]) -> list[Fact]:
    """The dated entries whose headings hold most of what the question names, oldest
    first: both roles at one employer for "How long at Fernleaf?", the one role for
    "When did she become Senior iOS Developer?"; [] when no heading stands out.

    Args:
        facts: The evidence.
        question: The question as asked (names in the other script count too).
        subject: The question's content terms.
    """
    # One fact per entry: a tool's total over one entry repeats that entry.
    unique = list({fact.source: fact for fact in reversed(facts)}.values())[::-1]
    headed = [(fact, entry.heading(fact.text) or fact.text.split(":", 1)[0]) for fact in unique]
    # A title's words in Korean ("시니어 iOS 개발자") count by their English concepts.
    asked = {*subject, *concept_terms(question)}
    # A name in the other script counts one, and the longer link wins a tie: "메이플웨이브
    # 모바일" is Maplewave Mobile, not any job with "Mobile" in its title.
    scores = [
        (len(asked & set(terms(heading))) + bool(link := link_length(question, heading)), link)
        for _, heading in headed
    ]
    best = max(scores, default=(0, 0))
    named = [fact for (fact, _), score in zip(headed, scores, strict=True) if score == best]
    return sorted(named, key=start) if best[0] and len(named) < len(headed) else []


def span_lead(
    whole: Fact | None, roles: Sequence[Fact], intent: Intent, *, korean: bool, today: date
) -> str:
    """ "About N years (start – end)." over a summing fact, or over several entries."""
    if whole is not None:
        total = _TOTAL.search(whole.text)
        if total is None:
            return time_lead(whole, intent, korean=korean, today=today)
        # The total names what it counts ("Elixir: about 3 years ..."), as the answer does.
        spans = list(PERIOD.finditer(whole.text))
        if len(spans) > 1:
            # Periods with gaps between them: the tool's total is the duration, and when
            # the last goes on today, since when ("freelancing since 2022-09-01").
            first, last = spans[0]["start"], spans[-1]["end"]
            ongoing = last in ("present", today.isoformat())
            if korean:
                since = f", {korean_date(first)}부터, 공백 제외" if ongoing else ""
                return f"{total['skill']}: 약 {total['years']}년{since} ({whole.source})."
            since = f" since {first}, gaps not counted" if ongoing else ""
            return f"{total['skill']}: about {total['years']} years{since} ({whole.source})."
        lead = time_lead(whole, intent, korean=korean, today=today)
        return f"{total['skill']}: {lead[0].lower()}{lead[1:]}"
    periods = [PERIOD.search(fact.text) for fact in roles]
    starts = [period["start"] for period in periods if period]
    ends = [period["end"] for period in periods if period]
    end = "present" if "present" in ends else max(ends)
    merged = Fact(source=", ".join(fact.source for fact in roles), text=f"{min(starts)} – {end}")
    return time_lead(merged, intent, korean=korean, today=today)


def time_lead(fact: Fact, intent: Intent, *, korean: bool, today: date) -> str:
    """The period of a dated fact ("2016-07 – 2021-02."), or how long it lasted."""
    period = PERIOD.search(fact.text)
    assert period is not None
    span = render(period.group(), fact.source) if korean else period.group()
    if intent is Intent.WHEN:
        return f"{span}." if not korean else f"{span}입니다."
    count = months(period["start"], period["end"], today)
    if count is None:
        return f"{span}."
    if korean:
        return f"{korean_duration(count)}입니다 ({span})."
    return f"About {english_duration(count)} ({span})."


def during(
    facts: Sequence[Fact], years: tuple[int, int], today: date
) -> tuple[list[Fact], list[Fact]]:
    """The dated entries that overlap `years`, oldest first, and (when none does) the
    entries that ended just before and started just after them."""
    spans = []
    for fact in facts:
        period = PERIOD.search(fact.text)
        if period is not None:
            last = today.year if period["end"] == "present" else int(period["end"][:4])
            spans.append((int(period["start"][:4]), last, fact))
    covering = [fact for first, last, fact in spans if first <= years[1] and last >= years[0]]
    if covering:
        return sorted(covering, key=start)[:3], []
    before = [(last, fact) for _, last, fact in spans if last < years[0]]
    after = [(first, fact) for first, _, fact in spans if first > years[1]]
    around = [max(before, key=lambda pair: pair[0])[1]] if before else []
    around += [min(after, key=lambda pair: pair[0])[1]] if after else []
    return [], around


def nothing_in(years: tuple[int, int], *, korean: bool) -> str:
    """The lead of an answer about years no entry covers."""
    first, last = years
    named = str(first) if first == last else f"{first}–{last}"
    if korean:
        return f"프로필에는 {named}년에 해당하는 항목이 없습니다. 그 전후로는:"
    return f"The profile lists nothing for {named}. Just before and after:"


def ongoing(fact: Fact) -> bool:
    """True for a fact whose period runs to the present."""
    period = PERIOD.search(fact.text)
    return period is not None and period["end"] == "present"


def start(fact: Fact) -> str:
    """The start of a fact's period ("" without one)."""
    period = PERIOD.search(fact.text)
    return period["start"] if period else ""


def months(begin: str, end: str, today: date) -> int | None:
    """Months from `begin` to `end` ("present": `today`), or None when undated."""
    try:
        first = parse_date(begin)
        last = None if end == "present" else parse_date(end)
    except ValueError:
        return None
    if first is None:
        return None
    until = last.last_day() if last is not None else today
    return max(0, round((until - first.first_day()).days / 30.44))


def english_duration(count: int) -> str:
    """ "4 years and 8 months" for a count of months."""
    years, rest = divmod(count, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if rest or not years:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " and ".join(parts)
