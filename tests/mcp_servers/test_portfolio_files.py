"""Listing, reading and searching a project's files through the plain functions."""

from __future__ import annotations

from pathlib import Path

import pytest

from ask_applicant.mcp_servers.portfolio_files import (
    list_files,
    list_projects,
    read_file,
    search_code,
)
from ask_applicant.mcp_servers.sandbox import Portfolio, PortfolioLimits, SandboxError
from ask_applicant.profile import Profile


@pytest.fixture
def portfolio(project_root: Path) -> Portfolio:
    return Portfolio({"chat-service": project_root}, PortfolioLimits(max_file_bytes=4_000))


def test_projects_are_listed_with_their_git_status(project_root: Path, git_repo: Path) -> None:
    listing = list_projects(Portfolio({"chat-service": project_root, "repo": git_repo}))
    assert [(p.name, p.is_git_repo) for p in listing.projects] == [
        ("chat-service", False),
        ("repo", True),
    ]


def test_all_files_are_listed_sorted_without_secrets_or_escapes(portfolio: Portfolio) -> None:
    listing = list_files(portfolio, "chat-service")
    paths = [entry.path for entry in listing.files]
    assert paths == [
        "README.md",
        "big.log",
        "empty.txt",
        "inside-link.py",
        "logo.png",
        "docs/설계_노트.md",
        "src/app.py",
        "src/nested/deep/util.py",
    ]
    assert listing.total == 8 and not listing.truncated
    assert listing.files[0].bytes == len("Chat service 😀 with streaming.\n".encode())


def test_a_glob_narrows_the_listing(portfolio: Portfolio) -> None:
    assert [f.path for f in list_files(portfolio, "chat-service", "src/**/*.py").files] == [
        "src/app.py",
        "src/nested/deep/util.py",
    ]
    assert [f.path for f in list_files(portfolio, "chat-service", "*.md").files] == [
        "README.md",
        "docs/설계_노트.md",
    ]


def test_a_long_listing_is_capped_and_says_so(project_root: Path) -> None:
    portfolio = Portfolio({"p": project_root}, PortfolioLimits(max_listed_files=3))
    listing = list_files(portfolio, "p")
    assert len(listing.files) == 3 and listing.total == 8 and listing.truncated


def test_a_whole_small_file_is_read_with_its_citation(portfolio: Portfolio) -> None:
    excerpt = read_file(portfolio, "chat-service", "src/app.py")
    assert excerpt.text.splitlines()[3] == "def stream_reply(message: str) -> str:"
    assert (excerpt.start_line, excerpt.end_line, excerpt.total_lines) == (1, 10, 10)
    assert excerpt.source == "chat-service:src/app.py#L1-L10"
    assert not excerpt.truncated and excerpt.next_start_line is None


def test_a_line_range_is_read_inclusively(portfolio: Portfolio) -> None:
    excerpt = read_file(portfolio, "chat-service", "src/app.py", start_line=4, end_line=6)
    assert excerpt.text == (
        "def stream_reply(message: str) -> str:\n"
        "    # Streams the reply as server-sent events.\n"
        "    return message.upper()"
    )
    assert excerpt.source == "chat-service:src/app.py#L4-L6"
    assert not excerpt.truncated


def test_korean_and_emoji_content_reads_back_intact(portfolio: Portfolio) -> None:
    excerpt = read_file(portfolio, "chat-service", "docs/설계_노트.md", start_line=3)
    assert excerpt.text == "스트리밍 응답은 SSE로 보낸다 🚀"


def test_a_long_read_stops_at_the_line_cap_and_says_where_to_go_on(project_root: Path) -> None:
    portfolio = Portfolio({"p": project_root}, PortfolioLimits(max_output_lines=100))
    excerpt = read_file(portfolio, "p", "big.log", start_line=51)
    assert (excerpt.start_line, excerpt.end_line) == (51, 150)
    assert excerpt.truncated and excerpt.next_start_line == 151


def test_a_long_read_stops_at_the_byte_cap(project_root: Path) -> None:
    portfolio = Portfolio({"p": project_root}, PortfolioLimits(max_output_bytes=120))
    excerpt = read_file(portfolio, "p", "big.log")
    assert excerpt.end_line == 10 and excerpt.next_start_line == 11
    assert len(excerpt.text.encode()) <= 120


def test_one_enormous_line_is_cut_to_the_byte_cap(tmp_path: Path) -> None:
    (tmp_path / "min.js").write_text("가" * 1_000, encoding="utf-8")
    portfolio = Portfolio({"p": tmp_path}, PortfolioLimits(max_output_bytes=100))
    excerpt = read_file(portfolio, "p", "min.js")
    assert excerpt.text == "가" * 33 and excerpt.truncated and excerpt.next_start_line is None


