"""Profiles for the tool tests: the shipped sample, the official JSON Resume sample, small ones."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ask_applicant.profile import Profile, load_profile
from ask_applicant.settings import DEFAULT_PROFILE_PATH

OFFICIAL_SAMPLE = (
    Path(__file__).resolve().parents[3] / "shared/fixtures/jsonresume-sample.resume.json"
)


@pytest.fixture(scope="session")
def sample() -> Profile:
    return load_profile(DEFAULT_PROFILE_PATH)


@pytest.fixture(scope="session")
def official() -> Profile:
    if not OFFICIAL_SAMPLE.is_file():
        pytest.skip(
            "the official JSON Resume sample is absent: it is not shipped in the repository;"
            " CI lays it out at ../shared/fixtures/jsonresume-sample.resume.json"
        )
    return load_profile(OFFICIAL_SAMPLE)


@pytest.fixture
def make_profile(tmp_path: Path) -> Callable[..., Profile]:
    """Load a profile from a resume dict and optional profile.yaml text."""

    def make(resume: dict[str, Any], profile_yaml: str | None = None) -> Profile:
        (tmp_path / "resume.json").write_text(
            json.dumps(resume, ensure_ascii=False), encoding="utf-8"
        )
        if profile_yaml is not None:
            (tmp_path / "profile.yaml").write_text(profile_yaml, encoding="utf-8")
        return load_profile(tmp_path)

    return make
