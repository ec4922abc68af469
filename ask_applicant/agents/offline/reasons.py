"""Reasons: "Why did she leave her last job?" is answered only by a sentence that gives one.

A resume lists what happened, seldom why. A question asking why (a move, a gap, a career
change) is answered from a prepared FAQ answer or a resume sentence that gives a reason
("left to co-found ...", "because ..."); without one, the answer says plainly that the
profile does not say why, rather than listing the jobs the question named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agents import FunctionTool, Tool

from ask_applicant.agents.offline.evidence import Fact

_WHY = re.compile(
    r"^\W*why\b|\bwhy\s+(did|does|do|is|was|would|has|have)\b|\breasons?\s+(for|why|behind)\b"
    r"|\bwhat\s+made\s+(him|her|them|you)\b|왜|이유|사유|계기",
    re.IGNORECASE,
)
_REASON = re.compile(
    r"\b(because|reason|in order to|so that|to pursue|left to|moved to be|wanted to|due to)\b"
    r"|이유|때문|위해|계기|하고 싶어",
    re.IGNORECASE,
)


def asked(question: str) -> bool:
    """True when the question asks why."""
    return bool(_WHY.search(question))


def explaining(tool: Tool) -> bool:
    """A function tool whose description says it holds reasons (the FAQ lookup: "why they
    are changing jobs")."""
    return isinstance(tool, FunctionTool) and bool(re.search(r"\bwhy\b", tool.description or ""))


def giving(facts: Sequence[Fact]) -> list[Fact]:
    """The facts that give a reason: prepared answers, and sentences saying why."""
    return [fact for fact in facts if fact.source.startswith("faq[") or _REASON.search(fact.text)]


def not_said(*, korean: bool) -> str:
    """Say that the profile gives no reason."""
    if korean:
        return "프로필에는 그 이유가 나와 있지 않습니다."
    return "The profile does not say why."
