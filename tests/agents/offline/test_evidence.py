"""Evidence: tool outputs become ranked facts with their sources."""

from __future__ import annotations

import json

from ask_applicant.agents.offline.evidence import Evidence, Fact, parse_output
from ask_applicant.agents.offline.query import Query
from ask_applicant.agents.offline.transcript import Exchange


def _exchange(name: str, output: str, arguments: str = "{}") -> Exchange:
    return Exchange(
        call_id=f"c-{name}", name=name, arguments=arguments, output=output, is_handoff=False
    )


WORK = json.dumps(
    {
        "facts": [
            {"source": "work[0]", "text": "Backend Engineer at Toss, 2021 – present."},
            {"source": "work[1]", "text": "Server Developer at Kakao, 2016 – 2021."},
        ],
        "note": "About 8 years in total.",
    }
)


def test_tool_json_becomes_facts_and_a_note() -> None:
    facts, note = parse_output(WORK, "get_work_history")
    assert facts[1] == Fact(source="work[1]", text="Server Developer at Kakao, 2016 – 2021.")
    assert note == "About 8 years in total."


def test_plain_text_output_is_read_line_by_line_with_the_tool_as_source() -> None:
    facts, note = parse_output("- first line\n\n* second line\n", "mcp_readme")
    assert facts == [Fact("mcp_readme", "first line"), Fact("mcp_readme", "second line")]
    assert note is None


def test_tool_errors_and_empty_outputs_hold_no_facts() -> None:
    assert parse_output("An error occurred while running the tool. Error: boom", "t") == ([], None)
    assert parse_output("   ", "t") == ([], None)
    assert parse_output('{"facts": [{"source": "x", "text": "  "}, 3]}', "t") == ([], None)


def test_facts_the_question_mentions_come_first_and_the_rest_keep_their_order() -> None:
    evidence = Evidence.gather(
        [_exchange("get_work_history", WORK)], Query.of("What did she do at Kakao?").all
    )
    assert [fact.source for fact in evidence.facts] == ["work[1]", "work[0]"]


def test_the_source_field_counts_for_relevance() -> None:
    output = json.dumps(
        {
            "facts": [
                {"source": "basics.name", "text": "Kim"},
                {"source": "basics.email", "text": "k@x.io"},
            ]
        }
    )
    evidence = Evidence.gather(
        [_exchange("get_basics", output)], Query.of("What is her email?").all
    )
    assert evidence.facts[0].source == "basics.email"


def test_a_fallback_the_question_did_not_ask_for_keeps_only_facts_that_touch_it() -> None:
    empty = json.dumps({"facts": [], "note": "Nothing matches 'awards'."})
    basics = json.dumps({"facts": [{"source": "basics.name", "text": "Kim Minji"}]})
    exchanges = [
        _exchange("search_resume", empty, '{"query": "awards"}'),
        _exchange("get_basics", basics),
    ]
    strict = Evidence.gather(exchanges, Query.of("Any awards?").all, strict={"get_basics"})
    lenient = Evidence.gather(exchanges, Query.of("Any awards?").all)
    assert strict.empty and strict.notes == ["Nothing matches 'awards'."]
    assert [fact.text for fact in lenient.facts] == ["Kim Minji"]
    # Once another tool found facts, the first tool's "nothing matches" note is noise.
    assert lenient.notes == []


def test_facts_are_deduplicated_and_capped() -> None:
    many = json.dumps(
        {"facts": [{"source": f"s{i % 3}", "text": f"fact {i % 3}"} for i in range(30)]}
    )
    evidence = Evidence.gather([_exchange("t", many)], [], limit=2)
    assert [fact.text for fact in evidence.facts] == ["fact 0", "fact 1"]
