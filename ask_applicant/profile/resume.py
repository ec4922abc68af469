"""A pydantic model of the JSON Resume v1.0.0 schema (jsonresume.org).

Pre-1.0 field names and theme decorations are mapped first (`variants`).

Every field is optional and every object keeps unknown fields, as the schema allows.
Python names are snake_case; the JSON keys (and error locations) stay camelCase.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic.alias_generators import to_camel

from ask_applicant.profile.dates import parse_date
from ask_applicant.profile.variants import normalise


def _valid_date(value: str | None) -> str | None:
    if value is not None and not value.strip():
        return None
    parse_date(value)
    return value


ResumeDate = Annotated[str | None, AfterValidator(_valid_date)]


class Section(BaseModel):
    """Base of every resume object: camelCase keys, unknown fields kept, numbers read as text."""

    model_config = ConfigDict(
        extra="allow",
        alias_generator=to_camel,
        populate_by_name=True,
        coerce_numbers_to_str=True,
    )

    @model_validator(mode="before")
    @classmethod
    def _one_schema(cls, data: Any) -> Any:
        # Pre-1.0 names and theme decorations, as real files write them.
        return normalise(cls.__name__, data)


class Location(Section):
    address: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country_code: str | None = None
    region: str | None = None


class SocialProfile(Section):
    network: str | None = None
    username: str | None = None
    url: str | None = None


class Basics(Section):
    name: str | None = None
    label: str | None = None
    image: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: Location | None = None
    profiles: list[SocialProfile] = Field(default_factory=list)


class Work(Section):
    name: str | None = None
    location: str | None = None
    description: str | None = None
    position: str | None = None
    url: str | None = None
    start_date: ResumeDate = None
    end_date: ResumeDate = None
    summary: str | None = None
    highlights: list[str] = Field(default_factory=list)


class Volunteer(Section):
    organization: str | None = None
    position: str | None = None
    url: str | None = None
    start_date: ResumeDate = None
    end_date: ResumeDate = None
    summary: str | None = None
    highlights: list[str] = Field(default_factory=list)


class Education(Section):
    institution: str | None = None
    url: str | None = None
    area: str | None = None
    study_type: str | None = None
    start_date: ResumeDate = None
    end_date: ResumeDate = None
    score: str | None = None
    courses: list[str] = Field(default_factory=list)


class Award(Section):
    title: str | None = None
    date: ResumeDate = None
    awarder: str | None = None
    summary: str | None = None


class Certificate(Section):
    name: str | None = None
    date: ResumeDate = None
    url: str | None = None
    issuer: str | None = None


class Publication(Section):
    name: str | None = None
    publisher: str | None = None
    release_date: ResumeDate = None
    url: str | None = None
    summary: str | None = None


class Skill(Section):
    name: str | None = None
    level: str | None = None
    keywords: list[str] = Field(default_factory=list)


class Language(Section):
    language: str | None = None
    fluency: str | None = None


class Interest(Section):
    name: str | None = None
    keywords: list[str] = Field(default_factory=list)


class Reference(Section):
    name: str | None = None
    reference: str | None = None


class Project(Section):
    name: str | None = None
    description: str | None = None
    highlights: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    start_date: ResumeDate = None
    end_date: ResumeDate = None
    url: str | None = None
    roles: list[str] = Field(default_factory=list)
    entity: str | None = None
    type: str | None = None


class Meta(Section):
    canonical: str | None = None
    version: str | None = None
    last_modified: str | None = None


class Resume(Section):
    """A whole JSON Resume document."""

    basics: Basics = Field(default_factory=Basics)
    work: list[Work] = Field(default_factory=list)
    volunteer: list[Volunteer] = Field(default_factory=list)
    education: list[Education] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    certificates: list[Certificate] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    interests: list[Interest] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    meta: Meta = Field(default_factory=Meta)

    def to_json_dict(self) -> dict[str, object]:
        """The resume as JSON data with the schema's camelCase keys, empty fields left out."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
