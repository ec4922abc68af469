"""Browsing a project's source: list its projects and files, read lines, search text.

Plain functions over a `Portfolio`; the MCP server only wraps them. Every path
goes through the project's `ProjectJail`, and every answer is capped.
"""

from __future__ import annotations

from ask_applicant.mcp_servers.git_history import is_git_repo
from ask_applicant.mcp_servers.path_glob import glob_matcher
from ask_applicant.mcp_servers.portfolio_results import (
    FileEntry,
    FileExcerpt,
    FileList,
    ProjectEntry,
    ProjectList,
    SearchHit,
    SearchResults,
    source_of,
)
from ask_applicant.mcp_servers.sandbox import Portfolio, SandboxError, checked_pattern, clip

MAX_QUERY_CHARS = 200


def list_projects(portfolio: Portfolio) -> ProjectList:
    """Return every project whose source can be browsed."""
    return ProjectList(
        projects=[
            ProjectEntry(name=name, is_git_repo=is_git_repo(jail.root))
            for name, jail in portfolio.jails.items()
        ]
    )


def list_files(portfolio: Portfolio, project: str, glob: str = "**") -> FileList:
    """List the files of `project` whose relative path matches `glob`.

    Raises:
        SandboxError: Unknown project, or a glob that is absolute or climbs out.
    """
    jail = portfolio.project(project)
    pattern = checked_pattern(glob)
    matches = glob_matcher(pattern)
    limits = portfolio.limits
    files: list[FileEntry] = []
    total = 0
    for scanned, (path, real) in enumerate(jail.walk_files()):
        if scanned >= limits.max_scanned_files:
            break
        relative = jail.relative(path)
        if not matches(relative):
            continue
        total += 1
        if len(files) < limits.max_listed_files:
            files.append(FileEntry(path=relative, bytes=real.stat().st_size))
    return FileList(
        project=jail.name, glob=pattern, files=files, total=total, truncated=total > len(files)
    )


def read_file(
    portfolio: Portfolio,
    project: str,
    path: str,
    start_line: int = 1,
    end_line: int | None = None,
) -> FileExcerpt:
    """Read lines `start_line`..`end_line` (1-based, inclusive) of one file.

    The answer stops early at the line or byte cap; `next_start_line` then says
    where to continue.

    Raises:
        SandboxError: Unknown project, a refused path or file, or a bad line range.
    """
    jail = portfolio.project(project)
    resolved = jail.resolve(path)
    lines = _split_lines(jail.read_text(resolved, portfolio.limits))
    shown = jail.relative(resolved)
    total = len(lines)
    if start_line < 1:
        raise SandboxError("start_line counts from 1")
    if end_line is not None and end_line < start_line:
        raise SandboxError(f"end_line {end_line} is before start_line {start_line}")
    if total == 0:
        return FileExcerpt(
            project=jail.name, path=shown, source=source_of(jail.name, shown, 1), start_line=1,
            end_line=0, total_lines=0, text="", truncated=False,
        )  # fmt: skip
    if start_line > total:
        raise SandboxError(
            f"{clip(shown)} has only {total} lines; start_line {start_line} is past it"
        )
    limits = portfolio.limits
    last = min(total, end_line or total, start_line + limits.max_output_lines - 1)
    chosen: list[str] = []
    budget = limits.max_output_bytes
    for line in lines[start_line - 1 : last]:
        size = len(line.encode("utf-8")) + 1
        if size > budget:
            if not chosen:  # one enormous line (minified code): show its head
                chosen.append(line.encode("utf-8")[:budget].decode("utf-8", errors="ignore"))
            break
        chosen.append(line)
        budget -= size
    stop = start_line + len(chosen) - 1
    wanted = min(total, end_line or total)
    truncated = stop < wanted or len(chosen[-1]) < len(lines[stop - 1])
    return FileExcerpt(
        project=jail.name,
        path=shown,
        source=source_of(jail.name, shown, start_line, stop),
        start_line=start_line,
        end_line=stop,
        total_lines=total,
        text=portfolio.redact("\n".join(chosen)),
        truncated=truncated,
        next_start_line=stop + 1 if stop < wanted else None,
    )


def search_code(portfolio: Portfolio, project: str, query: str, glob: str = "**") -> SearchResults:
    """Find lines of `project` containing `query` (plain text, case-insensitive).

    Binary and oversize files are skipped silently: a search is a survey, and
    `read_file` explains a refusal when a file is asked for by name.

    Raises:
        SandboxError: Unknown project, a bad glob, or an empty or overlong query.
    """
    jail = portfolio.project(project)
    needle = query.strip().casefold()
    if not needle:
        raise SandboxError("query is empty: give a word or phrase to look for")
    if len(needle) > MAX_QUERY_CHARS:
        raise SandboxError(f"query is over {MAX_QUERY_CHARS} characters; shorten it")
    matches = glob_matcher(checked_pattern(glob))
    limits = portfolio.limits
    hits: list[SearchHit] = []
    searched = 0
    truncated = False
    for path, real in jail.walk_files():
        relative = jail.relative(path)
        if not matches(relative):
            continue
        if searched >= limits.max_scanned_files or len(hits) >= limits.max_search_hits:
            truncated = True
            break
        searched += 1
        try:
            text = jail.read_text(real, limits)
        except SandboxError:
            continue
        # Matched on what a caller may see: a match on the raw line would confirm a
        # private value through lines that show only "[private]".
        for number, line in enumerate(_redacted_lines(portfolio, text), start=1):
            if needle in line.casefold():
                if len(hits) >= limits.max_search_hits:
                    truncated = True
                    break
                hits.append(
                    SearchHit(
                        path=relative,
                        line=number,
                        text=line.strip()[: limits.max_line_chars],
                        source=source_of(jail.name, relative, number),
                    )
                )
    return SearchResults(
        project=jail.name, query=query.strip(), hits=hits, files_searched=searched,
        truncated=truncated,
    )  # fmt: skip


def _redacted_lines(portfolio: Portfolio, text: str) -> list[str]:
    lines = _split_lines(text)
    whole = _split_lines(portfolio.redact(text))
    # One pass over the file is the fast way; only when a value spanned a line break
    # (lines merged) is each line scrubbed alone, so line numbers stay the file's.
    return whole if len(whole) == len(lines) else [portfolio.redact(line) for line in lines]


def _split_lines(text: str) -> list[str]:
    # Split on "\n" only, so line numbers agree with editors and `grep -n`.
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines]
