"""Declining a private detail, with the public ways to reach the applicant instead.

The decline names what was asked ("phone number", "집 주소") in the question's language
and the profile's voice, never with a yes or a no, and points to the public channels the
basics tool returned this turn (email, website, profile links). Without them it offers
to give them, since the composer states no fact a tool did not return.
"""

from __future__ import annotations

from collections.abc import Sequence

from agents import FunctionTool, Tool

from ask_applicant.agents.offline.evidence import Fact, parse_output
from ask_applicant.agents.offline.particulars import CHANNELS
from ask_applicant.agents.offline.private_topics import PrivateKind
from ask_applicant.agents.offline.transcript import Exchange
from ask_applicant.agents.offline.voice import Voice

_ENGLISH: dict[PrivateKind, str] = {
    "phone": "phone number",
    "address": "home address",
    "birth": "birth date",
    "age": "age",
}
_KOREAN: dict[PrivateKind, str] = {
    "phone": "전화번호",
    "address": "집 주소",
    "birth": "생년월일",
    "age": "나이",
}
# What the area that gives the public ways to reach the applicant holds.
CONTACT_TOPIC = "contact email links profiles basics"


def lists_channels(tool: Tool) -> bool:
    """A function tool without required arguments that returns the email and links."""
    if not isinstance(tool, FunctionTool):
        return False
    described = (tool.description or "").lower()
    required = tool.params_json_schema.get("required") or []
    return "email" in described and "link" in described and not required


def decline(
    kinds: Sequence[PrivateKind],
    voice: Voice,
    *,
    korean: bool,
    exchanges: Sequence[Exchange] = (),
) -> str:
    """Decline the private details asked for and point to the public channels.

    Args:
        kinds: What was asked for (at least one).
        voice: Who speaks.
        korean: Answer in Korean.
        exchanges: This turn's finished tool calls; their basics give the channels.

    Returns:
        The decline.
    """
    channels = _channels(exchanges)
    if korean:
        return _korean(kinds, voice, channels)
    return _english(kinds, voice, channels)


def _channels(exchanges: Sequence[Exchange]) -> list[tuple[str, str]]:
    """(kind, value) of each public channel: ("email", …), ("website", …), ("GitHub", url)."""
    facts: list[Fact] = []
    for exchange in exchanges:
        if exchange.output is not None and not exchange.is_handoff:
            facts.extend(parse_output(exchange.output, exchange.name)[0])
    found: list[tuple[str, str]] = []
    for fact in facts:
        if fact.source not in CHANNELS:
            continue
        value = fact.text.split(": ", 1)[-1].strip()
        if fact.source == "basics.profiles":
            for entry in value.split("; "):
                words = entry.split()
                if words:
                    found.append((words[0], words[-1]))
        else:
            found.append(("email" if fact.source == "basics.email" else "website", value))
    return list(dict.fromkeys(found))


def _english(kinds: Sequence[PrivateKind], voice: Voice, channels: list[tuple[str, str]]) -> str:
    details = [_ENGLISH[kind] for kind in kinds]
    named = details[0] if len(details) == 1 else f"{', '.join(details[:-1])} and {details[-1]}"
    verb, pronoun = ("is", "it") if len(details) == 1 else ("are", "them")
    if voice.first_person:
        owner, whom = "my", "me"
    else:
        name = voice.english_name()
        owner, whom = (f"{name}'" if name.endswith("s") else f"{name}'s"), name
    head = f"I'm sorry, {owner} {named} {verb} private, so I can't share {pronoun} here."
    if not channels:
        return f"{head} I can give you {owner} public email or profile links instead."
    routes = []
    for kind, value in channels:
        if kind == "email":
            routes.append(f"by email at {value}")
        else:
            routes.append(f"through {owner} {kind} ({value})")
    listed = routes[0] if len(routes) == 1 else f"{', '.join(routes[:-1])} or {routes[-1]}"
    return f"{head} You can reach {whom} {listed}."


def _korean(kinds: Sequence[PrivateKind], voice: Voice, channels: list[tuple[str, str]]) -> str:
    details = [_KOREAN[kind] for kind in kinds]
    last = details[-1][-1]
    # 은 after a final consonant (생년월일은), 는 after a vowel (전화번호는).
    topic = "은" if (ord(last) - 0xAC00) % 28 else "는"
    owner = "제" if voice.first_person else f"{voice.korean_name()}의"
    head = (
        f"죄송하지만 {owner} {', '.join(details)}{topic} 공개하지 않는 개인 정보라 "
        "알려 드릴 수 없습니다."
    )
    if not channels:
        return f"{head} 공개된 이메일이나 프로필 링크는 안내해 드릴 수 있습니다."
    words = {"email": "이메일", "website": "웹사이트"}
    routes = [f"{words.get(kind, kind)} {value}" for kind, value in channels]
    return f"{head} 다음 공개 연락처로 연락하실 수 있습니다: {', '.join(routes)}"