def test_an_empty_file_reads_as_no_lines(portfolio: Portfolio) -> None:
    excerpt = read_file(portfolio, "chat-service", "empty.txt")
    assert (excerpt.text, excerpt.total_lines, excerpt.end_line) == ("", 0, 0)


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [(0, None, "counts from 1"), (5, 4, "before start_line"), (11, None, "only 10 lines")],
)
def test_a_bad_line_range_is_refused(
    portfolio: Portfolio, start: int, end: int | None, message: str
) -> None:
    with pytest.raises(SandboxError, match=message):
        read_file(portfolio, "chat-service", "src/app.py", start, end)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("../outside/secret.txt", "'..'"),
        ("/etc/passwd", "absolute"),
        ("escape.txt", "leads outside"),
        ("big.log", "over the 4000-byte cap"),
        ("logo.png", "binary"),
        (".env", "not shared"),
        ("nope.py", "does not exist"),
    ],
)
def test_a_refused_file_is_never_read(portfolio: Portfolio, path: str, message: str) -> None:
    with pytest.raises(SandboxError, match=message):
        read_file(portfolio, "chat-service", path)


def test_search_finds_lines_case_insensitively_with_file_and_line(portfolio: Portfolio) -> None:
    results = search_code(portfolio, "chat-service", "STREAM")
    found = {(hit.path, hit.line) for hit in results.hits}
    assert found == {
        ("README.md", 1),
        ("inside-link.py", 4),
        ("inside-link.py", 5),
        ("src/app.py", 4),
        ("src/app.py", 5),
    }
    hit = next(h for h in results.hits if h.path == "src/app.py" and h.line == 5)
    assert hit.text == "# Streams the reply as server-sent events."
    assert hit.source == "chat-service:src/app.py#L5"
    assert not results.truncated


def test_search_never_reads_binary_oversize_secret_or_outside_files(portfolio: Portfolio) -> None:
    paths = {hit.path for hit in search_code(portfolio, "chat-service", "stream").hits}
    assert not paths & {"logo.png", "big.log", ".env", "escape.txt"}
    assert not search_code(portfolio, "chat-service", "hunter2").hits


def test_search_finds_korean_text_and_respects_a_glob(portfolio: Portfolio) -> None:
    results = search_code(portfolio, "chat-service", "스트리밍", glob="*.md")
    assert [(h.path, h.line) for h in results.hits] == [("docs/설계_노트.md", 3)]
    assert not search_code(portfolio, "chat-service", "스트리밍", glob="*.py").hits


def test_search_stops_at_the_hit_cap(project_root: Path) -> None:
    portfolio = Portfolio({"p": project_root}, PortfolioLimits(max_search_hits=2))
    results = search_code(portfolio, "p", "e")
    assert len(results.hits) == 2 and results.truncated


@pytest.mark.parametrize(("query", "message"), [("   ", "empty"), ("x" * 201, "over 200")])
def test_a_blank_or_huge_query_is_refused(portfolio: Portfolio, query: str, message: str) -> None:
    with pytest.raises(SandboxError, match=message):
        search_code(portfolio, "chat-service", query)


def test_every_tool_refuses_an_unknown_project(portfolio: Portfolio) -> None:
    for call in (
        lambda: list_files(portfolio, "ghost"),
        lambda: read_file(portfolio, "ghost", "a.py"),
        lambda: search_code(portfolio, "ghost", "x"),
    ):
        with pytest.raises(SandboxError, match="known projects: chat-service"):
            call()


def test_code_and_search_hits_pass_through_the_redactor(project_root: Path) -> None:
    (project_root / "contact.md").write_text("call 010-1234-5678 anytime\n", encoding="utf-8")
    portfolio = Portfolio(
        {"p": project_root}, redact=lambda text: text.replace("010-1234-5678", "[private]")
    )
    assert read_file(portfolio, "p", "contact.md").text == "call [private] anytime"
    assert [hit.text for hit in search_code(portfolio, "p", "anytime").hits] == [
        "call [private] anytime"
    ]


def test_search_matches_what_the_caller_may_see_not_the_raw_line(
    project_root: Path, sample_profile: Profile
) -> None:
    # Issue 10, finding 4: query=1991 found `born = "[private]"`, so a private value
    # could be confirmed one character at a time.
    (project_root / "about.py").write_text('born = "1991-04-17"\nyear = 1991\n', encoding="utf-8")
    portfolio = Portfolio({"p": project_root}, redact=sample_profile.redact)
    assert [hit.text for hit in search_code(portfolio, "p", "1991").hits] == ["year = 1991"]
    assert search_code(portfolio, "p", "04-17").hits == []
    assert [hit.text for hit in search_code(portfolio, "p", "born").hits] == ['born = "[private]"']
    assert [(hit.line, hit.text) for hit in search_code(portfolio, "p", "year").hits] == [
        (2, "year = 1991")
    ]
