"""Real resume.json files in older or decorated shapes load as JSON Resume 1.0."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ask_applicant.profile import load_profile
from ask_applicant.tools.facts import all_facts

WritePath = Callable[..., Path]


def test_a_pre_1_0_job_reads_its_company_and_website_as_name_and_url(
    write_profile: WritePath,
) -> None:
    folder = write_profile(
        {
            "basics": {"name": "Ada", "website": "https://ada.example", "picture": ""},
            "work": [{"company": "Acme", "website": "https://acme.example", "position": "Dev"}],
        }
    )
    profile = load_profile(folder)
    assert profile.resume.work[0].name == "Acme"
    assert profile.resume.work[0].url == "https://acme.example"
    assert profile.resume.basics.url == "https://ada.example"
    assert "company" not in profile.public_resume()["work"][0]


def test_a_project_summary_is_its_description_when_it_has_none(write_profile: WritePath) -> None:
    folder = write_profile(
        {
            "projects": [
                {"name": "A", "summary": "Tracks parcels."},
                {"name": "B", "description": "Own words.", "summary": "Other words."},
            ]
        }
    )
    projects = load_profile(folder).resume.projects
    assert projects[0].description == "Tracks parcels."
    assert projects[1].description == "Own words."


def test_theme_decorations_and_blank_fields_are_not_printed_as_content(
    write_profile: WritePath,
) -> None:
    folder = write_profile(
        {
            "education": [{"institution": "U of A", "gpa": "", "courses": []}],
            "skills": [{"name": "Go", "level": "Advanced", "icon": "fa-code", "value": 90}],
            "languages": [{"language": "Spanish", "fluency": "Fluent", "icon": "fa-flag"}],
        }
    )
    text = " ".join(fact.text for fact in all_facts(load_profile(folder).public_resume()))
    assert "Go (Advanced)" in text and "Spanish — Fluent" in text
    for noise in ("fa-code", "fa-flag", "gpa", "value", "90", "icon"):
        assert noise not in text


def test_a_pre_1_0_gpa_with_a_value_is_the_score(write_profile: WritePath) -> None:
    folder = write_profile({"education": [{"institution": "U", "gpa": "3.8"}]})
    assert load_profile(folder).resume.education[0].score == "3.8"
