"""The offline routing vocabulary: each specialist's tools and profile words, nothing private."""

from __future__ import annotations

from agents.mcp import MCPServerStdio

from ask_applicant.agents.graph import NAMES, SPECIALISTS, TOOLS
from ask_applicant.agents.vocabulary import routing_vocabulary
from ask_applicant.profile import Profile


def _vocabulary(profile: Profile) -> dict[str, str]:
    portfolio = MCPServerStdio(params={"command": "true"}, name="portfolio")
    return routing_vocabulary(
        profile=profile,
        names={key: NAMES[key] for key in SPECIALISTS},
        tools=TOOLS,
        mcp_servers={"project": [portfolio]},
    )


def test_each_specialist_is_described_by_its_tools_and_its_sections(
    sample_profile: Profile,
) -> None:
    vocabulary = _vocabulary(sample_profile)
    assert set(vocabulary) == {"Resume Specialist", "Project Specialist", "Career Specialist"}
    resume, project, career = (vocabulary[NAMES[key]] for key in SPECIALISTS)
    assert "get education" in resume and "한빛대학교" in resume and "CKAD" in resume
    assert "search projects" in project and "Settlement Pipeline" in project
    assert "portfolio" in project and "정산 파이프라인" in project
    assert "years of experience" in career and "Haneul Pay" in career and "이직" in career
    # Sections stay with their own specialist.
    assert "Bada Labs" not in resume
    assert "한빛대학교" not in career


def test_no_private_value_reaches_the_vocabulary(sample_profile: Profile) -> None:
    text = "\n".join(_vocabulary(sample_profile).values())
    for private in sample_profile.private_values():
        assert private.value not in text, private.path
