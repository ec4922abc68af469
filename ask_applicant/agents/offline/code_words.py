"""Code words: the one word a literal code search looks for, taken from a question.

A code search (the portfolio server's `search_code`) returns the lines that contain a
word or phrase, so the question's content words together ("message broker", "방 입장")
rarely occur verbatim. The search looks for one word instead: the last content word,
which in an English noun phrase is its head ("message broker" -> "broker"), leaving out
the words that only say the question is about code ("implement", "구현"). Source code is
written in English, so common Korean developer words are looked up in English.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

# Words that say "show me the code" rather than what the code is about.
FRAMING_EN = frozenset(
    """
    implement implemented implementation implementing implements code codes source
    sources codebase repo repository file files handle handled handles handling logic
    part parts way ways function functions feature features done
    """.split()
)
FRAMING_KO = ("구현", "코드", "소스", "로직", "처리", "방식", "부분", "기능", "저장소", "파일")

# Korean developer words -> the English word code uses for them.
KOREAN_CODE_WORDS: Mapping[str, str] = {
    "채팅방": "room",
    "방": "room",
    "입장": "join",
    "참여": "join",
    "퇴장": "leave",
    "나가기": "leave",
    "메시지": "message",
    "메세지": "message",
    "브로커": "broker",
    "구독": "subscribe",
    "발행": "publish",
    "전송": "send",
    "발송": "send",
    "수신": "receive",
    "연결": "connect",
    "접속": "connect",
    "소켓": "socket",
    "웹소켓": "websocket",
    "채널": "channel",
    "종료": "shutdown",
    "셧다운": "shutdown",
    "큐": "queue",
    "대기열": "queue",
    "백프레셔": "backpressure",
    "배압": "backpressure",
    "재시도": "retry",
    "테스트": "test",
    "설정": "config",
    "사용자": "user",
    "회원": "member",
    "멤버": "member",
    "인증": "auth",
    "로그인": "login",
    "캐시": "cache",
    "저장": "save",
    "이벤트": "event",
    "라우터": "router",
    "엔드포인트": "endpoint",
    "예외": "exception",
    "에러": "error",
    "오류": "error",
    "로그": "log",
    "타임아웃": "timeout",
    "트랜잭션": "transaction",
    "멱등": "idempotent",
    "정산": "settlement",
    "결제": "payment",
    "주문": "order",
}


def code_term(content: Sequence[str]) -> str:
    """Choose the word to search source code for.

    Args:
        content: The question's content words in order, framing words of the question
            itself ("how", "알려줘") already removed.

    Returns:
        One English word when the question gives one, else the last content word; "" when
        only framing words are left.
    """
    words = [word for word in content if not _framing(word)]
    if not words:
        return ""
    return _singular(KOREAN_CODE_WORDS.get(words[-1], words[-1]))


def _framing(word: str) -> bool:
    return word.lower() in FRAMING_EN or word.startswith(FRAMING_KO)


def _singular(word: str) -> str:
    # A substring search for "room" also finds "rooms"; the reverse does not hold.
    if word.islower() and len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
