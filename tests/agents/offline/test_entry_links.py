"""A link asked of one project is that project's link, or a plain no."""

from __future__ import annotations

from ask_applicant.agents.offline import entry_links
from ask_applicant.agents.offline.evidence import Fact

PROJECTS = [
    Fact(
        "projects[0]",
        "ShiftSwap (2025-01 – present) A rota board. URL: https://shiftswap.example.ie.",
    ),
    Fact("projects[1]", "Ward dashboard (2023-02 – present) An internal web dashboard."),
    Fact(
        "projects[2]",
        "Streetcar Buddy (2021-06 – present) An app. URL: https://apps.example.com/x.",
    ),
]


def test_a_link_question_gets_the_projects_link_named_or_carried() -> None:
    assert entry_links.asked("Is there somewhere I can try it?")
    assert (
        entry_links.answer(
            PROJECTS, 'Is there somewhere I can try it? "ShiftSwap"', korean=False, yes_no=True
        )
        == "Yes. ShiftSwap: https://shiftswap.example.ie (projects[0])"
    )
    assert (
        entry_links.answer(PROJECTS, "shiftswap 링크 알려주세요", korean=True, yes_no=False)
        == "ShiftSwap: https://shiftswap.example.ie (projects[0])"
    )


def test_a_project_without_a_link_or_without_code_is_a_plain_no() -> None:
    assert (
        entry_links.answer(
            PROJECTS, '그거 링크로 볼 수 있어요? "Ward dashboard"', korean=True, yes_no=True
        )
        == "아니요. Ward dashboard에는 공개된 링크가 없습니다. (projects[1])"
    )
    assert (
        entry_links.answer(
            PROJECTS, '깃허브 주소도 있어요? "Streetcar Buddy"', korean=False, yes_no=True
        )
        == "No. Streetcar Buddy links to https://apps.example.com/x, not to its code. (projects[2])"
    )
    assert entry_links.answer(PROJECTS, "Any links?", korean=False, yes_no=True) is None


def test_a_project_named_in_hangul_is_found_by_its_sound() -> None:
    demo = [
        Fact(
            "projects[0]",
            "Hawker Queue Demo (2024-09 – present) A demo. URL: https://h.example.dev.",
        )
    ]
    assert entry_links.answer(demo, "호커 큐 데모 링크 있어요?", korean=True, yes_no=True) == (
        "예. Hawker Queue Demo: https://h.example.dev (projects[0])"
    )
    assert entry_links.asked("Where can I look at the Python SDK she maintains?")
