"""The routing vocabulary the offline model's triage scores questions against.

For each specialist: its tools' names and descriptions, the names of its MCP servers
(and, once they are connected, their tools' names and descriptions), and the words of
the profile sections it answers for, so "Kafka" routes to whoever holds the job or
project that mentions Kafka. Only the public resume is read. Also the argument choices:
the project slugs with the names recruiters use for them, so a code question's
`project` argument names a real project.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import Any

from agents import Tool
from agents.mcp import MCPServer

from ask_applicant.agents.offline.link_kinds import link_kind
from ask_applicant.profile import Profile

# The resume sections each specialist answers for.
SECTIONS: Mapping[str, tuple[str, ...]] = {
    "resume": (
        "basics",
        "education",
        "skills",
        "certificates",
        "awards",
        "publications",
        "languages",
        "interests",
    ),
    "project": ("projects",),
    "career": ("work", "volunteer"),
}

# What each specialist's sections are called, in English and Korean: recruiters name the
# section ("awards", "수상 경력") more often than anything in it.
SECTION_WORDS: Mapping[str, str] = {
    "resume": (
        "education school university degree major graduate skills tech stack technologies "
        "level proficiency fluency "
        "certificates certifications awards prizes publications articles talks blog "
        "conference conferences speaker spoke presented "
        "languages spoken fluent interests hobbies contact website profile summary "
        "학력 학교 대학 대학교 전공 졸업 학위 기술 스택 스킬 역량 자격증 수상 상 "
        "발표 논문 글 출판 언어 외국어 영어 일본어 취미 관심사 연락처 소개 실력 수준 숙련도"
    ),
    "project": (
        "projects project side project portfolio worked on built build architecture design "
        "maintain maintains maintained maintainer contributed contributions "
        "implementation source code "
        "repository results impact "
        "프로젝트 개발 구현 설계 아키텍처 소스 코드 저장소 역할 만든"
    ),
    "career": (
        "work history employment jobs companies employer position title experience years "
        "job fit job description posting requirements motivation leaving changing jobs "
        "career goals role salary compensation remote relocation relocate working style "
        "management manage managed managing people reports "
        "manager strengths weaknesses gap break timeline leadership lead mentoring "
        "achievements accomplishments impressive "
        "경력 회사 직장 재직 근무 직무 직책 연차 이직 퇴사 커리어 목표 포지션 연봉 "
        "원격 이주 업무 방식 매니저 강점 약점 공고 적합 공백 공백기 리더십 리딩 멘토링 성과 업적"
    ),
}

# Keys of the resume that carry no words worth routing on.
_SKIPPED_KEYS = frozenset({"url", "image", "startDate", "endDate", "date", "releaseDate"})
_MAX_WRITEUP_CHARS = 1500


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if key not in _SKIPPED_KEYS:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _tool_text(tool: Tool) -> str:
    name = getattr(tool, "name", "")
    description = getattr(tool, "description", "") or ""
    return f"{name.replace('_', ' ')} {description}"


def _profile_words(key: str, profile: Profile) -> list[str]:
    resume = profile.public_resume()
    words = [text for section in SECTIONS.get(key, ()) for text in _strings(resume.get(section))]
    if key == "project":
        # Project names are what recruiters say; they count twice against passing
        # mentions of the same words elsewhere (a talk about the chat server).
        words += [name for _, _, project in profile.projects() for name in [project.name or ""]]
        words += [link_kind(entry.get("url")) for entry in resume.get("projects") or []]
        # A write-up's opening says what the project is; the rest would drown the routing.
        words += [text[:_MAX_WRITEUP_CHARS] for text in profile.writeups.values()]
        words += [alias for extra in profile.extras.projects.values() for alias in extra.aliases]
    if key == "career":
        for entry in profile.faq:
            words += [entry.question, " ".join(entry.tags)]
    return words


def routing_vocabulary(
    *,
    profile: Profile,
    names: Mapping[str, str],
    tools: Mapping[str, Sequence[Tool]],
    mcp_servers: Mapping[str, Sequence[MCPServer]],
) -> dict[str, str]:
    """Extra routing text for each specialist, keyed by the agent's NAME.

    Args:
        profile: The applicant's profile.
        names: Agent key → agent name, for the specialists.
        tools: Agent key → the function tools it holds.
        mcp_servers: Agent key → the MCP servers it holds.

    Returns:
        Agent name → one text of tool names and descriptions, MCP server names and the
        words of the profile sections that agent covers.
    """
    vocabulary: dict[str, str] = {}
    for key, name in names.items():
        parts = [_tool_text(tool) for tool in tools.get(key, ())]
        parts += [server.name for server in mcp_servers.get(key, ())]
        parts.append(SECTION_WORDS.get(key, ""))
        parts += _profile_words(key, profile)
        vocabulary[name] = "\n".join(part for part in parts if part)
    return vocabulary


def profile_text(profile: Profile) -> list[str]:
    """Every public string of the profile: resume values, write-ups and FAQ, for
    `OfflineModel(profile_text=...)` (only the public resume is read).

    Args:
        profile: The applicant's profile.

    Returns:
        The strings, in profile order.
    """
    texts = list(_all_strings(profile.public_resume()))
    texts += list(profile.writeups.values())
    texts += [text for entry in profile.faq for text in (entry.question, entry.answer)]
    return texts


def _all_strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _all_strings(item)


def project_choices(profile: Profile) -> dict[str, dict[str, list[str]]]:
    """The values a `project` tool parameter takes, with the names that mean each.

    Args:
        profile: The applicant's profile.

    Returns:
        `{"project": {slug: [resume name, aliases...]}}`, for `OfflineModel(choices=...)`.
    """
    projects: dict[str, list[str]] = {}
    for _index, slug, project in profile.projects():
        extra = profile.extras.projects.get(slug)
        names = [project.name or "", *(extra.aliases if extra else [])]
        projects[slug] = [name for name in names if name.strip()]
    return {"project": projects}


def mcp_tool_vocabulary(
    *, names: Mapping[str, str], mcp_servers: Mapping[str, Sequence[MCPServer]]
) -> Callable[[], Awaitable[dict[str, str]]]:
    """Routing text from the tools of connected MCP servers, to be listed when first needed.

    Listing tools is asynchronous while the graph is built synchronously, so this returns
    the coroutine function the offline model awaits before its first step
    (`OfflineModel(vocabulary_source=...)`). Servers with a static tool filter list only
    the tools their agent may call.

    Args:
        names: Agent key → agent name, for the specialists.
        mcp_servers: Agent key → the connected MCP servers it holds.

    Returns:
        A coroutine function giving agent name → the tools' names and descriptions.
    """

    async def listed() -> dict[str, str]:
        vocabulary: dict[str, str] = {}
        for key, name in names.items():
            parts = []
            for server in mcp_servers.get(key, ()):
                for tool in await server.list_tools():
                    parts.append(f"{tool.name.replace('_', ' ')} {tool.description or ''}")
            if parts:
                vocabulary[name] = "\n".join(parts)
        return vocabulary

    return listed
