"""Project tools: the list, one project in depth (with its write-up), and project search."""

from __future__ import annotations

import re

from agents import RunContextWrapper, function_tool

from ask_applicant.agents.context import ChatContext
from ask_applicant.profile import Profile
from ask_applicant.profile.slug import compact
from ask_applicant.profile.text import tokens
from ask_applicant.tools.facts import describe, period
from ask_applicant.tools.ranking import rank
from ask_applicant.tools.result import Fact, ToolResult, finish

_HEADING = re.compile(r"^#{1,6}\s+(.*)$", re.MULTILINE)
_SURE = 80.0


def writeup_facts(source: str, markdown: str) -> list[Fact]:
    """A write-up split at its headings, one fact per section (``projects/<slug>.md``)."""
    facts = []
    cuts = [m.start() for m in _HEADING.finditer(markdown)] or [0]
    for start, end in zip([0, *cuts], [*cuts, len(markdown)], strict=True):
        chunk = markdown[start:end].strip()
        if not chunk:
            continue
        heading = _HEADING.match(chunk)
        title = heading.group(1).strip() if heading else ""
        body = chunk[heading.end() :].strip() if heading else chunk
        text = f"{title}: {body}" if title and body else (title or body)
        facts.append(Fact(source=source, text=text.replace("**", "")))
    return facts


def _title(markdown: str) -> str:
    heading = _HEADING.search(markdown)
    return heading.group(1).strip() if heading else ""


def _names(profile: Profile, slug: str, name: str | None) -> list[str]:
    extras = profile.extras.projects.get(slug)
    names = [name or "", slug, *(extras.aliases if extras else [])]
    return [n for n in [*names, _title(profile.writeups.get(slug, ""))] if n]


def _match_score(query: str, names: list[str], description: str = "") -> float:
    wanted = compact(query)
    if not wanted:
        return 0.0
    query_tokens = set(tokens(query))
    # Words of the description count, but less than the name: "mapping engine" finds
    # "Miss Direction", yet never outranks a project actually named that way.
    described = set(tokens(description))
    best = 40 * len(query_tokens & described) / len(query_tokens) if query_tokens else 0.0
    for name in names:
        have = compact(name)
        if not have:
            continue
        if wanted == have:
            return 100.0
        if len(wanted) >= 2 and (wanted in have or have in wanted):
            best = max(best, _SURE + 10 * min(len(wanted), len(have)) / max(len(wanted), len(have)))
        name_tokens = set(tokens(name))
        if query_tokens and name_tokens:
            overlap = len(query_tokens & name_tokens) / len(query_tokens | name_tokens)
            best = max(best, 60 * overlap)
    return best


def _project_facts(profile: Profile) -> list[Fact]:
    public = profile.public_resume().get("projects", [])
    return [
        Fact(source=f"projects[{i}]", text=describe("projects", entry))
        for i, entry in enumerate(public)
        if isinstance(entry, dict)
    ]


def list_projects(profile: Profile) -> ToolResult:
    """Every project: name, slug, period, one-line description, link, and whether a write-up
    exists."""
    public = profile.public_resume().get("projects", [])
    facts = []
    for i, slug, project in profile.projects():
        entry = public[i] if i < len(public) and isinstance(public[i], dict) else {}
        extras = [f"slug: {slug}", period(entry)]
        if slug in profile.writeups:
            extras.append(f"write-up: projects/{slug}.md")
        if profile.project_repo(slug):
            extras.append("source code available")
        described = "; ".join(e for e in extras if e)
        # The link says where the project lives (a repository makes it open source).
        url = entry.get("url")
        link = f" URL: {url}." if isinstance(url, str) and url else ""
        text = f"{project.name or slug} ({described}) — {entry.get('description', '')}{link}"
        facts.append(Fact(source=f"projects[{i}]", text=text))
    for slug, markdown in profile.writeups.items():
        if slug not in profile.project_slugs:
            facts.append(Fact(source=f"projects/{slug}.md", text=_title(markdown) or slug))
    note = None if facts else "The profile lists no projects."
    return finish(profile, facts, note, limit=30)


def get_project(profile: Profile, *, name: str) -> ToolResult:
    """One project in depth: its resume entry and every section of its write-up.

    Args:
        profile: The applicant's profile.
        name: The project's name, slug, alias or part of one; case, spaces, hyphens
            and Korean or English wording are all tolerated.
    """
    scored = sorted(
        (
            (_match_score(name, _names(profile, slug, p.name), p.description or ""), i)
            for i, slug, p in profile.projects()
        ),
        reverse=True,
    )
    known = ", ".join(p.name or slug for _, slug, p in profile.projects()) or "none"
    if not scored or scored[0][0] < 20:
        return finish(profile, [], f"No project matches that name. Known projects: {known}.")
    score, index = scored[0]
    slug = profile.project_slugs[index]
    facts = [f for f in _project_facts(profile) if f.source == f"projects[{index}]"]
    facts += writeup_facts(f"projects/{slug}.md", profile.writeups.get(slug, ""))
    notes = []
    if score < _SURE and len(scored) > 1 and scored[1][0] > 0:
        other = profile.resume.projects[scored[1][1]].name
        notes.append(f"Only a close match for that name; {other!r} was also close.")
    if profile.project_repo(slug):
        notes.append("Its source code can be browsed with the portfolio tools.")
    return finish(profile, facts, " ".join(notes) or None, limit=12)


def search_projects(profile: Profile, *, query: str) -> ToolResult:
    """Keyword search over every project entry and write-up section.

    Args:
        profile: The applicant's profile.
        query: Words to look for (English or Korean).
    """
    candidates = _project_facts(profile)
    for slug, markdown in profile.writeups.items():
        candidates += writeup_facts(f"projects/{slug}.md", markdown)
    facts = rank(query, candidates)
    if facts:
        return finish(profile, facts)
    if not tokens(query[:2_000]):
        return finish(profile, [], "Give words to search for, e.g. a technology or a result.")
    return finish(profile, [], "No project or write-up matches that query.")


@function_tool(name_override="list_projects")
async def list_projects_tool(ctx: RunContextWrapper[ChatContext]) -> str:
    """List all of the applicant's projects (프로젝트 목록) with period, a one-line description
    and whether a detailed write-up or source code exists."""
    return list_projects(ctx.context.profile).to_json()


@function_tool(name_override="get_project")
async def get_project_tool(ctx: RunContextWrapper[ChatContext], name: str) -> str:
    """Get one project in depth (프로젝트 상세): description, role, technologies, and the
    write-up's architecture, key decisions and results.

    Args:
        name: The project's name or part of it, in English or Korean, e.g. "chat service",
            "정산 파이프라인".
    """
    return get_project(ctx.context.profile, name=name).to_json()


@function_tool(name_override="search_projects")
async def search_projects_tool(ctx: RunContextWrapper[ChatContext], query: str) -> str:
    """Search all projects and their write-ups by keywords (프로젝트 검색), e.g. to find which
    project used a technology or how a problem was solved.

    Args:
        query: Keywords in English or Korean, e.g. "Redis Pub/Sub", "정산 불일치".
    """
    return search_projects(ctx.context.profile, query=query).to_json()


PROJECT_TOOLS = [list_projects_tool, get_project_tool, search_projects_tool]
