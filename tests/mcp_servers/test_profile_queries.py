"""One resume section, and search over the whole profile, as plain functions."""

from __future__ import annotations

import pytest

from ask_applicant.mcp_servers.profile_queries import (
    SECTIONS,
    UnknownSectionError,
    resume_section,
    search_profile,
)
from ask_applicant.profile import Profile


def test_a_section_gives_every_entry_with_its_index(sample_profile: Profile) -> None:
    result = resume_section(sample_profile, "work")
    count = len(sample_profile.resume.work)
    assert [fact.source for fact in result.facts] == [f"work[{i}]" for i in range(count)]


@pytest.mark.parametrize(
    ("alias", "section"),
    [("경력", "work"), (" Education ", "education"), ("기술", "skills"), ("hobbies", "interests")],
)
def test_korean_and_loose_section_names_reach_the_resume_key(
    sample_profile: Profile, alias: str, section: str
) -> None:
    assert resume_section(sample_profile, alias) == resume_section(sample_profile, section)


def test_basics_leave_out_the_private_fields(sample_profile: Profile) -> None:
    sources = {fact.source for fact in resume_section(sample_profile, "basics").facts}
    assert "basics.name" in sources
    assert not sources & {"basics.phone", "basics.birthDate"}


def test_an_unknown_section_is_refused_with_the_valid_ones_listed(sample_profile: Profile) -> None:
    with pytest.raises(UnknownSectionError, match=", ".join(SECTIONS)):
        resume_section(sample_profile, "salary")


def test_search_reaches_resume_write_ups_and_faq(sample_profile: Profile) -> None:
    assert any(
        f.source.startswith("skills[") for f in search_profile(sample_profile, "Kafka").facts
    )
    writeup = search_profile(sample_profile, "Redis Pub/Sub fan-out").facts
    assert any(f.source == "projects/chat-service.md" for f in writeup)
    salary = search_profile(sample_profile, "희망 연봉 salary").facts
    assert salary[0].source.startswith("faq[")


def test_search_with_nothing_to_find_says_so(sample_profile: Profile) -> None:
    assert search_profile(sample_profile, "   ").note == (
        "Give words to search for, e.g. a skill, company or project."
    )
    result = search_profile(sample_profile, "zzqqxx")
    assert not result.facts and result.note == "Nothing in the profile matches that query."


def test_asking_for_a_private_detail_gets_a_note_not_the_value(sample_profile: Profile) -> None:
    result = search_profile(sample_profile, "전화번호 phone")
    assert result.note and "private" in result.note
    phone = next(v.value for v in sample_profile.private_values() if v.kind == "phone")
    assert phone not in result.model_dump_json()
