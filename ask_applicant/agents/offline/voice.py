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

    def speak(self, text: str) -> str:
        """Service text that says "the applicant" (a tool's note, an area's description)
        in this voice: "I" and "my" in the first person, the name in the third.

        An answer never mixes the two: "I'm sorry, my profile ..." is not followed by
        "The applicant has not prepared ...".
        """
        if self.first_person:
            text = _POSSESSIVE.sub(lambda m: _cased("my", m.group(1)), text)
            text = _SUBJECT_VERB.sub(_first_person_verb, text)
            text = _OBJECT.sub(lambda m: f"{m.group(1)} me", text)
            return _SUBJECT.sub(lambda m: "I", text)
        if not self.name:
            return text
        name = self.name
        text = _POSSESSIVE.sub(lambda m: f"{name}'" if name.endswith("s") else f"{name}'s", text)
        return _SUBJECT.sub(lambda m: name, text)


_POSSESSIVE = re.compile(r"\b([Tt])he applicant's\b")
_SUBJECT = re.compile(r"\b[Tt]he applicant\b")
# "about the applicant": the object of a preposition is "me".
_OBJECT = re.compile(r"\b(about|of|for|to|with|by|from|on)\s+the applicant\b", re.I)
# "The applicant has not prepared", "the applicant builds", "the applicant will see".
_SUBJECT_VERB = re.compile(r"\b([Tt])he applicant (is|was|has|does|\w+s)\b")
_IRREGULAR = {"is": "am", "was": "was", "has": "have", "does": "do"}


def _cased(word: str, first: str) -> str:
    return word.capitalize() if first.isupper() else word


def _first_person_verb(match: re.Match[str]) -> str:
    verb = match.group(2)
    if verb in _IRREGULAR:
        base = _IRREGULAR[verb]
    elif verb.endswith("ies"):
        base = f"{verb[:-3]}y"
    elif verb.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        base = verb[:-2]
    else:
        base = verb[:-1]
    return f"I {base}"
