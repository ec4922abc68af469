"""Grading `rubric:` expectations with a judge model.

Without a judge (the offline model, or no key) a rubric is reported as skipped, and a
skipped verdict never counts as a pass. A judge that cannot be reached or answers
nonsense also gives a skipped verdict: that is the judge's failure, not the agent's.
"""

from __future__ import annotations

import json
import re

import openai
from openai import AsyncOpenAI

from ask_applicant.evaluation.assertions import Verdict, snippet
from ask_applicant.evaluation.transcript import Transcript

NO_JUDGE = "no judge model configured (the offline model cannot grade a rubric)"
_MAX_ANSWER_CHARS = 6000
_JSON_OBJECT = re.compile(r"\{.*\}", re.DOTALL)

_INSTRUCTIONS = """You grade answers given by an assistant that answers recruiters' \
questions about one job applicant. You receive the conversation and a rubric. Decide \
whether the LAST answer satisfies the rubric. Reply with one JSON object and nothing else: \
{"passed": true or false, "reason": "one sentence that quotes or names what decided it"}."""


def _conversation(transcript: Transcript) -> str:
    lines = []
    for number, turn in enumerate(transcript.turns, start=1):
        lines.append(f"Q{number}: {turn.question}")
        lines.append(f"A{number}: {turn.answer[:_MAX_ANSWER_CHARS]}")
    return "\n".join(lines)


def parse_grade(text: str) -> tuple[bool, str] | None:
    """`(passed, reason)` from a judge's reply, or None when it holds no usable verdict."""
    found = _JSON_OBJECT.search(text)
    if found is None:
        return None
    try:
        data = json.loads(found.group())
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("passed"), bool):
        return None
    return data["passed"], str(data.get("reason") or "")


class Judge:
    """A model that grades an answer against a rubric.

    Args:
        client: An OpenAI (or compatible) client; the caller owns and closes it.
        model: The judge model's name.
    """

    def __init__(self, client: AsyncOpenAI, model: str) -> None:
        self.client = client
        self.model = model

    async def grade(self, rubric: str, transcript: Transcript) -> Verdict:
        """Grade the last answer of `transcript` against `rubric`.

        Returns:
            A passed or failed verdict with the judge's reason, or a skipped one when the
            judge failed to answer usably.
        """
        prompt = f"Rubric: {rubric}\n\nConversation:\n{_conversation(transcript)}"
        try:
            response = await self.client.chat.completions.create(
                model=self.model,
                messages=[
                    {"role": "system", "content": _INSTRUCTIONS},
                    {"role": "user", "content": prompt},
                ],
                temperature=0,
            )
        except openai.OpenAIError as error:
            return Verdict(kind="rubric", status="skipped", reason=f"judge failed: {error}")
        text = response.choices[0].message.content or "" if response.choices else ""
        grade = parse_grade(text)
        if grade is None:
            reason = f"judge gave no verdict: {snippet(text)!r}"
            return Verdict(kind="rubric", status="skipped", reason=reason)
        passed, why = grade
        return Verdict(
            kind="rubric",
            status="passed" if passed else "failed",
            reason=f"judge {self.model}: {why}",
        )


async def grade_rubric(rubric: str, transcript: Transcript, judge: Judge | None) -> Verdict:
    """The rubric's verdict: the judge's grade, or skipped without a judge or an answer."""
    if transcript.error is not None:
        return Verdict(kind="rubric", status="skipped", reason="the turn failed; nothing to grade")
    if judge is None:
        return Verdict(kind="rubric", status="skipped", reason=NO_JUDGE)
    return await judge.grade(rubric, transcript)
