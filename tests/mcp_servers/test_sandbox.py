"""The path jail: what it lets through and what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from ask_applicant.mcp_servers.sandbox import (
    Portfolio,
    PortfolioLimits,
    ProjectJail,
    SandboxError,
    checked_pattern,
)


def test_a_relative_path_resolves_inside_the_root(project_root: Path) -> None:
    jail = ProjectJail("chat-service", project_root)
    assert jail.resolve("src/app.py") == (project_root / "src" / "app.py").resolve()
    assert jail.resolve("./src//app.py") == jail.resolve("src\\app.py")


@pytest.mark.parametrize(
    "path",
    ["../outside/secret.txt", "src/../../outside/secret.txt", "..\\outside\\secret.txt", ".."],
)
def test_climbing_out_with_dot_dot_is_refused(project_root: Path, path: str) -> None:
    with pytest.raises(SandboxError, match=r"'\.\.' in path"):
        ProjectJail("p", project_root).resolve(path)


@pytest.mark.parametrize("path", ["/etc/passwd", "~/.ssh/id_rsa", "C:\\Windows\\win.ini", "\\\\x"])
def test_an_absolute_path_is_refused(project_root: Path, path: str) -> None:
    with pytest.raises(SandboxError, match="absolute path"):
        ProjectJail("p", project_root).resolve(path)


@pytest.mark.parametrize("path", ["escape.txt", "linked-dir/secret.txt"])
def test_a_symlink_leading_outside_is_refused(project_root: Path, path: str) -> None:
    with pytest.raises(SandboxError, match="leads outside project"):
        ProjectJail("p", project_root).resolve(path)


def test_a_symlink_staying_inside_is_followed(project_root: Path) -> None:
    jail = ProjectJail("p", project_root)
    assert jail.resolve("inside-link.py") == jail.resolve("src/app.py")


@pytest.mark.parametrize("path", [".env", ".git/config", "keys/server.pem", ""])
def test_secrets_vcs_internals_and_empty_paths_are_refused(project_root: Path, path: str) -> None:
    with pytest.raises(SandboxError):
        ProjectJail("p", project_root).resolve(path)


def test_a_nul_character_in_a_path_is_refused(project_root: Path) -> None:
    with pytest.raises(SandboxError, match="NUL"):
        ProjectJail("p", project_root).resolve("src/app.py\x00.txt")


def test_binary_and_oversize_files_are_refused_when_read(project_root: Path) -> None:
    jail = ProjectJail("p", project_root)
    limits = PortfolioLimits(max_file_bytes=1_000)
    with pytest.raises(SandboxError, match="binary"):
        jail.read_text(jail.resolve("logo.png"), limits)
    with pytest.raises(SandboxError, match=r"over the 1000-byte cap"):
        jail.read_text(jail.resolve("big.log"), limits)
    with pytest.raises(SandboxError, match="directory"):
        jail.read_text(jail.resolve("src"), limits)
    with pytest.raises(SandboxError, match="does not exist"):
        jail.read_text(jail.resolve("src/missing.py"), limits)


def test_walking_skips_secrets_and_everything_outside(project_root: Path) -> None:
    jail = ProjectJail("p", project_root)
    walked = [jail.relative(path) for path, _ in jail.walk_files()]
    assert "src/app.py" in walked and "docs/설계_노트.md" in walked
    assert "inside-link.py" in walked
    assert not {".env", "escape.txt", "linked-dir/secret.txt"} & set(walked)


def test_an_unknown_project_is_refused_with_the_known_ones_listed(project_root: Path) -> None:
    portfolio = Portfolio({"chat-service": project_root, "blog": project_root / "docs"})
    with pytest.raises(
        SandboxError, match="unknown project 'nope'; known projects: blog, chat-service"
    ):
        portfolio.project("nope")
    assert portfolio.project(" chat-service ").name == "chat-service"


def test_a_glob_obeys_the_path_rules() -> None:
    assert checked_pattern(" src/**/*.py ") == "src/**/*.py"
    assert checked_pattern("") == "*"
    with pytest.raises(SandboxError):
        checked_pattern("../*")
    with pytest.raises(SandboxError):
        checked_pattern("/etc/*")
