"""`profile.yaml`: what a resume does not hold (FAQ, privacy, voice, project extras)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

DEFAULT_PRIVATE_FIELDS = (
    "basics.phone",
    "basics.location.address",
    "basics.location.postalCode",
)
_PATH = re.compile(
    r"^[A-Za-z_$][\w$-]*(?:\[(?:\d+|\*)\])?(?:\.[A-Za-z_$][\w$-]*(?:\[(?:\d+|\*)\])?)*$"
)


class Strict(BaseModel):
    """Base of the `profile.yaml` models: a misspelt key is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid")


class FaqEntry(Strict):
    """One prepared answer, e.g. why the applicant is changing jobs."""

    question: str = Field(min_length=1)
    answer: str = Field(min_length=1)
    tags: list[str] = Field(default_factory=list)


class ProjectExtras(Strict):
    """Per-project settings, keyed by the project's slug."""

    repo: str | None = Field(default=None, description="Source folder, relative to the profile.")
    aliases: list[str] = Field(default_factory=list, description="Other names to match.")


class ProfileExtras(Strict):
    """The whole `profile.yaml` document."""

    faq: list[FaqEntry] = Field(default_factory=list)
    private_fields: list[str] = Field(default_factory=lambda: list(DEFAULT_PRIVATE_FIELDS))
    voice: Literal["first_person", "third_person"] = "first_person"
    projects: dict[str, ProjectExtras] = Field(default_factory=dict)

    @field_validator("private_fields")
    @classmethod
    def _dotted_paths(cls, paths: list[str]) -> list[str]:
        for path in paths:
            if not _PATH.match(path):
                raise ValueError(
                    f"{path!r} is not a dotted path like basics.phone or work[*].location"
                )
        return paths
