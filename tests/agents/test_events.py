"""The delta gate keeps private values off the wire; tool outputs are capped."""

from __future__ import annotations

from ask_applicant.agents.disclosure import DisclosureScanner
from ask_applicant.agents.events import MAX_TOOL_OUTPUT_CHARS, DeltaGate, TurnEvent, cap
from ask_applicant.profile import PrivateValue

PHONE = PrivateValue("phone", "basics.phone", "010-1234-5678")


def _gate(window: int = 40) -> DeltaGate:
    return DeltaGate(DisclosureScanner([PHONE]), window=window)


def test_a_phone_number_split_over_deltas_is_never_released() -> None:
    gate = _gate()
    text = "I'm happy to talk. My number is 010-12" + "34-5678, call any time. " * 3
    released = ""
    for start in range(0, len(text), 3):
        released += gate.push("m1", text[start : start + 3])
    assert gate.finish("m1", text) is None
    assert "010" not in released
    assert "1234" not in released


def test_a_clean_message_is_released_in_full_and_in_order() -> None:
    gate = _gate(window=10)
    text = "I led the settlement platform at Haneul Pay for three years."
    released = [gate.push("m1", text[i : i + 7]) for i in range(0, len(text), 7)]
    # Held back only by the window: most of the text streams before the end.
    assert len("".join(released)) >= len(text) - 10
    rest = gate.finish("m1", text)
    assert rest is not None
    assert "".join(released) + rest == text


def test_without_a_window_deltas_pass_straight_through() -> None:
    gate = DeltaGate(DisclosureScanner([]), window=0)
    assert gate.push("m1", "Hello, ") == "Hello, "
    assert gate.push("m1", "세계 🌏") == "세계 🌏"
    assert gate.finish("m1", "Hello, 세계 🌏") == ""


def test_messages_are_gated_separately() -> None:
    gate = _gate(window=0)
    assert gate.push("a", "010-1234-5678") == ""
    assert gate.push("b", "fine") == "fine"
    assert gate.finish("b", "fine") == ""
    assert gate.finish("a", "010-1234-5678") is None


def test_tool_outputs_are_capped_with_a_visible_marker() -> None:
    long = "x" * 10_000
    capped = cap(long)
    assert len(capped) == MAX_TOOL_OUTPUT_CHARS
    assert capped.endswith("[truncated]")
    assert cap("short") == "short"


def test_an_event_flattens_to_its_type_and_data() -> None:
    event = TurnEvent("handoff", {"from": "triage", "to": "career"})
    assert event.to_dict() == {"type": "handoff", "from": "triage", "to": "career"}


class _CountingScanner(DisclosureScanner):
    """Counts the characters it is asked to scan."""

    scanned: int = 0

    def find(self, text: str) -> str | None:
        self.scanned += len(text)
        return super().find(text)


def test_a_long_message_is_scanned_in_linear_time() -> None:
    scanner = _CountingScanner([PHONE])
    gate = DeltaGate(scanner, window=40)
    text = "I led the settlement platform at Haneul Pay for three years. " * 200
    for start in range(0, len(text), 4):
        gate.push("m1", text[start : start + 4])
    assert gate.finish("m1", text) is not None
    # Each delta rescans at most the new text, the window and a word's slack, not the
    # whole message: total work grows with the length, not with its square.
    deltas = len(text) // 4
    assert scanner.scanned <= 2 * len(text) + deltas * (40 + 4 + 64)


def test_a_private_value_arriving_one_character_at_a_time_is_never_released() -> None:
    gate = _gate()
    text = "Sure. " + "Some background first. " * 20 + "My number: 010-1234-5678. Bye."
    released = "".join(gate.push("m1", char) for char in text)
    assert gate.finish("m1", text) is None
    assert "010-1" not in released
    assert "5678" not in released


def _private_profile_gate() -> DeltaGate:
    scanner = DisclosureScanner(
        [
            PHONE,
            PrivateValue(
                "address", "basics.location.address", "서울특별시 마포구 월드컵북로 123, 4층"
            ),
            PrivateValue("date", "basics.birthDate", "1991-04-17"),
        ]
    )
    return DeltaGate(scanner, window=2 * 40 + 16)


def test_ordinary_text_streams_at_once_without_waiting_for_the_window() -> None:
    gate = _private_profile_gate()
    assert gate.push("m1", "Here is what I can tell you: ") == "Here is what I can tell you: "
    assert gate.push("m1", "저는 백엔드 개발자입니다. ") == "저는 백엔드 개발자입니다. "


def test_a_number_is_held_only_until_it_cannot_be_a_private_value() -> None:
    gate = _private_profile_gate()
    assert gate.push("m1", "We served 30") == "We served "
    assert gate.push("m1", ",000 users") == "30,000 users"


def test_an_address_or_birth_date_typed_one_character_at_a_time_never_shows() -> None:
    for secret in ["서울특별시 마포구 월드컵북로 123, 4층", "1991년 4월 17일", "April 17, 1991"]:
        gate = _private_profile_gate()
        text = "제 정보입니다: " + secret + " 입니다. " + "감사합니다. " * 5
        released = "".join(gate.push("m1", char) for char in text)
        assert gate.finish("m1", text) is None
        assert released.startswith("제 정보입니다:")
        assert "서울특별시" not in released and "월드컵" not in released
        assert "1991" not in released and "April 1" not in released
