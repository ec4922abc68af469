"""Profiles for the profile tests: the shipped sample and a writer for small ones."""

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


@pytest.fixture
def write_profile(tmp_path: Path) -> Callable[..., Path]:
    """Write a profile folder: resume (dict or raw text), optional profile.yaml and write-ups."""

    def write(
        resume: dict[str, Any] | str,
        profile_yaml: str | None = None,
        writeups: dict[str, str] | None = None,
    ) -> Path:
        folder = tmp_path / "applicant"
        folder.mkdir(exist_ok=True)
        text = resume if isinstance(resume, str) else json.dumps(resume, ensure_ascii=False)
        (folder / "resume.json").write_text(text, encoding="utf-8")
        if profile_yaml is not None:
            (folder / "profile.yaml").write_text(profile_yaml, encoding="utf-8")
        for name, markdown in (writeups or {}).items():
            (folder / "projects").mkdir(exist_ok=True)
            (folder / "projects" / name).write_text(markdown, encoding="utf-8")
        return folder

    return write
