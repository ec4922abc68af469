"""A project's recent commits, read with `git log` in a bounded subprocess."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from ask_applicant.mcp_servers.portfolio_results import Commit, CommitLog
from ask_applicant.mcp_servers.sandbox import Portfolio, SandboxError

FIELD = "\x1f"
RECORD = "\x1e"
# No e-mail in the format: an author's address may be the applicant's private one.
LOG_FORMAT = f"%H{FIELD}%an{FIELD}%aI{FIELD}%s{RECORD}"


def is_git_repo(root: Path) -> bool:
    """Return True when `root` is itself the top of a git repository.

    A folder merely nested inside some other repository (the sample project
    inside this service's own checkout) does not count.
    """
    return (root / ".git").exists()


def recent_commits(portfolio: Portfolio, project: str, limit: int = 10) -> CommitLog:
    """Return the newest `limit` commits of `project`, newest first.

    Raises:
        SandboxError: Unknown project, a limit out of range, a folder that is not
            a git repository, or a `git` that fails or takes too long.
    """
    jail = portfolio.project(project)
    cap = portfolio.limits.max_commits
    if not 1 <= limit <= cap:
        raise SandboxError(f"limit must be between 1 and {cap}")
    if not is_git_repo(jail.root):
        raise SandboxError(f"project '{jail.name}' is not a git repository; no history to show")
    env = {
        **os.environ,
        # Never look above the project for a repository, nor read system-wide config.
        "GIT_CEILING_DIRECTORIES": str(jail.root.parent),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_TERMINAL_PROMPT": "0",
        "LC_ALL": "C.UTF-8",
    }
    command = [
        "git", "-C", str(jail.root), "--no-pager", "log", f"--max-count={limit}",
        "--no-color", "--no-show-signature", f"--format={LOG_FORMAT}",
    ]  # fmt: skip
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            env=env,
            timeout=portfolio.limits.git_timeout_seconds,
            check=False,
        )
    except FileNotFoundError as exc:
        raise SandboxError("git is not installed on the server; history is unavailable") from exc
    except subprocess.TimeoutExpired as exc:
        raise SandboxError(f"git log for '{jail.name}' took too long and was stopped") from exc
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        detail = reason[-1] if reason else f"exit status {done.returncode}"
        # A repository without commits yet is not an error worth reporting.
        if "does not have any commits" in detail:
            return CommitLog(project=jail.name, commits=[])
        raise SandboxError(f"git log failed for '{jail.name}': {detail[:200]}")
    commits = _parse(done.stdout.decode("utf-8", "replace"), portfolio.redact)
    return CommitLog(project=jail.name, commits=commits)


def _parse(output: str, redact: Callable[[str], str]) -> list[Commit]:
    # Split first, then scrub each field: a value is never matched across the framing.
    commits = []
    for record in output.split(RECORD):
        fields = record.strip("\n").split(FIELD)
        if len(fields) == 4:
            sha, author, date, subject = (redact(field) for field in fields)
            commits.append(Commit(sha=sha, author=author, date=date, subject=subject))
    return commits
