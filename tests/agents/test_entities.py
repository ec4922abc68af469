"""The names each specialist's sections hold or refer to, read from the profile."""

from __future__ import annotations

from ask_applicant.agents.entities import entity_names, entity_references
from ask_applicant.profile import Profile

NAMES = {"resume": "R", "project": "P", "career": "C"}


def test_projects_employers_and_schools_are_named_in_every_spelling(
    sample_profile: Profile,
) -> None:
    names = entity_names(profile=sample_profile, names=NAMES)
    assert {"Chat Service", "채팅 서비스", "support chat", "정산 파이프라인"} <= set(names["P"])
    assert {"Haneul Pay", "하늘페이", "Nuri Soft"} <= set(names["C"])
    assert {"Hanbit University", "한빛대학교", "CKAD"} <= set(names["R"])
    # Case-only repeats (a slug and the name) are kept once.
    lowered = [name.casefold() for names_ in names.values() for name in names_]
    assert len(lowered) == len(set(lowered))


def test_references_bring_every_spelling_of_the_thing_they_name(sample_profile: Profile) -> None:
    references = entity_references(profile=sample_profile, names=NAMES)
    # An award from Haneul Pay, a project at Dalbit Commerce.
    assert {"Haneul Pay", "하늘페이"} <= set(references["R"])
    assert {"Dalbit Commerce", "달빛커머스"} <= set(references["P"])
    assert references["C"] == []


def test_short_words_are_not_names(sample_profile: Profile) -> None:
    names = entity_names(profile=sample_profile, names=NAMES)
    assert all(
        len(name.replace(" ", "")) >= 3 for spellings in names.values() for name in spellings
    )
