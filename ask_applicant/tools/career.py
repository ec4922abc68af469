"""Career tools: work history, years of experience with a skill, job fit, and the FAQ."""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from agents import RunContextWrapper, function_tool

from ask_applicant.agents.context import ChatContext
from ask_applicant.agents.offline.linking import names_in
from ask_applicant.profile import Profile
from ask_applicant.profile.text import tokens
from ask_applicant.tools import conditions
from ask_applicant.tools.contact import request_contact_tool
from ask_applicant.tools.experience import Span, merge, span_of, years
from ask_applicant.tools.facts import all_facts, describe, section_facts
from ask_applicant.tools.ranking import rank
from ask_applicant.tools.result import Fact, ToolResult, finish
from ask_applicant.tools.synonyms import TECH_TERMS, canonical, variants

MAX_JOB_DESCRIPTION_CHARS = 10_000
_SKILL_SPLIT = re.compile(r"\s*(?:/|&|,|\(|\)|·)\s*")
# A name in the other script links on a consonant skeleton this long ("dbps" for DevOps);
# shorter ones ("Go", "AI") would match unrelated words.
_SHORTEST_LINK = 3
# The jobs and projects a job-fit line names at most.
_MAX_NAMED = 3
# A break between jobs shorter than this is a move, not a gap.
_GAP_DAYS = 31


def matching_variant(text_tokens: set[str], term: str) -> str | None:
    """The name of the term (or one of its other names) whose every word is in the text."""
    for variant in variants(term):
        wanted = tokens(variant, keep_stopwords=True)
        if wanted and all(word in text_tokens or _doers(word) & text_tokens for word in wanted):
            return variant
    return None


def _doers(word: str) -> set[str]:
    """Who does an activity: "data engineering" is what a Data Engineer does, "testing"
    what a tester does (an activity's word without its "ing", or with "er")."""
    if not word.endswith("ing") or len(word) < 7:
        return set()
    root = word[:-3]
    return {root, f"{root}er", f"{root}e"}


def mentions(text_tokens: set[str], term: str) -> bool:
    """True when every word of the term, or of one of its other names, is in the text."""
    return matching_variant(text_tokens, term) is not None


def spoken_of(text: str, skill: str) -> bool:
    """True when the text names the skill: as written, by another name, or in the other
    script ("쿠버네티스 기반 데브옵스 파이프라인" speaks of DevOps)."""
    if mentions(set(tokens(text)), skill):
        return True
    # "data engineering" is what a 데이터 엔지니어 (data engineer) does.
    doers = {re.sub(r"(?<=\w{4})ing\b", ending, skill) for ending in ("", "er")}
    return any(names_in(text, name, shortest=_SHORTEST_LINK) for name in {skill, *doers})


def _dated_entries(profile: Profile) -> list[tuple[str, dict[str, Any]]]:
    public = profile.public_resume()
    return [
        (f"{section}[{i}]", entry)
        for section in ("work", "projects")
        for i, entry in enumerate(public.get(section, []))
        if isinstance(entry, dict) and entry
    ]


def get_work_history(profile: Profile, *, today: date | None = None) -> ToolResult:
    """Every job (and volunteer role) with position, dates, summary and highlights."""
    public = profile.public_resume()
    facts = section_facts(public, "work") + section_facts(public, "volunteer")
    if not facts:
        return finish(profile, [], "The resume lists no jobs.")
    day = today or date.today()
    spans = [
        span_of(w.get("startDate"), w.get("endDate"), today=day) for w in public.get("work", [])
    ]
    dated = [s for s in spans if s]
    total = years(dated)
    note = (
        f"Jobs cover about {total} years in total, overlaps counted once. "
        f"{gaps_note(dated)} {moves_note(public.get('work', []), spans)}"
    )
    return finish(profile, facts, " ".join(note.split()), limit=20)


def moves_note(work: list[Any], spans: list[Span | None]) -> str:
    """The moves to a new role within one employer ("Role changes within one employer:
    at Ironbark, from Robotics Engineer to Senior Robotics Engineer on 2020-07-01."): a
    promotion shows as two dated jobs at the same employer with different titles."""
    dated = sorted(
        (
            (span, job)
            for span, job in zip(spans, work, strict=False)
            if span and isinstance(job, dict) and job.get("name") and job.get("position")
        ),
        key=lambda pair: pair[0],
    )
    moves = [
        f"at {later['name']}, from {earlier['position']} to {later['position']} "
        f"on {later['startDate']}"
        for (_, earlier), (_, later) in pairwise(dated)
        if " ".join(str(earlier["name"]).casefold().split())
        == " ".join(str(later["name"]).casefold().split())
        and earlier["position"] != later["position"]
    ]
    if not moves:
        return ""
    return f"Role changes within one employer: {'; '.join(moves)}."


