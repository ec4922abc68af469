from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ask_applicant.profile import ProfileError, load_profile
from ask_applicant.settings import DEFAULT_PROFILE_PATH

WritePath = Callable[..., Path]
OFFICIAL_SAMPLE = DEFAULT_PROFILE_PATH.parents[3] / "shared/fixtures/jsonresume-sample.resume.json"


def test_the_default_sample_folder_loads_with_write_ups_faq_and_a_repo() -> None:
    profile = load_profile(DEFAULT_PROFILE_PATH)
    assert profile.name.startswith("한도윤")
    assert set(profile.project_slugs) <= set(profile.writeups)
    assert profile.faq and profile.voice == "first_person"
    repo = profile.project_repo("chat-service")
    assert repo is not None and (repo / "README.md").is_file()
    assert profile.project_repo("settlement-pipeline") is None


def test_the_official_json_resume_sample_loads_as_a_single_file() -> None:
    if not OFFICIAL_SAMPLE.is_file():
        pytest.skip(
            "the official JSON Resume sample is absent: it is not shipped in the repository;"
            " CI lays it out at ../shared/fixtures/jsonresume-sample.resume.json"
        )
    profile = load_profile(OFFICIAL_SAMPLE)
    assert profile.name == "Richard Hendriks"
    assert profile.project_slugs == ("miss-direction",)
    assert profile.resume.work[0].start_date == "2013-12-01"
    assert profile.voice == "first_person" and profile.faq == [] and profile.writeups == {}


def test_unknown_fields_are_kept_not_rejected(write_profile: WritePath) -> None:
    folder = write_profile(
        {
            "basics": {"name": "Ada", "pronouns": "she/her"},
            "work": [{"name": "X", "team": "Core"}],
            "certificates": [{"name": "CKA", "date": "2022"}],
            "x-custom": {"a": 1},
        }
    )
    profile = load_profile(folder)
    data = profile.public_resume()
    assert data["basics"]["pronouns"] == "she/her"
    assert data["work"][0]["team"] == "Core"
    assert data["x-custom"] == {"a": 1}


def test_a_bad_date_is_reported_with_the_file_and_the_field(write_profile: WritePath) -> None:
    jobs = [
        {"name": "A", "startDate": "2019-01"},
        {"name": "B"},
        {"name": "C", "startDate": "last spring"},
    ]
    folder = write_profile({"work": jobs})
    with pytest.raises(ProfileError) as caught:
        load_profile(folder)
    message = str(caught.value)
    assert "resume.json: work[2].startDate: not a date: 'last spring'" in message
    assert "Traceback" not in message


def test_a_wrong_type_is_reported_with_the_field(write_profile: WritePath) -> None:
    folder = write_profile(
        {"basics": {"name": "Ada"}, "skills": [{"name": "Go", "keywords": "go"}]}
    )
    with pytest.raises(ProfileError, match=r"resume\.json: skills\[0\]\.keywords: "):
        load_profile(folder)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Python 3.13 points at the trailing comma itself, 3.11 and 3.12 just after it.
        ('{"basics": {"name": "Ada",}}', r"resume\.json: not valid JSON at line 1 column 2[67]"),
        ("[1, 2]", r"resume\.json: the top level must be a JSON object, not list"),
        ("", r"resume\.json: not valid JSON at line 1 column 1"),
    ],
)
def test_malformed_json_gets_a_clear_message(
    write_profile: WritePath, text: str, expected: str
) -> None:
    with pytest.raises(ProfileError, match=expected):
        load_profile(write_profile(text))


def test_malformed_yaml_names_the_file_and_the_line(write_profile: WritePath) -> None:
    folder = write_profile(
        {"basics": {"name": "Ada"}}, "voice: first_person\nfaq: [\n  - oops: {\n"
    )
    with pytest.raises(ProfileError, match=r"profile\.yaml: not valid YAML at line \d+"):
        load_profile(folder)


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("voyce: first_person\n", r"profile\.yaml: voyce: Extra inputs are not permitted"),
        ("voice: second_person\n", r"profile\.yaml: voice: Input should be 'first_person'"),
        ("faq:\n  - question: Why?\n", r"profile\.yaml: faq\[0\]\.answer: Field required"),
        (
            "private_fields: ['basics..phone']\n",
            r"profile\.yaml: private_fields: 'basics\.\.phone' is not a dotted path",
        ),
        (
            "projects:\n  nope:\n    repo: x\n",
            r"profile\.yaml: projects\.nope: no resume project has this slug",
        ),
        (
            "projects:\n  demo:\n    repo: missing\n",
            r"profile\.yaml: projects\.demo\.repo: .*is not a folder",
        ),
        ("- a list\n", r"profile\.yaml: the top level must be a mapping"),
    ],
)
def test_invalid_profile_yaml_is_rejected_with_the_field(
    write_profile: WritePath, yaml_text: str, expected: str
) -> None:
    folder = write_profile({"projects": [{"name": "Demo"}]}, yaml_text)
    with pytest.raises(ProfileError, match=expected):
        load_profile(folder)


def test_an_empty_profile_yaml_means_the_defaults(write_profile: WritePath) -> None:
    profile = load_profile(write_profile({"basics": {"name": "Ada"}}, ""))
    assert profile.extras.private_fields == [
        "basics.phone",
        "basics.location.address",
        "basics.location.postalCode",
    ]


def test_missing_paths_and_folders_without_a_resume_are_clear(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="no such file or folder"):
        load_profile(tmp_path / "nowhere")
    with pytest.raises(ProfileError, match=r"no resume\.json in this folder"):
        load_profile(tmp_path)


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    file = tmp_path / "resume.json"
    file.write_bytes(b'{"basics": {"name": "\xff\xfe"}}')
    with pytest.raises(ProfileError, match=r"resume\.json: not UTF-8 text"):
        load_profile(file)


def test_write_ups_attach_to_projects_by_slug_including_hangul_names(
    write_profile: WritePath,
) -> None:
    folder = write_profile(
        {
            "projects": [
                {"name": "Chat Service"},
                {"name": "사내 배포 자동화 도구"},
                {"name": "Chat Service"},
            ]
        },
        writeups={
            "chat-service.md": "# Chat",
            "사내-배포-자동화-도구.md": "# 배포",
            "Orphan Notes.md": "# Orphan",
        },
    )
    profile = load_profile(folder)
    assert profile.project_slugs == ("chat-service", "사내-배포-자동화-도구", "chat-service-2")
    assert profile.writeups["사내-배포-자동화-도구"] == "# 배포"
    assert profile.writeups["orphan-notes"] == "# Orphan"
