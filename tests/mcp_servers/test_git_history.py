"""Recent commits of a project's git repository."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ask_applicant.mcp_servers.git_history import recent_commits
from ask_applicant.mcp_servers.sandbox import Portfolio, SandboxError
from ask_applicant.profile import Profile


def test_recent_commits_come_newest_first_with_author_and_date(git_repo: Path) -> None:
    log = recent_commits(Portfolio({"repo": git_repo}), "repo", limit=2)
    assert [c.subject for c in log.commits] == ["한국어 커밋 메시지 ✨", "Add streaming"]
    newest = log.commits[0]
    assert newest.author == "Jamie Applicant"
    assert newest.date == "2024-03-03T12:00:00+00:00"
    assert len(newest.sha) == 40


def test_commit_log_never_carries_the_authors_email(git_repo: Path) -> None:
    log = recent_commits(Portfolio({"repo": git_repo}), "repo")
    assert len(log.commits) == 3
    assert "jamie.private@example.com" not in json.dumps(log.model_dump(), ensure_ascii=False)


def test_a_folder_that_is_not_a_git_repository_is_refused(project_root: Path) -> None:
    with pytest.raises(SandboxError, match="not a git repository"):
        recent_commits(Portfolio({"p": project_root}), "p")


def test_a_folder_nested_in_another_repository_is_not_treated_as_one(git_repo: Path) -> None:
    (git_repo / "sub").mkdir()
    with pytest.raises(SandboxError, match="not a git repository"):
        recent_commits(Portfolio({"sub": git_repo / "sub"}), "sub")


def test_a_repository_without_commits_has_an_empty_history(
    tmp_path: Path, run_git: Callable[..., None]
) -> None:
    run_git(tmp_path, "init", "-q")
    assert recent_commits(Portfolio({"new": tmp_path}), "new").commits == []


@pytest.mark.parametrize("limit", [0, 51])
def test_a_limit_out_of_range_is_refused(git_repo: Path, limit: int) -> None:
    with pytest.raises(SandboxError, match="between 1 and 50"):
        recent_commits(Portfolio({"repo": git_repo}), "repo", limit=limit)


def test_a_subject_ending_in_a_private_date_keeps_its_commit(
    git_repo: Path, run_git: Callable[..., None], sample_profile: Profile
) -> None:
    # Issue 10, finding 3: the date pattern ran on the raw log and took the record
    # separators after the subject with it, so the newest commits vanished.
    for subject in ["Release 1991-04-17", "Call 010-1234-5678", "Plain subject"]:
        (git_repo / "log.txt").write_text(subject, encoding="utf-8")
        run_git(git_repo, "add", "log.txt")
        run_git(git_repo, "commit", "-q", "--no-gpg-sign", "-m", subject)
    portfolio = Portfolio({"repo": git_repo}, redact=sample_profile.redact)
    log = recent_commits(portfolio, "repo", limit=6)
    assert [c.subject for c in log.commits] == [
        "Plain subject",
        "Call [private]",
        "Release [private]",
        "한국어 커밋 메시지 ✨",
        "Add streaming",
        "Initial commit",
    ]