def gaps_note(spans: list[Span]) -> str:
    """The gaps between jobs longer than a month ("Gaps between jobs: 2023-02-25 –
    2023-10-02."), that there is none, or "" without two dated jobs."""
    if len(spans) < 2:
        return ""
    merged = merge(spans)
    gaps = [
        Span(earlier.end + timedelta(days=1), later.start - timedelta(days=1))
        for earlier, later in pairwise(merged)
        if (later.start - earlier.end).days > _GAP_DAYS
    ]
    if not gaps:
        return "No gap between jobs longer than a month."
    return f"Gaps between jobs: {'; '.join(map(str, gaps))}."


def _skill_spans(
    profile: Profile, skill: str, today: date
) -> tuple[list[tuple[str, dict[str, Any], Span]], list[str]]:
    """The dated jobs/projects mentioning a skill, and the sources of those without dates."""
    counted: list[tuple[str, dict[str, Any], Span]] = []
    undated = []
    for source, entry in _dated_entries(profile):
        section = source.split("[")[0]
        if not spoken_of(describe(section, entry), skill):
            continue
        span = span_of(entry.get("startDate"), entry.get("endDate"), today=today)
        if span:
            counted.append((source, entry, span))
        else:
            undated.append(source)
    return counted, undated


def years_of_experience(profile: Profile, *, skill: str, today: date | None = None) -> ToolResult:
    """Years of experience with a skill, from the dates of the jobs and projects mentioning it.

    Overlapping periods count once; an entry without an end date runs until today.

    Args:
        profile: The applicant's profile.
        skill: A technology or domain, e.g. "Python", "쿠버네티스", "payments".
        today: The day "present" means (tests pin it).
    """
    skill = skill.strip()[:100]
    if not tokens(skill, keep_stopwords=True):
        return finish(profile, [], "Name a skill, e.g. Python, Kafka or 결제.")
    day = today or date.today()
    counted, undated = _skill_spans(profile, skill, day)
    if not counted:
        listed = [f.source for f in all_facts(profile.public_resume()) if spoken_of(f.text, skill)]
        where = f" It is mentioned in {', '.join(listed[:5])}, without dates." if listed else ""
        return finish(profile, [], f"No dated job or project mentions that skill.{where}")
    facts = [_total_fact(skill, counted)]
    for source, entry, span in counted:
        title = entry.get("position") or entry.get("name") or source
        where = f" at {entry['name']}" if source.startswith("work") and entry.get("name") else ""
        facts.append(Fact(source=source, text=f"{title}{where}: {span} ({years([span])} years)."))
    note = f"Not counted (no valid start date): {', '.join(undated)}." if undated else None
    return finish(profile, facts, note, limit=20)


def _total_fact(skill: str, counted: list[tuple[str, dict[str, Any], Span]]) -> Fact:
    spans = [span for _, _, span in counted]
    sources = ", ".join(source for source, _, _ in counted)
    periods = "; ".join(map(str, merge(spans)))
    return Fact(
        source=sources,
        text=f"{skill}: about {years(spans)} years of experience, from {len(counted)} "
        f"jobs/projects ({sources}); overlapping periods counted once ({periods}).",
    )


def _applicant_terms(profile: Profile) -> list[str]:
    public = profile.public_resume()
    terms: list[str] = []
    for skill in public.get("skills", []):
        if isinstance(skill, dict):
            terms += _SKILL_SPLIT.split(str(skill.get("name", ""))) + list(
                skill.get("keywords", [])
            )
    for project in public.get("projects", []):
        if isinstance(project, dict):
            terms += list(project.get("keywords", []))
    return [t for t in (str(term).strip() for term in terms) if t]


def assess_job_fit(
    profile: Profile, *, job_description: str, today: date | None = None
) -> ToolResult:
    """Which skills a job description asks for that the profile shows, and which it lacks.

    Args:
        profile: The applicant's profile.
        job_description: The posting's text (English or Korean); the first 10,000 characters count.
        today: The day "present" means.
    """
    wanted = set(tokens(job_description[:MAX_JOB_DESCRIPTION_CHARS], keep_stopwords=True))
    day = today or date.today()
    required: dict[str, str] = {}
    # The applicant's own spelling first ("Kubernetes"), else the posting's ("정산").
    for term in _applicant_terms(profile):
        if mentions(wanted, term):
            required.setdefault(canonical(term), term)
    for term in TECH_TERMS:
        variant = matching_variant(wanted, term)
        if variant:
            required.setdefault(canonical(term), variant)
    # "Spring" adds nothing when "Spring Boot" is already required.
    words = {key: set(tokens(key, keep_stopwords=True)) for key in required}
    terms = [t for k, t in required.items() if not any(words[k] < words[o] for o in words)]
    if not terms:
        return finish(profile, [], "No recognisable skills or technologies in the job description.")
    evidence = all_facts(profile.public_resume())
    evidence_tokens = [set(tokens(f.text)) for f in evidence]
    matched, missing = [], []
    for term in terms:
        found = [
            f.source
            for f, words_ in zip(evidence, evidence_tokens, strict=True)
            if mentions(words_, term)
        ]
        if found:
            spans = [span for _, _, span in _skill_spans(profile, term, day)[0]]
            tenure = f" About {years(spans)} years in dated jobs/projects." if spans else ""
            # Where, by name ("Haneul Pay, Settlement Pipeline"), else by source.
            where = _entries_named(profile, found) or f"shown in {', '.join(found[:6])}"
            matched.append(
                Fact(source=", ".join(found[:6]), text=f"Matched: {term} — {where}.{tenure}")
            )
        else:
            missing.append(
                Fact(
                    source="job_description",
                    text=f"Missing: {term} — the profile does not mention it.",
                )
            )
    share = round(100 * len(matched) / len(terms))
    note = (
        f"{len(matched)} of {len(terms)} skills in the job description are shown "
        f"in the profile ({share}%)."
    )
    return finish(profile, matched + missing, note, limit=30)


