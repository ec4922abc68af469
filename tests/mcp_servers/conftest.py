"""Fixtures for the MCP server tests: a project folder full of traps, a git repo, the sample."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from ask_applicant.profile import Profile, load_profile
from ask_applicant.settings import DEFAULT_PROFILE_PATH

APP_SOURCE = """\
\"\"\"A tiny chat service.\"\"\"


def stream_reply(message: str) -> str:
    # Streams the reply as server-sent events.
    return message.upper()


class RateLimiter:
    pass
"""

KOREAN_NOTE = "# 설계 노트\n\n스트리밍 응답은 SSE로 보낸다 🚀\n"

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Jamie Applicant",
    "GIT_AUTHOR_EMAIL": "jamie.private@example.com",
    "GIT_COMMITTER_NAME": "Jamie Applicant",
    "GIT_COMMITTER_EMAIL": "jamie.private@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


@pytest.fixture
def project_root(tmp_path: Path) -> Path:
    """A project folder with ordinary, Korean, binary, secret and escaping files."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("the password is hunter2\n", encoding="utf-8")

    root = tmp_path / "chat-service"
    (root / "src").mkdir(parents=True)
    (root / "src" / "app.py").write_text(APP_SOURCE, encoding="utf-8")
    (root / "src" / "nested" / "deep").mkdir(parents=True)
    (root / "src" / "nested" / "deep" / "util.py").write_text("def helper():\n    pass\n")
    (root / "docs").mkdir()
    (root / "docs" / "설계_노트.md").write_text(KOREAN_NOTE, encoding="utf-8")
    (root / "README.md").write_text("Chat service 😀 with streaming.\n", encoding="utf-8")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR stream")
    (root / "big.log").write_text("stream line\n" * 2_000, encoding="utf-8")
    (root / ".env").write_text("API_KEY=stream-secret\n", encoding="utf-8")
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "escape.txt").symlink_to(outside / "secret.txt")
    (root / "linked-dir").symlink_to(outside, target_is_directory=True)
    (root / "inside-link.py").symlink_to(root / "src" / "app.py")
    return root


def git(repo: Path, *args: str, date: str = "2024-03-01T12:00:00+00:00") -> None:
    """Run git in `repo` with a fixed identity, date and no user configuration."""
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


@pytest.fixture
def run_git() -> Callable[..., None]:
    """The `git` helper, for tests that build their own repository."""
    return git


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    """A git repository with three commits, the newest last."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    for day, subject in enumerate(["Initial commit", "Add streaming", "한국어 커밋 메시지 ✨"], 1):
        (repo / "log.txt").write_text(f"change {day}\n", encoding="utf-8")
        git(repo, "add", "log.txt")
        git(
            repo,
            "commit",
            "-q",
            "--no-gpg-sign",
            "-m",
            subject,
            date=f"2024-03-0{day}T12:00:00+00:00",
        )
    return repo


@pytest.fixture(scope="session")
def sample_profile() -> Profile:
    """The applicant shipped with the service."""
    return load_profile(DEFAULT_PROFILE_PATH)
