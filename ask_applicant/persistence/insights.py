"""What the applicant's console reads: unanswered questions and activity over time.

Both read runs (one per question). Grouping and medians are done here in Python over a
bounded window of rows, the same way on SQLite and MySQL.
"""

from __future__ import annotations

import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.models import Run, RunEvent

UNANSWERED_KINDS = ("not_in_profile", "help")
# The newest runs looked at; the console is a view of recent interest, not an archive.
MAX_RUNS = 5_000


def normalise(question: str) -> str:
    """A question's wording reduced to what makes two askings "the same question".

    Case, width (NFKC), punctuation, symbols (emoji included) and spacing are dropped;
    letters and digits of any script, Hangul included, are kept.
    """
    text = unicodedata.normalize("NFKC", question).casefold()
    kept = "".join(ch if unicodedata.category(ch)[0] in "LNM" else " " for ch in text)
    return " ".join(kept.split())


@dataclass
class UnansweredGroup:
    """Askings of one question the profile could not answer."""

    key: str
    question: str
    count: int
    last_asked: datetime
    kinds: Counter[str] = field(default_factory=Counter)


async def unanswered(db: AsyncSession, *, limit: int = 100) -> list[UnansweredGroup]:
    """Unanswered questions grouped by normalised wording, most recently asked first.

    A question is unanswered when its run ended `not_in_profile` or with the help text.
    Each group shows its most recent wording.
    """
    query = (
        select(Run.message, Run.answer_kind, Run.created_at)
        .where(col(Run.answer_kind).in_(UNANSWERED_KINDS))
        .order_by(col(Run.created_at).desc(), col(Run.id))
        .limit(MAX_RUNS)
    )
    groups: dict[str, UnansweredGroup] = {}
    for message, kind, created_at in (await db.exec(query)).all():
        key = normalise(message) or message.strip()
        if not key:
            continue
        group = groups.get(key)
        if group is None:
            group = groups[key] = UnansweredGroup(key, message.strip(), 0, created_at)
        group.count += 1
        group.kinds[str(kind)] += 1
    ordered = sorted(groups.values(), key=lambda g: g.last_asked, reverse=True)
    return ordered[:limit]


@dataclass(frozen=True)
class Activity:
    """The console's activity figures over the last `days` days."""

    days: int
    per_day: list[tuple[date, int]]
    by_agent: dict[str, int]
    questions: int
    completed: int
    refused: int
    unanswered: int
    median_first_text_seconds: float | None

    @property
    def refusal_rate(self) -> float | None:
        """Refused share of completed runs."""
        return self.refused / self.completed if self.completed else None

    @property
    def unanswered_rate(self) -> float | None:
        """Unanswered share of completed runs."""
        return self.unanswered / self.completed if self.completed else None


async def activity(db: AsyncSession, *, days: int = 30) -> Activity:
    """Questions per day, answers by agent, refusal and unanswered counts, median time to
    the first text of an answer, for the last `days` days (UTC)."""
    now = utcnow()
    since = datetime.combine(
        (now - timedelta(days=days - 1)).date(), datetime.min.time(), now.tzinfo
    )
    runs = (
        await db.exec(
            select(Run)
            .where(col(Run.created_at) >= since)
            .order_by(col(Run.created_at).desc())
            .limit(MAX_RUNS)
        )
    ).all()
    per_day = Counter(run.created_at.date() for run in runs)
    completed = [run for run in runs if run.status == "completed"]
    firsts = await _first_text_seconds(db, {run.id: run.created_at for run in completed})
    first_day = since.date()
    return Activity(
        days=days,
        per_day=[(d, per_day.get(d, 0)) for d in (first_day + timedelta(n) for n in range(days))],
        by_agent=dict(Counter(run.agent for run in completed).most_common()),
        questions=len(runs),
        completed=len(completed),
        refused=sum(1 for run in completed if run.answer_kind == "refused"),
        unanswered=sum(1 for run in completed if run.answer_kind in UNANSWERED_KINDS),
        median_first_text_seconds=statistics.median(firsts) if firsts else None,
    )


async def _first_text_seconds(db: AsyncSession, created: dict[str, datetime]) -> list[float]:
    if not created:
        return []
    seconds: list[float] = []
    ids = list(created)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = (
            select(RunEvent.run_id, func.min(RunEvent.created_at))
            .where(col(RunEvent.run_id).in_(chunk), RunEvent.event == "message.delta")
            .group_by(col(RunEvent.run_id))
        )
        for run_id, first in (await db.exec(query)).all():
            if first is not None:
                seconds.append(max(0.0, (first - created[run_id]).total_seconds()))
    return seconds