def _entries_named(profile: Profile, sources: list[str]) -> str:
    """The jobs' employers and the projects among the sources, by name ("Haneul Pay,
    Settlement Pipeline"): a recruiter asking whether the applicant fits wants to hear
    where, not which list index; "" when none is a named job or project."""
    public = profile.public_resume()
    names: list[str] = []
    for source in sources:
        section, _, rest = source.partition("[")
        index = int(rest.rstrip("]")) if rest.rstrip("]").isdigit() else -1
        entries = public.get(section, []) if section in ("work", "projects") else []
        entry = entries[index] if 0 <= index < len(entries) else None
        if isinstance(entry, dict) and entry.get("name") and entry["name"] not in names:
            names.append(str(entry["name"]))
    return ", ".join(names[:_MAX_NAMED])


def ask_faq(profile: Profile, *, question: str) -> ToolResult:
    """The prepared FAQ answers closest to a question.

    Args:
        profile: The applicant's profile.
        question: The recruiter's question, English or Korean.
    """
    if not profile.faq:
        return _resume_says(profile, question, "The applicant has not prepared FAQ answers.")
    searchable = [
        Fact(source=f"faq[{i}]", text=f"{e.question} {e.question} {' '.join(e.tags)} {e.answer}")
        for i, e in enumerate(profile.faq)
    ]
    shown = {
        f"faq[{i}]": Fact(source=f"faq[{i}]", text=f"Q: {e.question} A: {e.answer}")
        for i, e in enumerate(profile.faq)
    }
    hits = rank(question, searchable, limit=3)
    if hits:
        return finish(profile, [shown[hit.source] for hit in hits])
    topics = "; ".join(e.question for e in profile.faq)
    return _resume_says(profile, question, f"No prepared answer matches. Prepared topics: {topics}")


def _resume_says(profile: Profile, question: str, missing: str) -> ToolResult:
    """Without a prepared answer, the resume's own sentences on the working condition
    the question asks about (remote work, relocation, visa, notice, travel)."""
    wanted, said = conditions.speaking_of(profile.public_resume(), question)
    if wanted is None or not said:
        return finish(profile, [], missing)
    note = f"No prepared answer; the resume's own words on {wanted.label}."
    return finish(profile, said, note)


@function_tool(name_override="get_work_history")
async def get_work_history_tool(ctx: RunContextWrapper[ChatContext]) -> str:
    """Get the applicant's work history (경력): every job with company, position, dates,
    summary and highlights, plus volunteer roles, the total years worked, any gap
    between jobs (경력 공백) and any promotion (승진: a new role at the same employer)."""
    return get_work_history(ctx.context.profile).to_json()


@function_tool(name_override="years_of_experience")
async def years_of_experience_tool(ctx: RunContextWrapper[ChatContext], skill: str) -> str:
    """Compute how many years of experience the applicant has with a skill (경력 연차),
    from the dates of the jobs and projects that mention it; says which entries counted.

    Args:
        skill: One technology or domain, e.g. "Python", "Kafka", "쿠버네티스", "결제".
    """
    return years_of_experience(ctx.context.profile, skill=skill).to_json()


@function_tool(name_override="assess_job_fit")
async def assess_job_fit_tool(ctx: RunContextWrapper[ChatContext], job_description: str) -> str:
    """Assess how well the applicant fits a job description (직무 적합도): the skills it asks
    for that the profile shows, with evidence and years, and the ones that are missing.

    Args:
        job_description: The job posting or its requirements, in English or Korean.
    """
    return assess_job_fit(ctx.context.profile, job_description=job_description).to_json()


@function_tool(name_override="ask_faq")
async def ask_faq_tool(ctx: RunContextWrapper[ChatContext], question: str) -> str:
    """Look up the applicant's prepared answers (FAQ): why they are changing jobs, the role
    they want, career goals, working style, salary, notice period, remote or on-site work,
    relocation, visa and work authorization, travel; without one, what the resume says.

    Args:
        question: The question as asked, in English or Korean.
    """
    return ask_faq(ctx.context.profile, question=question).to_json()


CAREER_TOOLS = [
    get_work_history_tool,
    years_of_experience_tool,
    assess_job_fit_tool,
    ask_faq_tool,
    request_contact_tool,
]
