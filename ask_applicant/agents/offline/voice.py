"""Who speaks in an answer, read from markers in the agent's instructions.

The agent graph writes `VOICE: first_person` or `VOICE: third_person` into every agent's
instructions, and may write `APPLICANT: <full name>`; the offline model cannot see the
profile any other way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_VOICE = re.compile(r"VOICE:\s*(first_person|third_person)\b")
_APPLICANT = re.compile(r"APPLICANT:[ \t]*([^\n]{1,80})")


@dataclass(frozen=True)
class Voice:
    """The answer's speaker.

    Attributes:
        person: `first_person` (the applicant says "I") or `third_person`.
        name: The applicant's name when the instructions give it.
    """

    person: Literal["first_person", "third_person"] = "first_person"
    name: str | None = None

    @classmethod
    def from_instructions(cls, instructions: str | None) -> Voice:
        """Read the voice markers; first person, unnamed, when there are none."""
        text = instructions or ""
        voice = _VOICE.search(text)
        applicant = _APPLICANT.search(text)
        name = applicant.group(1).strip() if applicant else None
        person: Literal["first_person", "third_person"] = (
            "third_person" if voice and voice.group(1) == "third_person" else "first_person"
        )
        return cls(person=person, name=name or None)

    @property
    def first_person(self) -> bool:
        """True when the applicant speaks for themself."""
        return self.person == "first_person"

    def english_name(self) -> str:
        """How an English answer names the applicant."""
        return self.name or "the applicant"

    def korean_name(self) -> str:
        """How a Korean answer names the applicant (with the honorific)."""
        return f"{self.name}님" if self.name else "지원자"
