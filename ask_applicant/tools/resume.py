"""Resume tools: the public basics, each resume section, and keyword search over all of it."""

from __future__ import annotations

from agents import RunContextWrapper, function_tool

from ask_applicant.agents.context import ChatContext
from ask_applicant.profile import Profile
from ask_applicant.profile.text import tokens
from ask_applicant.tools.facts import all_facts, basics_facts, section_facts
from ask_applicant.tools.ranking import rank
from ask_applicant.tools.result import ToolResult, finish, private_topic_note


def _section(profile: Profile, section: str, label: str) -> ToolResult:
    facts = section_facts(profile.public_resume(), section)
    note = None if facts else f"The resume lists no {label}."
    return finish(profile, facts, note, limit=20)


def get_basics(profile: Profile) -> ToolResult:
    """The public basics: name, headline, summary, email, links, city (never private fields)."""
    facts = basics_facts(profile.public_resume())
    return finish(profile, facts, None if facts else "The resume has no basics.", limit=20)


def get_education(profile: Profile) -> ToolResult:
    """Degrees and schools with dates, scores and courses."""
    return _section(profile, "education", "education")


def get_skills(profile: Profile) -> ToolResult:
    """Skill groups with level and keywords."""
    return _section(profile, "skills", "skills")


def get_certificates(profile: Profile) -> ToolResult:
    """Certificates with issuer and date."""
    return _section(profile, "certificates", "certificates")


def get_awards(profile: Profile) -> ToolResult:
    """Awards with awarder, date and summary."""
    return _section(profile, "awards", "awards")


def get_publications(profile: Profile) -> ToolResult:
    """Publications and talks with publisher and date."""
    return _section(profile, "publications", "publications or talks")


def get_languages(profile: Profile) -> ToolResult:
    """Spoken languages and fluency."""
    return _section(profile, "languages", "spoken languages")


def search_resume(profile: Profile, *, query: str) -> ToolResult:
    """Keyword search over the whole public resume (English and Korean).

    Args:
        profile: The applicant's profile.
        query: Words to look for; Korean is matched by character bigrams.
    """
    private = private_topic_note(query)
    facts = rank(query, all_facts(profile.public_resume()))
    if facts:
        return finish(profile, facts, private)
    if private:
        return finish(profile, [], private)
    if not tokens(query[:2_000]):
        return finish(profile, [], "Give words to search for, e.g. a skill, company or school.")
    return finish(profile, [], "Nothing in the resume matches that query.")


@function_tool(name_override="get_basics")
async def get_basics_tool(ctx: RunContextWrapper[ChatContext]) -> str:
    """Get the applicant's public basics: name, headline, summary, email, website, profile
    links and city. Phone number, home address and birth date are private and never returned."""
    return get_basics(ctx.context.profile).to_json()


@function_tool(name_override="get_education")
async def get_education_tool(ctx: RunContextWrapper[ChatContext]) -> str:
    """Get the applicant's education (학력): degrees, schools, majors, dates, scores, courses."""
    return get_education(ctx.context.profile).to_json()


@function_tool(name_override="get_skills")
async def get_skills_tool(ctx: RunContextWrapper[ChatContext]) -> str:
    """Get the applicant's skills (기술 스택): skill groups with level and keywords."""
    return get_skills(ctx.context.profile).to_json()


@function_tool(name_override="get_certificates")
async def get_certificates_tool(ctx: RunContextWrapper[ChatContext]) -> str:
    """Get the applicant's certificates and licences (자격증) with issuer and date."""
    return get_certificates(ctx.context.profile).to_json()


@function_tool(name_override="get_awards")
async def get_awards_tool(ctx: RunContextWrapper[ChatContext]) -> str:
    """Get the applicant's awards and prizes (수상 경력) with awarder, date and summary."""
    return get_awards(ctx.context.profile).to_json()


@function_tool(name_override="get_publications")
async def get_publications_tool(ctx: RunContextWrapper[ChatContext]) -> str:
    """Get the applicant's publications, talks and articles (발표, 저술) with date and venue."""
    return get_publications(ctx.context.profile).to_json()


@function_tool(name_override="get_languages")
async def get_languages_tool(ctx: RunContextWrapper[ChatContext]) -> str:
    """Get the languages the applicant speaks (외국어 능력) and how fluently."""
    return get_languages(ctx.context.profile).to_json()


@function_tool(name_override="search_resume")
async def search_resume_tool(ctx: RunContextWrapper[ChatContext], query: str) -> str:
    """Search the applicant's whole resume by keywords (이력서 검색): jobs, education, skills,
    certificates, awards, publications, languages, interests, references and projects.

    Args:
        query: Keywords in English or Korean, e.g. "Kafka", "대학교", "PyCon".
    """
    return search_resume(ctx.context.profile, query=query).to_json()


RESUME_TOOLS = [
    get_basics_tool,
    get_education_tool,
    get_skills_tool,
    get_certificates_tool,
    get_awards_tool,
    get_publications_tool,
    get_languages_tool,
    search_resume_tool,
]
