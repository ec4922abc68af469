"""A small applicant and a triage -> specialists graph run by the offline model.

The real agent graph and tools are built elsewhere; these stand-ins have the same shape
(tool names, handoff descriptions, a vocabulary per area) so the offline model can be
tested on its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from agents import Agent, FunctionTool, function_tool, handoff
from agents.extensions.handoff_prompt import RECOMMENDED_PROMPT_PREFIX

from ask_applicant.agents.offline import OfflineModel
from ask_applicant.profile.text import tokens

NAME = "Kim Minji"

SKILLS = {
    "backend": ["Python", "Go", "FastAPI", "Django"],
    "data": ["MySQL", "PostgreSQL", "Redis", "Kafka"],
    "infrastructure": ["Docker", "Kubernetes", "AWS", "Terraform"],
}
WORK = [
    ("Toss", "Backend Engineer", "2021-03", "present", "Built the payment ledger in Go and Kafka."),
    (
        "Kakao",
        "Server Developer",
        "2016-07",
        "2021-02",
        "Ran the KakaoTalk chat server on Python and Redis.",
    ),
]
PROJECTS = {
    "chat-service": (
        "Realtime chat service (실시간 채팅 서비스)",
        "WebSocket chat on Go and Redis pub/sub for 1M users.",
    ),
    "ledger": (
        "Double-entry ledger (복식부기 원장)",
        "An append-only payment ledger with Kafka outbox.",
    ),
    "resume-bot": ("Ask the Applicant bot", "A recruiter Q&A bot over a JSON Resume profile."),
}
FAQ = [
    (
        "Why are you changing jobs?",
        "I want to work on larger-scale distributed systems.",
        "motivation leaving reason 이직 퇴사 이유",
    ),
    (
        "What role do you want?",
        "A senior backend role on a platform team.",
        "role goal career 희망 직무 목표 커리어",
    ),
    (
        "What is your working style?",
        "Remote-friendly, written design docs, small pull requests.",
        "style remote 재택 스타일",
    ),
    (
        "What salary do you expect?",
        "Negotiable, in line with the market for the role.",
        "salary 연봉",
    ),
    ("When can you start?", "One month after an offer.", "start availability 입사"),
]
YEARS = {"python": 7.5, "go": 4.0, "kafka": 4.0, "redis": 8.0}


def facts(*pairs: tuple[str, str], note: str | None = None) -> str:
    """Serialise facts the way the real tools do."""
    body: dict[str, Any] = {"facts": [{"source": s, "text": t} for s, t in pairs]}
    if note:
        body["note"] = note
    return json.dumps(body, ensure_ascii=False)


@function_tool
def get_basics() -> str:
    """Return the applicant's public basics: name, headline, summary, email and website."""
    return facts(
        ("basics.name", NAME),
        ("basics.label", "Backend Engineer"),
        ("basics.email", "minji@example.com"),
        ("basics.summary", "Backend engineer building payment and messaging systems."),
    )


@function_tool
def get_education() -> str:
    """Return the applicant's education: schools, degrees, majors and dates."""
    return facts(
        ("education[0]", "Seoul National University (서울대학교), BS Computer Science, 2012 – 2016")
    )


@function_tool
def get_skills() -> str:
    """Return the applicant's skills grouped by area, with their keywords."""
    return facts(
        *((f"skills[{i}]", f"{area}: {', '.join(k)}") for i, (area, k) in enumerate(SKILLS.items()))
    )


@function_tool
def get_certificates() -> str:
    """Return the certificates the applicant holds, with issuer and date."""
    return facts(
        ("certificates[0]", "AWS Certified Solutions Architect – Associate (2021)"),
        ("certificates[1]", "정보처리기사 (2016)"),
    )


@function_tool
def get_languages() -> str:
    """Return the spoken languages the applicant knows and their fluency."""
    return facts(("languages[0]", "Korean: native"), ("languages[1]", "English: fluent"))


@function_tool
def search_resume(query: str) -> str:
    """Search the whole public resume for a keyword.

    Args:
        query: Words to look for, e.g. a technology or a company.
    """
    found = [
        (f"skills[{i}]", f"{a}: {', '.join(k)}")
        for i, (a, k) in enumerate(SKILLS.items())
        if any(word.lower() in ", ".join(k).lower() for word in query.split())
    ]
    return facts(*found)


@function_tool
def list_projects() -> str:
    """List the applicant's projects with a one-line summary of each."""
    return facts(
        *(
            (f"projects[{i}]", f"{title}: {summary}")
            for i, (title, summary) in enumerate(PROJECTS.values())
        )
    )


@function_tool
def get_project(name: str) -> str:
    """Return one project in detail: description, role, technologies and its write-up.

    Args:
        name: The project's name or slug; partial and Korean names are accepted.
    """
    wanted = name.lower().replace(" ", "")
    for index, (slug, (title, summary)) in enumerate(PROJECTS.items()):
        keys = [slug.replace("-", ""), title.lower().replace(" ", "")]
        if wanted and any(wanted in key or key in wanted for key in keys):
            return facts(
                (f"projects[{index}]", f"{title}: {summary}"),
                (f"projects/{slug}.md", f"Write-up of {title}."),
            )
    return facts(note=f"No project matches {name!r}.")


