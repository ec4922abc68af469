"""Practice: a question about using a skill at work, not merely knowing it.

"Has she used Apache Flink in production?", "Has he run services on Kubernetes?",
"카프카 실무에서 써 보셨어요?" ask whether a job or a project used the thing; the skills
list says only that she knows it. Such a question searches the whole resume (a search
tool finds the jobs and projects that name the skill) and its answer cites the job or
project first, the skills list after.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ask_applicant.agents.offline.evidence import Fact
from ask_applicant.agents.offline.terms import terms

_PRACTICE = re.compile(
    r"\bin\s+(?:a\s+|the\s+)?production\b|\bin\s+prod\b|\bproduction[\s-]+(?:grade|scale|use)\b"
    r"|\b(?:run|runs|ran|running|deploy|deploys|deployed|deploying|operate|operated"
    r"|operating|host|hosted|hosting)\b[^.?!]{0,40}\bon\b"
    r"|\bat\s+(?:work|(?:a|his|her|their|your)\s+(?:job|company|employer))\b"
    r"|\bon\s+the\s+job\b|\bprofessional(?:ly)?\b|\breal[\s-]+world\b|\bcommercial(?:ly)?\b"
    r"|\bhands[\s-]+on\b|\bin\s+(?:a\s+)?(?:real|actual|paid)\s+(?:job|project|work)s?\b"
    r"|실무|운영|현업|프로덕션|상용|실서비스|업무에서|회사에서",
    re.IGNORECASE,
)
# The sections whose entries are the practice: jobs, volunteer roles, projects.
_PRACTICE_SECTIONS = ("work", "volunteer", "projects")
# What a tool must be about to find those entries for a named skill: a search.
PRACTICE_TERMS = tuple(terms("search"))


def about_practice(question: str) -> bool:
    """True when the question asks about using a thing at work ("in production", "실무")."""
    return bool(_PRACTICE.search(question))


def is_practice(fact: Fact) -> bool:
    """True for a job, volunteer role or project entry ("work[0]", "projects/x.md")."""
    return fact.source.startswith(_PRACTICE_SECTIONS)


def practice_first(facts: Sequence[Fact]) -> list[Fact]:
    """The facts with jobs first, then volunteer roles and projects, then the rest (the
    skills list, the summary), each group in its order."""

    def place(fact: Fact) -> int:
        found = [fact.source.startswith(section) for section in _PRACTICE_SECTIONS]
        return found.index(True) if any(found) else len(found)

    return sorted(facts, key=place)


def practice_only(facts: Sequence[Fact]) -> list[Fact]:
    """The job and project entries among the facts; all of them when there are none."""
    return [fact for fact in facts if is_practice(fact)] or list(facts)
