"""Selection: the one entry, or the few lines, a question singles out.

"What was her first job?" is the earliest entry; "Who did she work for before Fernleaf?"
the entry just before both roles there; "What's her strongest skill?" the skills at the
highest level given; "Her biggest achievement?" the highlights, measured ones first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ask_applicant.agents.offline import periods
from ask_applicant.agents.offline.evidence import Fact
from ask_applicant.agents.offline.intent import about_now
from ask_applicant.agents.offline.support import field, touched
from ask_applicant.agents.offline.terms import terms

# A count or an amount, not a year ("15명", "18%", not "2021").
NUMBER = re.compile(r"(?<![\d–-])(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)?(?![\d–-])")
_AFTER = re.compile(r"\bafter\b|이후|다음에|다음엔|다음으로|그 다음|후에는", re.I)
_BEFORE = re.compile(
    r"\b(before|previously|prior to)\b|이전에|전에|이전엔|직전"
    r"|\b(previous|prior|former|last)\s+(job|company|employer|role|position|workplace)\b"
    r"|(이전|예전|전|직전)\s*(회사|직장|근무지|직무)",
    re.I,
)
BEST = re.compile(
    r"\b(strongest|best|top)\b|주력|가장 (잘|자신)|제일 (잘|자신)|자신 있는|강한",
    re.I,
)
_LEVELS = ("master", "expert", "advanced", "proficient", "intermediate", "beginner", "basic")
_LEVEL = re.compile(r"\((?P<level>[^)]{2,30})\)")
ACHIEVED = re.compile(
    r"\b(achievements?|achieved?|accomplishments?|accomplished|proud|impressive"
    r"|biggest (win|result)|key results|impact)\b|성과|업적|자랑",
    re.I,
)
_HIGHLIGHTS = re.compile(r"Highlights: (?P<items>[^\n]+?)(?:\.(?:\s+URL:|\s*$)|$)")
_FIRST = re.compile(
    r"\b(first|earliest|oldest)\b|첫|처음|최초|가장 오래"
    r"|\b(start|started|begin|began)\s+(his|her|their|your|my)\s+career\b"
    r"|(커리어|경력|사회생활)\S*\s*(\S+\s+)?(시작|첫)",
    re.I,
)
_PREVIOUS_JOB = re.compile(
    r"\b(previous|prior|former|last)\s+(job|company|employer|role|position|workplace)\b"
    r"|(이전|예전|전|직전)\s*(회사|직장|근무지|직무)",
    re.I,
)
_VOLUNTEER = re.compile(r"volunt|봉사", re.I)
_CURRENT_JOB = re.compile(
    r"\b(current|present)\s+(job|role|position|company|employer|workplace|title|team)\b"
    r"|(지금|현재|요즘)\s*(다니는|재직\s*중인|근무\s*중인|일하는|다니시는)?\s*(회사|직장)",
    re.I,
)
RECENT = re.compile(r"\b(most recent(ly)?|latest|newest|last)\b|최근|마지막|가장 늦", re.I)


def relative(question: str) -> bool:
    """True for a question about the entry before or after another ("after Kitebox")."""
    return bool(_AFTER.search(question) or _BEFORE.search(question))


def highlights(facts: Sequence[Fact]) -> list[tuple[str, str]]:
    """Up to three highlights of the entries, those with a number (a measured result) first."""
    found = []
    for fact in facts:
        listed = _HIGHLIGHTS.search(fact.text)
        if listed is not None:
            found += [(item.strip(), fact.source) for item in listed["items"].split("; ")]
    ranked = sorted(found, key=lambda pair: not NUMBER.search(pair[0]))
    return [(item, source) for item, source in ranked if item][:3]


def strongest(facts: Sequence[Fact]) -> list[Fact]:
    """The skills entries at the highest level any of them gives ([] without levels)."""
    ranked = []
    for fact in facts:
        level = _LEVEL.search(fact.text) if field(fact.source) == "skills" else None
        name = level["level"].strip().lower() if level else ""
        if name in _LEVELS:
            ranked.append((_LEVELS.index(name), fact))
    best = min((rank for rank, _ in ranked), default=None)
    return [fact for rank, fact in ranked if rank == best] if len(ranked) > 1 else []


def ongoing(question: str, facts: Sequence[Fact]) -> list[Fact]:
    """The entries going on now: the jobs, when there is one, unless the question asks
    about volunteering (a volunteer role held today is not "his current job")."""
    now = [fact for fact in facts if periods.ongoing(fact)]
    jobs = [fact for fact in now if field(fact.source) == "work"]
    return now if _VOLUNTEER.search(question) else (jobs or now)


def current_job(question: str, facts: Sequence[Fact]) -> list[Fact]:
    """For "How long has he been at his current company?": the jobs going on now; for
    "How long was she at her previous company?" the job before them; [] when the
    question names neither."""
    if _CURRENT_JOB.search(question):
        return [f for f in facts if periods.ongoing(f) and field(f.source) == "work"]
    if _PREVIOUS_JOB.search(question):
        jobs = [f for f in facts if field(f.source) == "work" and periods.start(f)]
        previous = neighbour(question, [], jobs)
        return [previous] if previous is not None else []
    return []


def neighbour(question: str, backing: Sequence[Fact], facts: Sequence[Fact]) -> Fact | None:
    """For "before X" / "after X": the dated entry just before or after the one named."""
    after = bool(_AFTER.search(question))
    if not (after or _BEFORE.search(question)):
        return None
    dated = [fact for fact in backing if periods.start(fact)]
    ongoing = [fact for fact in facts if periods.ongoing(fact) and field(fact.source) == "work"]
    if (about_now(question) or not dated) and ongoing:
        # "Before her current job": the job going on now is the one named.
        dated = [max(ongoing, key=periods.start)]
    if not dated:
        return None
    # Of two roles at the employer named, before the first or after the last.
    group = periods.named_entries(dated, question, terms(question)) if len(dated) > 1 else []
    if group:
        named = group[-1] if after else group[0]
    else:
        named = max(dated, key=lambda fact: touched(fact.text, question, terms(question)))
    left_out = {fact.source for fact in group} | {named.source}
    # The job before a job, not a volunteer role that began in between.
    others = [
        f
        for f in facts
        if periods.start(f) and f.source not in left_out and field(f.source) == field(named.source)
    ]
    if after:
        later = [f for f in others if periods.start(f) > periods.start(named)]
        return min(later, key=periods.start, default=None)
    earlier = [f for f in others if periods.start(f) < periods.start(named)]
    return max(earlier, key=periods.start, default=None)


def first(question: str, facts: Sequence[Fact]) -> list[Fact]:
    """For "first" / "earliest" / "첫": the entry with the earliest date, when several
    carry dates ("What was her first job?" is one job, not the history)."""
    dated = [fact for fact in facts if earliest(fact)]
    if len(dated) < 2 or not _FIRST.search(question):
        return []
    return [min(dated, key=earliest)]


def most_recent(question: str, facts: Sequence[Fact]) -> list[Fact]:
    """For "latest" / "most recent" / "최근": the entry that started last, when several
    carry a start ("What was her latest project?" is one project, not the list)."""
    dated = [fact for fact in facts if periods.start(fact)]
    if len(dated) < 2 or not RECENT.search(question):
        return []
    return [max(dated, key=periods.start)]


def earliest(fact: Fact) -> str:
    """The earliest date a fact names ("" without one)."""
    dates = re.findall(r"[12]\d{3}(?:-\d{2})?", fact.text)
    return min(dates) if dates else ""


def latest(fact: Fact) -> str:
    """The latest date a fact names ("" without one)."""
    dates = re.findall(r"[12]\d{3}(?:-\d{2})?", fact.text)
    return max(dates) if dates else ""
