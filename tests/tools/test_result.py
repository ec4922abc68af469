from __future__ import annotations

import json
from collections.abc import Callable

from ask_applicant.profile import Profile
from ask_applicant.tools.career import ask_faq
from ask_applicant.tools.result import MAX_RESULT_CHARS, Fact, ToolResult, finish

MakeProfile = Callable[..., Profile]


def test_results_are_capped_in_count_and_size(sample: Profile) -> None:
    facts = [Fact(source=f"work[{i}]", text="긴 문장 " * 2_000) for i in range(50)]
    result = finish(sample, facts)
    assert len(result.facts) < 50
    assert all(len(fact.text) <= 1_200 for fact in result.facts)
    assert sum(len(fact.text) for fact in result.facts) <= MAX_RESULT_CHARS
    assert result.note and "more not shown" in result.note


def test_json_keeps_hangul_and_emoji_and_leaves_out_an_empty_note() -> None:
    text = ToolResult(facts=[Fact(source="faq[0]", text="안녕 👋")]).to_json()
    assert text == '{"facts": [{"source": "faq[0]", "text": "안녕 👋"}]}'
    assert json.loads(text)["facts"][0]["text"] == "안녕 👋"


def test_private_values_repeated_in_free_text_are_scrubbed(make_profile: MakeProfile) -> None:
    profile = make_profile(
        {"basics": {"name": "Ada", "phone": "+1 (912) 555-4321"}},
        "faq:\n  - question: How can I reach you?\n    answer: Call 912.555.4321 any time.\n",
    )
    result = ask_faq(profile, question="how to reach you")
    assert result.facts[0].text == "Q: How can I reach you? A: Call [private] any time."
