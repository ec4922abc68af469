"""Chat UIs' own background prompts (titles, tags, follow-ups), answered without a run.

Open WebUI and LibreChat send these to the same model as the conversation. Running
them through the agents would cost a model call, could be refused by a guardrail and
would count against the key's concurrency cap, so they are recognised by their
built-in prompt templates and answered at once, in the format each template asks for:

| Client | Task | Recognised by | Answer |
|---|---|---|---|
| Open WebUI | title | `### Task:` … `title` | `{"title": "💼 …"}` from the first question |
| Open WebUI | tags | `### Task:` … `tags categorizing` | `{"tags": [...]}` |
| Open WebUI | follow-ups | `### Task:` … `follow-up questions` | `{"follow_ups": [...]}` |
| Open WebUI | web search queries | `### Task:` … `search queries` | `{"queries": []}` |
| Open WebUI | autocomplete | `### Task:` … `autocompletion system` | `{"text": ""}` |
| Open WebUI | image prompt | `### Task:` … `image generation` | `{"prompt": ""}` |
| Open WebUI | emoji | `facial expression` … `emoji` | `💼` |
| LibreChat | title | `5-word-or-less title`, `concise title in the detected language` | text |
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ask_applicant.agents.refusals import language_of

TITLE_WORDS = 5
TITLE_EMOJI = "💼"
_TASK = re.compile(r"^\s*###\s*Task:\s*(?P<task>.*)", re.IGNORECASE | re.DOTALL)
_HISTORY_LINE = re.compile(r"^\s*(?:USER|User|Human)\s*:\s*(?P<text>.+)$", re.MULTILINE)
_LIBRECHAT_TITLE = ("5-word-or-less title", "concise title in the detected language")

FOLLOW_UPS = {
    "en": [
        "Which projects has the applicant led, and what was their part?",
        "Which programming languages does the applicant know best?",
        "What did the applicant do in their most recent role?",
        "Where did the applicant study?",
    ],
    "ko": [
        "지원자가 주도한 프로젝트와 그 역할은 무엇인가요?",
        "지원자가 가장 잘 다루는 프로그래밍 언어는 무엇인가요?",
        "지원자는 최근 직장에서 어떤 일을 했나요?",
        "지원자는 어디에서 공부했나요?",
    ],
}
TAGS = {"en": ["Careers", "Recruiting", "Applicant"], "ko": ["커리어", "채용", "지원자"]}
DEFAULT_TITLE = {"en": "About the applicant", "ko": "지원자에 대하여"}


@dataclass(frozen=True)
class Chore:
    """A recognised background prompt and its ready answer.

    Attributes:
        task: What the client asked for (`title`, `tags`, `follow_ups`, ...).
        answer: The text to send back as the assistant's reply.
    """

    task: str
    answer: str


def recognise(prompt: str) -> Chore | None:
    """The chore `prompt` asks for, answered; None for a real question."""
    lowered = prompt.lower()
    if any(marker in lowered for marker in _LIBRECHAT_TITLE):
        return Chore("title", _title(prompt, emoji=False))
    if "facial expression" in lowered and "emoji" in lowered:
        return Chore("emoji", TITLE_EMOJI)
    match = _TASK.match(prompt)
    if match is None:
        return None
    task = match.group("task").split("###", 1)[0].lower()
    language = language_of(_first_question(prompt) or "")
    if "follow-up" in task:
        return Chore("follow_ups", _json({"follow_ups": FOLLOW_UPS[language]}))
    if "tags" in task:
        return Chore("tags", _json({"tags": TAGS[language]}))
    if "title" in task:
        return Chore("title", _json({"title": _title(prompt, emoji=True)}))
    if "search quer" in task or "queries" in task:
        return Chore("queries", _json({"queries": []}))
    if "autocompletion" in task:
        return Chore("autocomplete", _json({"text": ""}))
    if "image generation" in task:
        return Chore("image_prompt", _json({"prompt": ""}))
    return None


def _first_question(prompt: str) -> str | None:
    match = _HISTORY_LINE.search(prompt)
    return match.group("text").strip() if match else None


def _title(prompt: str, *, emoji: bool) -> str:
    question = _first_question(prompt)
    language = language_of(question or "")
    words = re.sub(r"[^\w\s]", " ", question or "").split()
    title = " ".join(words[:TITLE_WORDS]) or DEFAULT_TITLE[language]
    return f"{TITLE_EMOJI} {title}" if emoji else title


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
