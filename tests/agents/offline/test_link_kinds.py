"""A link's host says what its entry is: open source on a code host, a package on a registry."""

from __future__ import annotations

from ask_applicant.agents.offline.link_kinds import link_kind, link_kinds
from ask_applicant.tools.ranking import rank
from ask_applicant.tools.result import Fact


def test_code_hosts_and_registries_name_their_kind() -> None:
    assert "open source" in link_kind("https://gitlab.com/team/tool")
    assert "package" in link_kind("https://www.npmjs.com/package/left-pad")
    assert "open source" in link_kind("https://crates.io/crates/serde")
    assert link_kind(None) == ""


def test_any_other_host_is_a_site_of_its_own_but_a_social_profile_is_not() -> None:
    assert "website" in link_kind("https://example.com/about")
    assert "open source" not in link_kind("https://example.com/about")
    assert link_kind("https://www.linkedin.com/in/someone") == ""


def test_every_link_in_a_text_counts() -> None:
    text = "Docs at https://example.org; code at https://codeberg.org/me/thing."
    assert "repository" in link_kinds(text)


def test_a_search_for_open_source_finds_a_project_that_only_links_its_repository() -> None:
    facts = [
        Fact(source="projects[0]", text="Budget app. URL: https://gitlab.com/me/budget."),
        Fact(source="projects[1]", text="Internal reporting dashboards for the finance team."),
    ]
    assert [fact.source for fact in rank("open source", facts)] == ["projects[0]"]


def test_a_question_about_code_is_told_from_one_about_any_link() -> None:
    from ask_applicant.agents.offline.link_kinds import asks_for_code

    for question in [
        "Is his code public?",
        "깃허브 주소도 있어요?",
        "소스 코드는 어디서 봐요?",
        "Any open-source work?",
    ]:
        assert asks_for_code(question), question
    for question in ["Is there somewhere I can try it?", "링크 있어요?"]:
        assert not asks_for_code(question), question
