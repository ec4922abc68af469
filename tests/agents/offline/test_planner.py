"""The planner's turn rules: route, call one tool, answer, hand back at most once."""

from __future__ import annotations

import json
from typing import Any

from agents import Agent, FunctionTool, Handoff, handoff
from pydantic import BaseModel

from ask_applicant.agents.offline.planner import MAX_HANDOFFS_PER_TURN, Call, Planner, Reply

from .conftest import CAREER_TOOLS, PROJECT_TOOLS, Graph, build_graph

INSTRUCTIONS = "APPLICANT: Kim Minji\nVOICE: first_person"


def _handoffs(agent: Agent[Any]) -> list[Handoff[Any, Any]]:
    return [item if isinstance(item, Handoff) else handoff(item) for item in agent.handoffs]


def _decide(graph: Graph, key: str, items: Any) -> Call | Reply:
    agent = graph.by_key[key]
    tools = [tool for tool in agent.tools if isinstance(tool, FunctionTool)]
    decision, _ = Planner(graph.vocabulary).decide(INSTRUCTIONS, items, tools, _handoffs(agent))
    return decision


def _turn(question: str, *calls: tuple[str, str]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = [{"role": "user", "content": question}]
    for index, (name, output) in enumerate(calls):
        items.append(
            {"type": "function_call", "call_id": f"c{index}", "name": name, "arguments": "{}"}
        )
        items.append({"type": "function_call_output", "call_id": f"c{index}", "output": output})
    return items


TRANSFER = json.dumps({"assistant": "Triage"})
EMPTY = json.dumps({"facts": []})


def test_triage_calls_the_winning_handoff_with_no_arguments(graph: Graph) -> None:
    assert _decide(graph, "triage", "Where did she study?") == Call(
        "transfer_to_resume_specialist", {}
    )
    assert _decide(graph, "triage", "왜 이직하려고 하나요?") == Call(
        "transfer_to_career_specialist", {}
    )


def test_a_question_about_a_year_goes_to_the_work_history(graph: Graph) -> None:
    for question in ("What was she doing in 2017?", "2015년에는 뭐 하셨어요?"):
        assert _decide(graph, "triage", question) == Call("transfer_to_career_specialist", {})


def test_triage_answers_with_help_when_nothing_matches(graph: Graph) -> None:
    english = _decide(graph, "triage", "hello")
    korean = _decide(graph, "triage", "안녕하세요")
    assert isinstance(english, Reply) and english.text.startswith("I can answer questions about me")
    # The first-person voice says "my", not "the applicant's", in the help as well.
    assert "- Questions about my projects" in english.text
    assert isinstance(korean, Reply) and korean.text.startswith("저에 대해")


def test_triage_stops_routing_once_a_turn_has_handed_off_enough(graph: Graph) -> None:
    calls = [("transfer_to_x", TRANSFER)] * MAX_HANDOFFS_PER_TURN
    assert isinstance(_decide(graph, "triage", _turn("Where did she study?", *calls)), Reply)


def test_a_specialist_calls_one_tool_then_answers_from_its_output(graph: Graph) -> None:
    first = _decide(
        graph,
        "career",
        _turn("How many years of Kafka?", ("transfer_to_career_specialist", TRANSFER)),
    )
    assert first == Call("years_of_experience", {"skill": "Kafka"})
    output = json.dumps({"facts": [{"source": "work", "text": "About 4.0 years of Kafka."}]})
    answer = _decide(
        graph,
        "career",
        _turn(
            "How many years of Kafka?",
            ("transfer_to_career_specialist", TRANSFER),
            ("years_of_experience", output),
        ),
    )
    # A duration question is answered by the fact itself, with no listing frame.
    assert answer == Reply("About 4.0 years of Kafka. (work)")


def test_an_empty_result_earns_exactly_one_more_attempt(graph: Graph) -> None:
    question = "Which project used WebSocket?"
    retry = _decide(graph, "project", _turn(question, ("get_project", EMPTY)))
    assert retry == Call("search_projects", {"query": "WebSocket"})
    final = _decide(
        graph, "project", _turn(question, ("get_project", EMPTY), ("search_projects", EMPTY))
    )
    assert isinstance(final, Reply) and "does not hold" in final.text


def test_a_specialist_hands_a_foreign_question_back_at_the_start_of_a_turn(graph: Graph) -> None:
    assert _decide(graph, "project", "Where did she study?") == Call("transfer_to_triage", {})
    assert _decide(graph, "resume", "hello") == Call("transfer_to_triage", {})


def test_a_specialist_reached_by_a_handoff_never_hands_back(graph: Graph) -> None:
    decision = _decide(
        graph,
        "project",
        _turn("Where did she study?", ("transfer_to_project_specialist", TRANSFER)),
    )
    assert isinstance(decision, Call) and decision.name in {tool.name for tool in PROJECT_TOOLS}


def test_a_specialist_keeps_questions_its_area_owns(graph: Graph) -> None:
    decision = _decide(graph, "project", "Tell me about the ledger")
    assert decision == Call("search_projects", {"query": "ledger"})


def test_an_mcp_style_tool_is_treated_like_any_function_tool() -> None:
    async def invoke(_ctx: Any, _args: str) -> str:
        return ""

    mcp_tool = FunctionTool(
        name="read_file",
        description="Read a file of the project's source repository.",
        params_json_schema={
            "type": "object",
            "properties": {"path": {"type": "string", "description": "Path inside the repository"}},
            "required": ["path"],
        },
        on_invoke_tool=invoke,
        strict_json_schema=False,
    )
    decision, _ = Planner().decide(
        None, "Read the file README.md of the repository", [mcp_tool], []
    )
    assert decision == Call("read_file", {"path": "README.md"})


def test_a_handoff_with_an_input_type_gets_schema_valid_arguments() -> None:
    class Reason(BaseModel):
        reason: str

    target: Agent[Any] = Agent(
        name="Career specialist", handoff_description="Work history and salary."
    )
    with_input = handoff(target, input_type=Reason, on_handoff=lambda _ctx, _data: None)
    decision, _ = Planner().decide(None, "What salary does she expect?", [], [with_input])
    assert isinstance(decision, Call) and decision.name == with_input.tool_name
    assert set(decision.arguments) == {"reason"} and decision.arguments["reason"]


def test_empty_questions_and_bare_agents_get_a_plain_answer() -> None:
    graph = build_graph()
    assert isinstance(_decide(graph, "career", ""), Reply)
    decision, _ = Planner().decide(None, "anything", [], [])
    assert isinstance(decision, Reply) and "does not hold" in decision.text


def test_the_answer_uses_only_the_tools_of_the_answering_agent(graph: Graph) -> None:
    foreign = json.dumps({"facts": [{"source": "x", "text": "should not appear"}]})
    decision = _decide(graph, "career", _turn("Where has she worked?", ("search_resume", foreign)))
    assert decision == Call("get_work_history", {})
    assert all(tool.name != "search_resume" for tool in CAREER_TOOLS)


def _conversation(*turns: tuple[str, list[tuple[str, str, str]]]) -> list[dict[str, Any]]:
    """Items of earlier turns (question, [(tool, arguments, output)]) then the new question."""
    items: list[dict[str, Any]] = []
    for question, calls in turns:
        items.append({"role": "user", "content": question})
        for name, arguments, output in calls:
            call_id = f"c{len(items)}"
            items.append(
                {"type": "function_call", "call_id": call_id, "name": name, "arguments": arguments}
            )
            items.append({"type": "function_call_output", "call_id": call_id, "output": output})
    return items


def test_triage_answers_small_talk_with_help_even_when_its_words_match_an_area(
    graph: Graph,
) -> None:
    # "questions" and "ask" occur in the project write-ups; they name no topic here.
    decision = _decide(graph, "triage", "Hi! What kind of questions can I ask you?")
    assert isinstance(decision, Reply) and decision.text.startswith("I can answer questions")


def test_a_specialist_hands_small_talk_back_to_triage(graph: Graph) -> None:
    assert _decide(graph, "career", "Thanks, that was helpful!") == Call("transfer_to_triage", {})


def test_an_elliptical_follow_up_stays_and_reuses_the_previous_frame(graph: Graph) -> None:
    items = _conversation(
        ("How many years of Kafka?", [("years_of_experience", '{"skill": "Kafka"}', EMPTY)]),
        ("And how about Redis?", []),
    )
    assert _decide(graph, "career", items) == Call("years_of_experience", {"skill": "Redis"})


def test_an_anaphoric_follow_up_stays_and_passes_the_previous_name(graph: Graph) -> None:
    items = _conversation(
        ("Tell me about the ledger", [("get_project", '{"name": "ledger"}', EMPTY)]),
        ("What was her role in it?", []),
    )
    assert _decide(graph, "project", items) == Call("get_project", {"name": "ledger"})


def test_a_follow_up_on_a_clearly_different_topic_still_goes_back(graph: Graph) -> None:
    items = _conversation(
        ("Tell me about the ledger", [("get_project", '{"name": "ledger"}', EMPTY)]),
        ("Is it open to remote work, and what salary does she expect there?", []),
    )
    assert _decide(graph, "project", items) == Call("transfer_to_triage", {})


def test_a_question_naming_a_thing_of_one_area_routes_there() -> None:
    graph = build_graph()
    agent = graph.by_key["triage"]
    names = {"Project specialist": ("Double-entry ledger", "복식부기 원장")}
    question = "Which skills did the double-entry ledger need?"
    # "skills" alone belongs to the resume; the named project decides.
    unnamed, _ = Planner(graph.vocabulary).decide(INSTRUCTIONS, question, [], _handoffs(agent))
    named, _ = Planner(graph.vocabulary, names=names).decide(
        INSTRUCTIONS, question, [], _handoffs(agent)
    )
    assert unnamed != Call("transfer_to_project_specialist", {})
    assert named == Call("transfer_to_project_specialist", {})


def test_a_question_naming_something_every_area_holds_is_routed_not_answered_with_help(
    graph: Graph,
) -> None:
    # "Kafka" is in a job, a project and the skills alike: no area wins outright, but
    # the question is about the applicant, so it goes to a specialist.
    decision = _decide(graph, "triage", _turn("Does she know Kafka?"))
    assert isinstance(decision, Call) and decision.name.startswith("transfer_to_")


def test_a_current_job_question_with_no_topic_word_goes_to_the_work_history(
    graph: Graph,
) -> None:
    decision = _decide(graph, "triage", _turn("Is she employed at the moment?"))
    assert decision == Call("transfer_to_career_specialist", {})


def test_one_planner_builds_its_routing_and_tool_indexes_once(
    graph: Graph, monkeypatch: Any
) -> None:
    from ask_applicant.agents.offline import planner as planner_module

    built: list[str] = []
    real_router, real_toolbox = planner_module.Router, planner_module.Toolbox

    def router(*args: Any) -> Any:
        built.append("router")
        return real_router(*args)

    def toolbox(*args: Any) -> Any:
        built.append("toolbox")
        return real_toolbox(*args)

    monkeypatch.setattr(planner_module, "Router", router)
    monkeypatch.setattr(planner_module, "Toolbox", toolbox)
    planner = Planner(graph.vocabulary)
    triage, career = graph.by_key["triage"], graph.by_key["career"]
    tools = [tool for tool in career.tools if isinstance(tool, FunctionTool)]
    for question in ("Where did she study?", "How many years of Kafka?", "Any awards?"):
        planner.decide(INSTRUCTIONS, _turn(question), [], _handoffs(triage))
        planner.decide(INSTRUCTIONS, _turn(question), tools, [])
    assert built.count("router") == 1
    assert built.count("toolbox") == 1


def test_a_working_condition_goes_to_the_career_area_whatever_else_it_names(graph: Graph) -> None:
    question = "Would she consider moving to Munich for the right role?"
    assert _decide(graph, "triage", question) == Call("transfer_to_career_specialist", {})


def test_where_she_is_based_is_the_basics_whatever_a_job_says(graph: Graph) -> None:
    for question in ("Where's she based?", "어디 사세요?"):
        assert _decide(graph, "triage", question) == Call("transfer_to_resume_specialist", {})
