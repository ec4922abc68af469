"""The portfolio MCP server: read-only access to the source of the applicant's projects.

Thin on purpose: every tool hands its arguments to a plain function in
`portfolio_files` or `git_history` and turns a sandbox refusal into a tool error
the model can read and correct.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import ToolAnnotations
from pydantic import Field

from ask_applicant import __version__
from ask_applicant.mcp_servers import git_history, portfolio_files
from ask_applicant.mcp_servers.portfolio_results import (
    CommitLog,
    FileExcerpt,
    FileList,
    ProjectList,
    SearchResults,
)
from ask_applicant.mcp_servers.sandbox import (
    DEFAULT_LIMITS,
    Portfolio,
    PortfolioLimits,
    SandboxError,
)

if TYPE_CHECKING:
    from ask_applicant.profile import Profile

SERVER_NAME = "ask-applicant-portfolio"
INSTRUCTIONS = (
    "Read-only access to the source code of the applicant's projects. Start with "
    "list_projects, then list_files or search_code, then read_file for the lines you need. "
    "Cite the `source` field (project:path#Lstart-Lend) of what you quote."
)
READ_ONLY = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)

Project = Annotated[str, Field(description="Project name, as list_projects gives it.")]
Glob = Annotated[
    str,
    Field(
        description="Glob over paths relative to the project root: `*.py` matches at any "
        "depth, `src/**/*.ts` under a folder, `**` everything.",
        max_length=200,
    ),
]


def project_roots(profile: Profile) -> dict[str, Path]:
    """Return the source folder of every profile project that has one.

    Args:
        profile: The loaded applicant profile.

    Returns:
        Project slug to source folder, for the projects `profile.yaml` gives a repo.
    """
    return {slug: root for slug, root in profile.repos.items() if root.is_dir()}


def build_portfolio_server(profile: Profile, limits: PortfolioLimits = DEFAULT_LIMITS) -> MCPServer:
    """Build the portfolio server over the source folders the profile names.

    Code and history it hands out are scrubbed of the profile's private values.
    """
    return build_portfolio_server_from_roots(project_roots(profile), limits, profile.redact)


def build_portfolio_server_from_roots(
    roots: Mapping[str, Path],
    limits: PortfolioLimits = DEFAULT_LIMITS,
    redact: Callable[[str], str] | None = None,
) -> MCPServer:
    """Build the portfolio server over explicit project folders.

    Args:
        roots: Project name to its source folder.
        limits: Caps on file size and answer length.
        redact: Applied to every line of code and history handed out.

    Returns:
        A server; run it over stdio, streamable HTTP, or connect in-process.
    """
    portfolio = Portfolio(roots, limits, redact)
    server: MCPServer = MCPServer(
        SERVER_NAME, version=__version__, instructions=INSTRUCTIONS, log_level="WARNING"
    )

    @server.tool(annotations=READ_ONLY)
    def list_projects() -> ProjectList:
        """List the applicant's projects whose source code can be browsed.

        Returns each project's name and whether it is a git repository (only then
        does recent_commits work).
        """
        return portfolio_files.list_projects(portfolio)

    @server.tool(annotations=READ_ONLY)
    def list_files(project: Project, glob: Glob = "**") -> FileList:
        """List the files of one project, optionally filtered by a glob.

        Returns relative paths and sizes, capped; `truncated` says more exist, so
        narrow the glob.
        """
        with _refusal_as_tool_error():
            return portfolio_files.list_files(portfolio, project, glob)

    @server.tool(annotations=READ_ONLY)
    def read_file(
        project: Project,
        path: Annotated[str, Field(description="File path relative to the project root.")],
        start_line: Annotated[int, Field(ge=1, description="First line, counting from 1.")] = 1,
        end_line: Annotated[
            int | None, Field(ge=1, description="Last line, inclusive; omit to read on.")
        ] = None,
    ) -> FileExcerpt:
        """Read lines of one source file of a project.

        Long files come back in pieces: when `next_start_line` is set, call again
        from there. Binary files, very large files and anything outside the
        project are refused.
        """
        with _refusal_as_tool_error():
            return portfolio_files.read_file(portfolio, project, path, start_line, end_line)

    @server.tool(annotations=READ_ONLY)
    def search_code(
        project: Project,
        query: Annotated[str, Field(description="Plain text to find, case-insensitive.")],
        glob: Glob = "**",
    ) -> SearchResults:
        """Search a project's source for lines containing a word or phrase.

        Each hit gives the file, the line number and the line, so read_file can
        open the surrounding code.
        """
        with _refusal_as_tool_error():
            return portfolio_files.search_code(portfolio, project, query, glob)

    @server.tool(annotations=READ_ONLY)
    def recent_commits(
        project: Project,
        limit: Annotated[
            int, Field(ge=1, description="How many, newest first; capped (50 by default).")
        ] = 10,
    ) -> CommitLog:
        """List the newest commits of a project that is a git repository.

        Gives each commit's hash, author name, date and subject line.
        """
        with _refusal_as_tool_error():
            return git_history.recent_commits(portfolio, project, limit)

    return server


@contextmanager
def _refusal_as_tool_error() -> Iterator[None]:
    # A refusal is the model's to correct, so it must reach it as readable text.
    try:
        yield
    except SandboxError as exc:
        raise ToolError(str(exc)) from exc
