"""OfflineModel end to end: real SDK runs over a triage -> specialists -> tools graph."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
from agents import FunctionTool, ModelSettings, Runner
from agents.items import HandoffOutputItem, MessageOutputItem, ToolCallItem
from agents.models.interface import ModelTracing

from ask_applicant.agents.offline import OfflineModel

from .conftest import Graph, build_graph

QUESTIONS: list[tuple[str, str]] = [
    ("Where did she study?", "resume"),
    ("What is her educational background?", "resume"),
    ("What degree does Minji have?", "resume"),
    ("What programming languages does she know?", "resume"),
    ("What are her technical skills?", "resume"),
    ("Does she have any certificates?", "resume"),
    ("Is she AWS certified?", "resume"),
    ("Which languages does she speak?", "resume"),
    ("How can I contact her?", "resume"),
    ("What is her email address?", "resume"),
    ("Does she know Kubernetes?", "resume"),
    ("Has she won any awards?", "resume"),
    ("Give me a short summary of the applicant.", "resume"),
    ("Who is Kim Minji?", "resume"),
    ("학력이 어떻게 되나요?", "resume"),
    ("어느 대학교를 졸업했나요?", "resume"),
    ("전공이 무엇인가요?", "resume"),
    ("보유 기술 스택을 알려주세요", "resume"),
    ("자격증이 있나요?", "resume"),
    ("영어를 할 수 있나요?", "resume"),
    ("이메일 주소가 뭐예요?", "resume"),
    ("자기소개 부탁드립니다", "resume"),
    ("What projects has she built?", "project"),
    ("Tell me about the chat service project", "project"),
    ("What was her role in the ledger project?", "project"),
    ("Show me her side projects", "project"),
    ("Does she have a portfolio?", "project"),
    ("Which project used WebSocket?", "project"),
    ("What is the resume-bot?", "project"),
    ("Where is the source code of the chat service?", "project"),
    ("What technologies did the chat service use?", "project"),
    ("어떤 프로젝트를 했나요?", "project"),
    ("채팅 서비스 프로젝트에 대해 알려줘", "project"),
    ("복식부기 원장 프로젝트는 무엇인가요?", "project"),
    ("포트폴리오를 보여주세요", "project"),
    ("사이드 프로젝트가 있나요?", "project"),
    ("실시간 채팅 서비스는 어떤 기술로 만들었나요?", "project"),
    ("Where has she worked?", "career"),
    ("What is her current job?", "career"),
    ("What did she do at Kakao?", "career"),
    ("How many years of Python experience does she have?", "career"),
    ("How long has she used Go?", "career"),
    ("Is she a good fit for a senior backend role requiring Go, Kafka and Kubernetes?", "career"),
    (
        "Here is our job description: backend engineer, Python, Django, AWS. Does she match?",
        "career",
    ),
    ("Why is she leaving her current company?", "career"),
    ("What are her career goals?", "career"),
    ("What kind of role is she looking for?", "career"),
    ("What is her working style?", "career"),
    ("Does she prefer remote work?", "career"),
    ("What companies has she worked for?", "career"),
    ("경력을 알려주세요", "career"),
    ("파이썬 경력이 몇 년인가요?", "career"),
    ("카프카를 얼마나 오래 사용했나요?", "career"),
    ("왜 이직하려고 하나요?", "career"),
    ("희망하는 직무가 무엇인가요?", "career"),
    ("현재 회사에서 어떤 업무를 하나요?", "career"),
    ("이 채용공고에 적합한가요? Go, Kafka, Kubernetes 경험 필수", "career"),
    ("커리어 목표가 무엇인가요?", "career"),
    ("카카오에서 무슨 일을 했나요?", "career"),
    ("토스에서 어떤 역할을 맡았나요?", "career"),
    ("Can you share her LinkedIn or website?", "resume"),
    ("What databases is she familiar with?", "resume"),
    ("Does she know Terraform?", "resume"),
    ("Tell me about her education", "resume"),
    ("Is she fluent in English?", "resume"),
    ("Any certifications?", "resume"),
    ("What cloud platforms does she know?", "resume"),
    ("그녀의 기술 역량은 어떤가요?", "resume"),
    ("정보처리기사 자격증이 있나요?", "resume"),
    ("한국어와 영어 수준은?", "resume"),
    ("Which of her projects used Kafka?", "project"),
    ("Tell me about the ledger", "project"),
    ("What problem did the Ask the Applicant bot solve?", "project"),
    ("Can I see the repository for her projects?", "project"),
    ("What did she build with Redis pub/sub?", "project"),
    ("원장 프로젝트에서 어떤 역할을 했나요?", "project"),
    ("진행한 프로젝트 목록을 보여주세요", "project"),
    ("이 사람이 만든 봇에 대해 설명해 주세요", "project"),
    ("How many years has she worked as a backend engineer?", "career"),
    ("Would she fit a data engineering role with Spark and Airflow?", "career"),
    ("What is her salary expectation?", "career"),
    ("When can she start?", "career"),
    ("Why should we hire her?", "career"),
    ("What was her position at Toss?", "career"),
    ("Tell me about her work experience", "career"),
    ("What is her most recent employer?", "career"),
    ("Go를 몇 년 사용했나요?", "career"),
    ("연봉은 얼마를 희망하나요?", "career"),
    ("재택근무를 선호하나요?", "career"),
    ("이전 직장은 어디인가요?", "career"),
]


def _schemas(graph: Graph) -> dict[str, dict[str, Any]]:
    return {
        tool.name: tool.params_json_schema
        for agent in graph.by_key.values()
        for tool in agent.tools
        if isinstance(tool, FunctionTool)
    }


def _tool_calls(result: Any) -> list[Any]:
    return [item.raw_item for item in result.new_items if isinstance(item, ToolCallItem)]


def _texts(output: list[Any]) -> list[str]:
    return [part.text for item in output for part in item.content]


def _is_korean(text: str) -> bool:
    return any("가" <= char <= "힣" for char in text)


async def test_questions_in_english_and_korean_reach_the_right_specialist(graph: Graph) -> None:
    schemas = _schemas(graph)
    missed: dict[bool, list[str]] = {True: [], False: []}
    for question, expected in QUESTIONS:
        result = await Runner.run(graph.by_key["triage"], question)
        if graph.key_of(result.last_agent) != expected:
            missed[_is_korean(question)].append(
                f"{question!r} -> {graph.key_of(result.last_agent)}"
            )
        for call in _tool_calls(result):
            if call.name in schemas:
                jsonschema.validate(json.loads(call.arguments), schemas[call.name])
        assert result.final_output.strip()
    for korean in (True, False):
        asked = [q for q, _ in QUESTIONS if _is_korean(q) is korean]
        accuracy = 1 - len(missed[korean]) / len(asked)
        assert accuracy >= 0.9, "\n".join(missed[korean])
    assert len([q for q, _ in QUESTIONS if _is_korean(q)]) >= 25


async def test_a_question_nothing_matches_gets_the_help_message_from_triage(graph: Graph) -> None:
    result = await Runner.run(graph.by_key["triage"], "What's the weather like?")
    assert result.last_agent is graph.by_key["triage"]
    assert "You can ask about:" in result.final_output
    assert "- Questions about the resume" in result.final_output


async def test_the_answer_cites_the_facts_the_tool_returned(graph: Graph) -> None:
    result = await Runner.run(graph.by_key["triage"], "What did she do at Kakao?")
    tools = [call.name for call in _tool_calls(result)]
    handoffs = [
        item.target_agent.name for item in result.new_items if isinstance(item, HandoffOutputItem)
    ]
    assert handoffs == ["Career specialist"]
    assert tools[-1] == "get_work_history"
    assert result.final_output == (
        "Server Developer at Kakao, 2016-07 – 2021-02. "
        "Ran the KakaoTalk chat server on Python and Redis. (work[1])"
    )


async def test_third_person_voice_names_the_applicant() -> None:
    graph = build_graph(voice="third_person")
    result = await Runner.run(graph.by_key["triage"], "자격증이 어떻게 되나요?")
    assert result.final_output.startswith("Kim Minji님의 프로필에 따르면:")


async def test_a_sticky_specialist_hands_a_foreign_question_back_once(graph: Graph) -> None:
    result = await Runner.run(graph.by_key["project"], "Where did she study?")
    handoffs = [
        item.target_agent.name for item in result.new_items if isinstance(item, HandoffOutputItem)
    ]
    assert handoffs == ["Triage", "Resume specialist"]
    assert "Seoul National University" in result.final_output


async def test_the_same_question_gives_the_same_answer_streamed_or_not(graph: Graph) -> None:
    question = "파이썬 경력이 몇 년인가요?"
    first = await Runner.run(graph.by_key["triage"], question)
    second = await Runner.run(graph.by_key["triage"], question)
    streamed = Runner.run_streamed(graph.by_key["triage"], question)
    deltas: list[str] = []
    async for event in streamed.stream_events():
        if event.type == "raw_response_event" and event.data.type == "response.output_text.delta":
            deltas.append(event.data.delta)
    assert first.final_output == second.final_output == streamed.final_output
    assert "".join(deltas) == streamed.final_output
    # Streamed in phrases (issue 13): several deltas, fewer than the words.
    assert 1 < len(deltas) < len(streamed.final_output.split())


async def test_streamed_events_are_well_formed_per_model_call(graph: Graph) -> None:
    streamed = Runner.run_streamed(graph.by_key["triage"], "Tell me about the chat service project")
    responses: list[list[Any]] = []
    async for event in streamed.stream_events():
        if event.type != "raw_response_event":
            continue
        if event.data.type == "response.created":
            responses.append([])
        responses[-1].append(event.data)
    assert len(responses) == 3  # triage handoff, tool call, answer
    for events in responses:
        assert [event.sequence_number for event in events] == list(range(len(events)))
        assert events[0].type == "response.created" and events[-1].type == "response.completed"
        assert events[-1].response.usage.total_tokens > 0


async def test_ids_are_unique_across_turns_and_usage_is_reported(graph: Graph) -> None:
    call_ids: list[str] = []
    message_ids: list[str] = []
    for _ in range(3):
        result = await Runner.run(graph.by_key["triage"], "How many years of Python experience?")
        call_ids += [call.call_id for call in _tool_calls(result)]
        message_ids += [
            item.raw_item.id for item in result.new_items if isinstance(item, MessageOutputItem)
        ]
        usage = result.context_wrapper.usage
        assert usage.requests == 3
        assert usage.input_tokens > 0 and usage.output_tokens > 0
        assert usage.total_tokens == usage.input_tokens + usage.output_tokens
    assert len(call_ids) == len(set(call_ids)) == 3
    assert len(message_ids) == len(set(message_ids)) == 3


async def test_get_response_and_stream_response_carry_the_same_output() -> None:
    model = OfflineModel()
    arguments: dict[str, Any] = {
        "system_instructions": "VOICE: first_person",
        "input": [{"role": "user", "content": "hello"}],
        "model_settings": ModelSettings(),
        "tools": [],
        "output_schema": None,
        "handoffs": [],
        "tracing": ModelTracing.DISABLED,
        "previous_response_id": None,
        "conversation_id": None,
        "prompt": None,
    }
    direct = await model.get_response(**arguments)
    events = [event async for event in model.stream_response(**arguments)]
    completed: Any = events[-1]
    assert completed.type == "response.completed"
    assert _texts(completed.response.output) == _texts(direct.output)
    assert direct.usage.requests == 1 and direct.usage.output_tokens > 0
