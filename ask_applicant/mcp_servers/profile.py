"""The profile MCP server: the applicant's resume, projects, FAQ and job fit, read-only.

Thin on purpose: tools call the plain functions of `ask_applicant.tools` and
`profile_queries`; resources and prompts are built from the public resume. Every
text that leaves is scrubbed of the profile's private values once more.
"""

from __future__ import annotations

import json
from typing import Annotated

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceNotFoundError, ToolError
from mcp.shared.exceptions import MCPError
from mcp.types import INVALID_PARAMS, ToolAnnotations
from pydantic import Field

from ask_applicant import __version__
from ask_applicant.mcp_servers import profile_queries
from ask_applicant.mcp_servers.profile_queries import SECTIONS, UnknownSectionError
from ask_applicant.mcp_servers.role_names import expand_role
from ask_applicant.profile import Profile
from ask_applicant.tools import career, project
from ask_applicant.tools.facts import describe
from ask_applicant.tools.result import Fact, ToolResult

SERVER_NAME = "ask-applicant-profile"
READ_ONLY = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)
MAX_PROMPT_ARGUMENT_CHARS = 10_000

Query = Annotated[str, Field(description="Words in English or Korean.")]


def build_profile_server(profile: Profile) -> MCPServer:
    """Build the profile server for one applicant.

    Args:
        profile: The loaded profile; only its public part is ever served.

    Returns:
        A server; run it over stdio, streamable HTTP, or connect in-process.
    """
    who = profile.name or "the applicant"
    server: MCPServer = MCPServer(
        SERVER_NAME,
        version=__version__,
        instructions=(
            f"Answers questions about {who}, a job applicant, from their resume, project "
            "write-ups and prepared FAQ answers. Every fact carries its source (work[1], "
            "projects/<slug>.md, faq[3]); cite it. Phone number, home address and birth date "
            "are private and never available."
        ),
        log_level="WARNING",
    )

    @server.tool(annotations=READ_ONLY)
    def get_resume_section(
        section: Annotated[
            str,
            # The schema offers the sections as an enum; the tool also takes the
            # synonyms and Korean names (`경력`) and answers anything else with the list.
            Field(
                description=f"One of: {', '.join(SECTIONS)}.",
                json_schema_extra={"enum": list(SECTIONS)},
            ),
        ],
    ) -> ToolResult:
        """Get every entry of one section of the applicant's resume (이력서 항목), e.g.
        work (경력), education (학력), skills (기술), projects, awards, certificates, basics."""
        try:
            return profile_queries.resume_section(profile, section)
        except UnknownSectionError as exc:
            raise ToolError(str(exc)) from exc

    @server.tool(annotations=READ_ONLY)
    def search_profile(query: Query) -> ToolResult:
        """Search the applicant's whole profile by keywords (검색): resume, project write-ups
        and prepared FAQ answers. Returns the best-matching facts with their sources."""
        return profile_queries.search_profile(profile, query)

    @server.tool(annotations=READ_ONLY)
    def list_projects() -> ToolResult:
        """List the applicant's projects (프로젝트 목록): name, slug, period, one-line
        description, and whether a write-up or source code exists."""
        return project.list_projects(profile)

    @server.tool(annotations=READ_ONLY)
    def get_project(
        name: Annotated[str, Field(description="Project name, slug or alias, any language.")],
    ) -> ToolResult:
        """Get one project in depth (프로젝트 상세): its resume entry and every section of its
        write-up — problem, design, the applicant's role, results."""
        return project.get_project(profile, name=name)

    @server.tool(annotations=READ_ONLY)
    def assess_job_fit(
        job_description: Annotated[str, Field(description="The posting or its requirements.")],
    ) -> ToolResult:
        """Assess how well the applicant fits a job description (직무 적합도): the skills it
        asks for that the profile shows, with evidence and years, and the ones missing."""
        return career.assess_job_fit(profile, job_description=job_description)

    @server.tool(annotations=READ_ONLY)
    def ask_faq(
        question: Annotated[str, Field(description="The question as asked.")],
    ) -> ToolResult:
        """Look up the applicant's prepared answers (FAQ): why they are changing jobs, the
        role they want, career goals, working style, salary and notice period, remote work."""
        return career.ask_faq(profile, question=question)

    @server.resource(
        "profile://resume",
        name="resume",
        description=f"The public JSON Resume of {who} (private fields removed).",
        mime_type="application/json",
    )
    def resume() -> str:
        return profile.redact(json.dumps(profile.public_resume(), ensure_ascii=False, indent=2))

    @server.resource(
        "profile://projects/{slug}",
        name="project",
        description="One project as markdown: its resume entry and its write-up.",
        mime_type="text/markdown",
    )
    def project_page(slug: str) -> str:
        return project_markdown(profile, slug)

    # The caller's own text (role, posting) is placed into a prompt after the profile's
    # part is scrubbed, never scrubbed with it: redacting it would turn "[private]" into
    # a yes to a guessed private value, and it holds nothing the caller did not send.
    @server.prompt()
    def interview_questions(role: str) -> str:
        """Draft interview questions for the applicant, grounded in their profile."""
        role = _argument("role", role)
        # "SRE" and "Site Reliability Engineer" are the same role to a recruiter.
        query = expand_role(role)
        related = project.search_projects(profile, query=query).facts[:3]
        facts = [*related, *profile_queries.search_profile(profile, query).facts]
        evidence = profile.redact(_bullets(facts))
        return (
            f"You are interviewing {profile.redact(who)} for the role: {role}.\n\n"
            f"What their profile says that bears on this role:\n{evidence}\n\n"
            "Write 8 to 10 interview questions that test these claims in depth: design "
            "choices, trade-offs, measurable results and the applicant's own part in team "
            "work. After each question, name the source it probes in brackets."
        )

    @server.prompt()
    def job_fit_summary(job_description: str) -> str:
        """Summarise how well the applicant fits a job description, with evidence."""
        posting = _argument("job_description", job_description)
        fit = career.assess_job_fit(profile, job_description=posting)
        computed = profile.redact(f"({fit.note or 'no note'}):\n{_bullets(fit.facts)}")
        return (
            f"Summarise how well {profile.redact(who)} fits this job for a hiring manager.\n\n"
            f"Job description:\n{posting}\n\n"
            f"Skill match computed from the profile {computed}\n\n"
            "Give: a one-paragraph verdict, the strongest evidence (cite sources), the gaps, "
            "and three questions to ask the applicant about those gaps."
        )

    return server


