"""The loaded profile every agent, tool and MCP server reads."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ask_applicant.profile.extras import FaqEntry, ProfileExtras
from ask_applicant.profile.privacy import (
    PrivateValue,
    private_values,
    redact,
    redact_all,
    without_private,
)
from ask_applicant.profile.resume import Project, Resume


@dataclass(frozen=True)
class Profile:
    """One applicant: the resume, its write-ups and the `profile.yaml` extras.

    Built by `load_profile`; immutable, so one instance can be shared by every run.

    Attributes:
        resume: The full JSON Resume, private fields included; tools read
            `public_resume()` instead.
        extras: The parsed `profile.yaml` (defaults when there is none).
        writeups: Project write-ups, slug → markdown (from ``projects/<slug>.md``).
        project_slugs: The slug of each resume project, aligned with ``resume.projects``.
        repos: Slug → resolved source repository folder.
        source: The file or folder the profile was loaded from.
    """

    resume: Resume
    extras: ProfileExtras = field(default_factory=ProfileExtras)
    writeups: Mapping[str, str] = field(default_factory=dict)
    project_slugs: tuple[str, ...] = ()
    repos: Mapping[str, Path] = field(default_factory=dict)
    source: Path = Path()
    _public: dict[str, Any] = field(init=False, repr=False, compare=False)
    _private: tuple[PrivateValue, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        data = self.resume.to_json_dict()
        paths = self.extras.private_fields
        private = tuple(private_values(data, paths))
        # Computed once: tools call these on every invocation. Every public text is
        # scrubbed here, before any tool searches it: a search matched against raw text
        # would confirm a guessed private value by what it finds.
        object.__setattr__(self, "_public", redact_all(without_private(data, paths), private))
        object.__setattr__(self, "_private", private)
        object.__setattr__(self, "writeups", redact_all(dict(self.writeups), private))
        faq = [
            entry.model_copy(update=redact_all(entry.model_dump(), private))
            for entry in self.extras.faq
        ]
        object.__setattr__(self, "extras", self.extras.model_copy(update={"faq": faq}))

    @property
    def name(self) -> str:
        """The applicant's name as the resume gives it (may be empty)."""
        return self.resume.basics.name or ""

    @property
    def voice(self) -> Literal["first_person", "third_person"]:
        """Whether answers speak as the applicant ("I") or about them."""
        return self.extras.voice

    @property
    def faq(self) -> list[FaqEntry]:
        """Prepared answers from `profile.yaml`, in file order (``faq[i]``)."""
        return self.extras.faq

    def project_repo(self, slug: str) -> Path | None:
        """The source repository folder of a project, when `profile.yaml` names one."""
        return self.repos.get(slug)

    def projects(self) -> list[tuple[int, str, Project]]:
        """Every resume project as (index, slug, project)."""
        return [(i, self.project_slugs[i], p) for i, p in enumerate(self.resume.projects)]

    def public_resume(self) -> dict[str, Any]:
        """The resume as JSON data with every private field removed (a fresh copy)."""
        return copy.deepcopy(self._public)

    def private_values(self) -> list[PrivateValue]:
        """The values that must never be disclosed, each with its kind and path."""
        return list(self._private)

    def redact(self, text: str) -> str:
        """Text with any private value replaced by ``[private]`` (last line of defence)."""
        return redact(text, list(self._private))