@function_tool
def search_projects(query: str) -> str:
    """Search the projects and their write-ups for a technology, problem or keyword.

    Args:
        query: Words to look for.
    """
    words = [w.lower() for w in query.split()]
    found = [
        (f"projects[{i}]", f"{t}: {s}")
        for i, (t, s) in enumerate(PROJECTS.values())
        if any(w in f"{t} {s}".lower() for w in words)
    ]
    return facts(*found)


@function_tool
def get_work_history() -> str:
    """Return the applicant's jobs: company, position, dates and highlights."""
    return facts(
        *(
            (f"work[{i}]", f"{pos} at {co}, {start} – {end}. {hl}")
            for i, (co, pos, start, end, hl) in enumerate(WORK)
        )
    )


@function_tool
def years_of_experience(skill: str) -> str:
    """Compute how many years the applicant has used a skill, from job and project dates.

    Args:
        skill: The skill or technology, e.g. Python.
    """
    years = YEARS.get(skill.lower())
    if years is None:
        return facts(note=f"The profile does not mention {skill}.")
    return facts(("work", f"About {years} years of {skill}."))


@function_tool
def assess_job_fit(job_description: str) -> str:
    """Compare a job description with the applicant's skills: matched and missing skills.

    Args:
        job_description: The full text of the job posting or its requirements.
    """
    known = {k.lower() for keys in SKILLS.values() for k in keys}
    words = {w.strip(",.").lower() for w in job_description.split()}
    return facts(*(("skills", f"Matched: {w}") for w in sorted(words & known)))


@function_tool
def search_faq(topic: str) -> str:
    """Look up the applicant's own answers about motivation: why they are changing jobs,
    the role they want, career goals, working style, salary and availability.

    Args:
        topic: What the question is about.
    """
    wanted = set(tokens(topic))
    return facts(
        *(
            (f"faq[{i}]", f"{q} {a}")
            for i, (q, a, tags) in enumerate(FAQ)
            if wanted & set(tokens(f"{q} {a} {tags}"))
        )
    )


RESUME_TOOLS: list[FunctionTool] = [
    get_basics,
    get_education,
    get_skills,
    get_certificates,
    get_languages,
    search_resume,
]
PROJECT_TOOLS: list[FunctionTool] = [list_projects, get_project, search_projects]
CAREER_TOOLS: list[FunctionTool] = [
    get_work_history,
    years_of_experience,
    assess_job_fit,
    search_faq,
]

DESCRIPTIONS = {
    "resume": "Questions about the resume: contact basics, education, skills, certificates, "
    "awards, publications and languages.",
    "project": "Questions about the applicant's projects, portfolio, side projects and their "
    "source code.",
    "career": "Questions about work history, jobs and companies, years of experience with a skill, "
    "fit for a job description, and motivation: why changing jobs, goals, working style.",
}
AGENT_NAMES = {
    "triage": "Triage",
    "resume": "Resume specialist",
    "project": "Project specialist",
    "career": "Career specialist",
}


def section_words() -> dict[str, str]:
    """The profile words each area covers, as the agent graph would supply them."""
    return {
        "resume": " ".join(
            [
                NAME,
                "Seoul National University 서울대학교 Computer Science",
                *(k for ks in SKILLS.values() for k in ks),
                "AWS Certified Solutions Architect 정보처리기사 Korean English",
            ]
        ),
        "project": " ".join(
            f"{slug} {title} {summary}" for slug, (title, summary) in PROJECTS.items()
        ),
        "career": " ".join([*(" ".join(job) for job in WORK), *(" ".join(entry) for entry in FAQ)]),
    }


@dataclass
class Graph:
    """The wired agents and the model they share."""

    by_key: dict[str, Agent[Any]]
    model: OfflineModel
    vocabulary: dict[str, str]

    def key_of(self, agent: Agent[Any]) -> str:
        return next(key for key, candidate in self.by_key.items() if candidate is agent)


def build_graph(voice: str = "first_person") -> Graph:
    """Wire triage and three specialists, each able to hand back to triage."""
    tools = {"resume": RESUME_TOOLS, "project": PROJECT_TOOLS, "career": CAREER_TOOLS}
    words = section_words()
    vocabulary = {
        AGENT_NAMES[key]: " ".join([*(f"{t.name} {t.description}" for t in tools[key]), words[key]])
        for key in tools
    }
    model = OfflineModel(vocabulary)
    instructions = f"{RECOMMENDED_PROMPT_PREFIX}\nAPPLICANT: {NAME}\nVOICE: {voice}\n"
    triage: Agent[Any] = Agent(name=AGENT_NAMES["triage"], instructions=instructions, model=model)
    specialists = {
        key: Agent(
            name=AGENT_NAMES[key],
            instructions=instructions,
            handoff_description=DESCRIPTIONS[key],
            tools=list(tools[key]),
            handoffs=[triage],
            model=model,
        )
        for key in tools
    }
    triage.handoffs = [handoff(agent) for agent in specialists.values()]
    return Graph(by_key={"triage": triage, **specialists}, model=model, vocabulary=vocabulary)


@pytest.fixture
def graph() -> Graph:
    return build_graph()