def project_markdown(profile: Profile, slug: str) -> str:
    """One project as markdown: its resume entry, then its write-up.

    Raises:
        ResourceNotFoundError: No project has that slug; the message lists the known ones.
    """
    public = profile.public_resume().get("projects", [])
    entries = {s: i for i, s, _ in profile.projects()}
    if slug not in entries and slug not in profile.writeups:
        known = ", ".join(dict.fromkeys([*profile.project_slugs, *profile.writeups])) or "none"
        raise ResourceNotFoundError(f"no project with slug {slug[:80]!r}; known: {known}")
    parts: list[str] = []
    if slug in entries:
        index = entries[slug]
        entry = public[index] if index < len(public) and isinstance(public[index], dict) else {}
        parts.append(f"# {entry.get('name') or slug}\n\n{describe('projects', entry)}")
    if slug in profile.writeups:
        parts.append(profile.writeups[slug].strip())
    return profile.redact("\n\n".join(parts) + "\n")


def _argument(name: str, value: str) -> str:
    value = value.strip()
    if not value:
        # An MCPError reaches the client as is; any other error would read "Internal error".
        raise MCPError(code=INVALID_PARAMS, message=f"{name} is empty")
    return value[:MAX_PROMPT_ARGUMENT_CHARS]


def _bullets(facts: list[Fact]) -> str:
    seen: dict[str, Fact] = {f"{f.source}|{f.text}": f for f in facts}
    lines = [f"- [{fact.source}] {fact.text}" for fact in seen.values()]
    return "\n".join(lines) or "- (nothing in the profile matches)"
