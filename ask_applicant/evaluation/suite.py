"""The suite format: YAML files of cases, each a question (or turns) and what to expect.

```yaml
suite: routing                    # name
profile: ../profiles/sample       # optional, relative to this file
cases:
  - id: edu-en-1
    question: "Where did you study?"     # or `turns: [q1, q2, ...]`: one conversation
    expect: {agent: resume, contains: [University]}
    tags: [en, routing]
```

The format is a contract: every mapping rejects unknown keys. Reading files and
reporting their problems is `ask_applicant.evaluation.suite_files`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from ask_applicant.agents.instructions import AgentKey

MAX_QUESTION_CHARS = 100_000
_ID = r"^[\w.\-]{1,100}$"


def _listed(value: Any) -> Any:
    # A single string where a list is meant is almost always a list of one.
    return [value] if isinstance(value, str) else value


class Expectation(BaseModel):
    """What a case expects of the last turn of its conversation; every key is optional.

    Attributes:
        agent: Key of the agent that gave the final answer.
        handoffs: Agent keys handed to, in order (exact).
        tools: Tools that must each have been called.
        tools_not: Tools that must not have been called.
        tool_args: Tool name → arguments that one call of it must include (subset match:
            strings as case-insensitive substrings, mappings and lists recursively).
        contains: Case-insensitive substrings the answer must all contain.
        not_contains: Case-insensitive substrings the answer must not contain.
        regex: A pattern the answer must match somewhere (Python `re.search`).
        refused: True when a guardrail must trip, False when none may.
        max_latency_ms: The last turn's time limit.
        rubric: What a judge model checks the answer for (skipped without a judge).
    """

    model_config = ConfigDict(extra="forbid")

    agent: AgentKey | None = None
    handoffs: list[AgentKey] | None = None
    tools: list[str] | None = None
    tools_not: list[str] | None = None
    tool_args: dict[str, dict[str, Any]] | None = None
    contains: list[str] | None = None
    not_contains: list[str] | None = None
    regex: str | None = None
    refused: bool | None = None
    max_latency_ms: float | None = Field(default=None, gt=0)
    rubric: str | None = Field(default=None, min_length=1)

    @field_validator("handoffs", "tools", "tools_not", "contains", "not_contains", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        return _listed(value)

    @field_validator("tools", "tools_not", "contains", "not_contains", "tool_args")
    @classmethod
    def _checks_something(cls, value: Any) -> Any:
        # An empty list or string would make an expectation that cannot fail.
        if value is not None and not value:
            raise ValueError("empty: this would check nothing; leave the key out")
        if isinstance(value, list) and any(not str(text).strip() for text in value):
            raise ValueError("an empty string matches everything")
        return value

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as error:
                raise ValueError(f"not a valid regular expression ({error})") from None
        return value

    def kinds(self) -> list[str]:
        """The names of the expectations that are set, in a fixed order."""
        return [name for name in type(self).model_fields if getattr(self, name) is not None]


class Case(BaseModel):
    """One scripted conversation and its expectation.

    Attributes:
        id: Unique within the suite.
        question: A one-turn conversation.
        turns: Several questions in one conversation; `expect` applies to the last.
        expect: What the last turn must show.
        tags: Labels for `--tag`.
    """

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_ID)
    question: str | None = Field(default=None, min_length=1, max_length=MAX_QUESTION_CHARS)
    turns: list[str] | None = Field(default=None, min_length=1, max_length=50)
    expect: Expectation = Field(default_factory=Expectation)
    tags: list[str] = Field(default_factory=list)

    @field_validator("tags", mode="before")
    @classmethod
    def _tag_list(cls, value: Any) -> Any:
        return _listed(value)

    @field_validator("turns")
    @classmethod
    def _turns_not_empty(cls, value: list[str] | None) -> list[str] | None:
        if value is not None:
            for text in value:
                if not text.strip() or len(text) > MAX_QUESTION_CHARS:
                    raise ValueError("every turn needs a question of 1 to 100000 characters")
        return value

    @model_validator(mode="after")
    def _one_way_to_ask(self) -> Case:
        if (self.question is None) == (self.turns is None):
            raise ValueError("give either `question` or `turns`, not both and not neither")
        if self.question is not None and not self.question.strip():
            raise ValueError("`question` is blank")
        return self

    @property
    def questions(self) -> list[str]:
        """The questions of the conversation, in order."""
        return list(self.turns) if self.turns is not None else [str(self.question)]


class Suite(BaseModel):
    """A named list of cases, read from one YAML file.

    Attributes:
        suite: The suite's name.
        profile: The profile the cases are written against, resolved against the file.
        cases: The cases, with unique ids.
        file: The file it was read from (not part of the YAML).
    """

    model_config = ConfigDict(extra="forbid")

    suite: str = Field(pattern=_ID)
    profile: Path | None = None
    cases: list[Case] = Field(min_length=1)
    file: Path | None = Field(default=None, exclude=True)

    @property
    def name(self) -> str:
        """The suite's name."""
        return self.suite
