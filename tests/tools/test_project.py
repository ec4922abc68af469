from __future__ import annotations

from typing import Any

import pytest

from ask_applicant.profile import Profile
from ask_applicant.tools.project import get_project, list_projects, search_projects


def test_list_projects_names_every_project_with_slug_and_write_up(sample: Profile) -> None:
    facts = list_projects(sample).facts
    assert [fact.source for fact in facts] == [f"projects[{i}]" for i in range(4)]
    assert "slug: chat-service" in facts[0].text and "source code available" in facts[0].text
    assert "write-up: projects/사내-배포-자동화-도구.md" in facts[2].text


def test_the_project_list_carries_each_projects_link(make_profile: Any) -> None:
    # Where a project lives says what it is (a repository: open source).
    profile = make_profile(
        {"projects": [{"name": "geo-tiles", "url": "https://github.com/noa/geo-tiles"}]}
    )
    assert "URL: https://github.com/noa/geo-tiles." in list_projects(profile).facts[0].text


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Chat Service", "chat-service"),
        ("chat-service", "chat-service"),
        ("CHATSERVICE", "chat-service"),
        ("the chat", "chat-service"),
        ("채팅 서비스", "chat-service"),
        ("settlement", "settlement-pipeline"),
        ("정산 파이프라인", "settlement-pipeline"),
        ("사내배포자동화도구", "사내-배포-자동화-도구"),
        ("배포 도구", "사내-배포-자동화-도구"),
        ("resume q&a", "resume-q-a-bot"),
        ("Resume QA bot 🤖", "resume-q-a-bot"),
    ],
)
def test_get_project_matches_names_tolerantly(sample: Profile, name: str, slug: str) -> None:
    result = get_project(sample, name=name)
    sources = [fact.source for fact in result.facts]
    index = sample.project_slugs.index(slug)
    assert sources[0] == f"projects[{index}]"
    assert f"projects/{slug}.md" in sources


def test_get_project_returns_the_write_up_sections(sample: Profile) -> None:
    result = get_project(sample, name="settlement pipeline")
    texts = [fact.text for fact in result.facts if fact.source == "projects/settlement-pipeline.md"]
    assert any(text.startswith("Architecture:") and "idempotent ledger" in text for text in texts)
    assert any(text.startswith("Results:") and "15 minutes" in text for text in texts)


def test_a_project_with_source_code_says_so(sample: Profile) -> None:
    assert "portfolio tools" in (get_project(sample, name="chat").note or "")
    assert get_project(sample, name="settlement").note is None


@pytest.mark.parametrize("name", ["", "zzz", "🙈", "x" * 10_000])
def test_an_unknown_project_lists_the_known_ones(sample: Profile, name: str) -> None:
    result = get_project(sample, name=name)
    assert result.facts == []
    assert result.note and "Known projects: Chat Service, Settlement Pipeline" in result.note


def test_the_official_sample_project_is_found_by_name_or_description(official: Profile) -> None:
    assert get_project(official, name="miss direction").facts[0].source == "projects[0]"
    assert get_project(official, name="mapping engine").facts[0].source == "projects[0]"


@pytest.mark.parametrize(
    ("query", "source"),
    [
        ("Redis Pub/Sub", "projects/chat-service.md"),
        ("정산 불일치", "projects/settlement-pipeline.md"),
        ("canary rollback", "projects/사내-배포-자동화-도구.md"),
        ("OpenAI", "projects[3]"),
    ],
)
def test_search_projects_covers_entries_and_write_ups(
    sample: Profile, query: str, source: str
) -> None:
    sources = [fact.source for fact in search_projects(sample, query=query).facts]
    assert source in sources[:3], sources


def test_search_projects_with_nothing_to_find_explains(sample: Profile) -> None:
    assert search_projects(sample, query="").note == (
        "Give words to search for, e.g. a technology or a result."
    )
    assert search_projects(sample, query="blockchain").note == (
        "No project or write-up matches that query."
    )
