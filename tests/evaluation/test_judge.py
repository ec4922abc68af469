"""Rubrics: graded by a judge model when there is one, otherwise skipped, never passed."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
from openai import AsyncOpenAI

from ask_applicant.evaluation.judge import NO_JUDGE, Judge, grade_rubric, parse_grade
from ask_applicant.evaluation.report import case_status
from ask_applicant.evaluation.transcript import Transcript, TurnRecord

TRANSCRIPT = Transcript(
    turns=[
        TurnRecord(question="Where did you study?", answer="At Hanbit University."),
        TurnRecord(question="Which degree?", answer="A Bachelor of Engineering."),
    ]
)


def _judge(reply: Callable[[dict], httpx.Response]) -> tuple[Judge, list[dict]]:
    seen: list[dict] = []

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        seen.append(body)
        return reply(body)

    client = AsyncOpenAI(
        api_key="test",
        base_url="http://judge.test/v1",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        max_retries=0,
    )
    return Judge(client, "judge-model"), seen


def _completion(content: str) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "id": "c1",
            "object": "chat.completion",
            "created": 0,
            "model": "judge-model",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {"role": "assistant", "content": content},
                }
            ],
        },
    )


async def test_without_a_judge_a_rubric_is_skipped_and_the_case_does_not_pass() -> None:
    verdict = await grade_rubric("Names the degree.", TRANSCRIPT, None)
    assert verdict.status == "skipped" and verdict.reason == NO_JUDGE
    assert case_status([verdict], TRANSCRIPT) == "skipped"


async def test_the_judge_sees_the_whole_conversation_and_its_pass_is_a_pass() -> None:
    judge, seen = _judge(lambda _: _completion('{"passed": true, "reason": "says Bachelor"}'))
    verdict = await grade_rubric("Names the degree.", TRANSCRIPT, judge)
    assert verdict.status == "passed" and verdict.reason == "judge judge-model: says Bachelor"
    prompt = seen[0]["messages"][-1]["content"]
    assert "Rubric: Names the degree." in prompt
    assert "Q1: Where did you study?" in prompt and "A2: A Bachelor of Engineering." in prompt
    assert seen[0]["model"] == "judge-model"


async def test_the_judges_fail_is_a_failed_verdict() -> None:
    reply = 'Sure. {"passed": false, "reason": "no degree named"}'
    judge, _ = _judge(lambda _: _completion(reply))
    verdict = await grade_rubric("Names the degree.", TRANSCRIPT, judge)
    assert verdict.status == "failed" and "no degree named" in verdict.reason


async def test_a_judge_reply_without_a_verdict_is_skipped_not_passed() -> None:
    judge, _ = _judge(lambda _: _completion("I think it is fine."))
    verdict = await grade_rubric("Names the degree.", TRANSCRIPT, judge)
    assert verdict.status == "skipped" and "judge gave no verdict" in verdict.reason


async def test_an_unreachable_judge_is_skipped_with_the_error() -> None:
    judge, _ = _judge(lambda _: httpx.Response(500, json={"error": {"message": "down"}}))
    verdict = await grade_rubric("Names the degree.", TRANSCRIPT, judge)
    assert verdict.status == "skipped" and verdict.reason.startswith("judge failed:")


async def test_a_failed_turn_is_not_sent_to_the_judge() -> None:
    judge, seen = _judge(lambda _: _completion('{"passed": true}'))
    failed = Transcript(turns=[TurnRecord(question="q", error="timeout: slow")])
    verdict = await grade_rubric("Anything.", failed, judge)
    assert verdict.status == "skipped" and seen == []


def test_a_grade_needs_a_boolean_passed() -> None:
    assert parse_grade('{"passed": true, "reason": "ok"}') == (True, "ok")
    assert parse_grade('{"passed": "yes"}') is None
    assert parse_grade("{not json}") is None
