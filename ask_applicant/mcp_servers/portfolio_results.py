"""What the portfolio tools answer with: small, typed, source-carrying records.

Every line of code handed to a model carries a `source` such as
`chat-service:src/app.py#L10-L24`, so an answer can cite exactly where it read.
"""

from __future__ import annotations

from pydantic import BaseModel


def source_of(project: str, path: str, first: int, last: int | None = None) -> str:
    """Return the citation for lines `first`..`last` of `path` in `project`."""
    lines = f"L{first}" if last is None or last == first else f"L{first}-L{last}"
    return f"{project}:{path}#{lines}"


class ProjectEntry(BaseModel):
    """A project whose source can be browsed."""

    name: str
    is_git_repo: bool


class ProjectList(BaseModel):
    """Every browsable project."""

    projects: list[ProjectEntry]


class FileEntry(BaseModel):
    """One file of a project."""

    path: str
    bytes: int


class FileList(BaseModel):
    """Files of a project matching a glob, capped."""

    project: str
    glob: str
    files: list[FileEntry]
    total: int
    truncated: bool


class FileExcerpt(BaseModel):
    """A run of lines from one file, capped; `next_start_line` continues it."""

    project: str
    path: str
    source: str
    start_line: int
    end_line: int
    total_lines: int
    text: str
    truncated: bool
    next_start_line: int | None = None


class SearchHit(BaseModel):
    """One line that contains the query."""

    path: str
    line: int
    text: str
    source: str


class SearchResults(BaseModel):
    """Lines of a project containing a query, capped."""

    project: str
    query: str
    hits: list[SearchHit]
    files_searched: int
    truncated: bool


class Commit(BaseModel):
    """One commit, without the author's e-mail address."""

    sha: str
    author: str
    date: str
    subject: str


class CommitLog(BaseModel):
    """The newest commits of a project's git repository."""

    project: str
    commits: list[Commit]
