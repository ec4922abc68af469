"""The shipped sample applicant is rich enough to exercise every tool."""

from __future__ import annotations

import re

from ask_applicant.profile import Profile, parse_date


def test_the_sample_has_several_dated_jobs_one_of_them_current(sample: Profile) -> None:
    work = sample.resume.work
    assert 3 <= len(work) <= 4
    assert all(parse_date(job.start_date) for job in work)
    assert [job.end_date for job in work].count(None) == 1


def test_the_sample_covers_every_resume_section(sample: Profile) -> None:
    resume = sample.resume
    assert resume.education and resume.certificates and resume.awards and resume.publications
    assert resume.languages and resume.interests and resume.volunteer and resume.references
    assert len(resume.skills) >= 6 and all(skill.keywords for skill in resume.skills)


def test_every_sample_project_has_a_write_up_with_architecture_decisions_and_results(
    sample: Profile,
) -> None:
    assert len(sample.project_slugs) >= 3
    for slug in sample.project_slugs:
        headings = re.findall(r"^## (.+)$", sample.writeups[slug], re.MULTILINE)
        assert headings[:3] == ["Architecture", "Key decisions", "Results"], slug


def test_the_sample_mixes_korean_and_english(sample: Profile) -> None:
    assert re.search(r"[가-힣]", sample.name) and re.search(r"[A-Za-z]", sample.name)
    assert re.search(r"[가-힣]", sample.resume.basics.summary or "")


def test_the_sample_faq_answers_the_usual_recruiter_questions(sample: Profile) -> None:
    tags = {tag for entry in sample.faq for tag in entry.tags}
    assert {
        "job change",
        "desired role",
        "career goals",
        "working style",
        "salary",
        "remote",
    } <= tags


def test_the_sample_repository_holds_real_source_files(sample: Profile) -> None:
    repo = sample.project_repo("chat-service")
    assert repo is not None
    sources = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*.py"))
    assert "chat_service/rooms.py" in sources and "tests/test_rooms.py" in sources
    assert all(0 < (repo / s).stat().st_size < 10_000 for s in sources)
