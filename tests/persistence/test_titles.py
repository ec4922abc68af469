"""Titles keep the characters people see whole: emoji sequences, flags, accents, Hangul."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import open_db
from ask_applicant.persistence.sessions import create_session, get_session, rename_session
from ask_applicant.persistence.titles import clean_title, cut, shortened
from ask_applicant.persistence.users import create_user
from ask_applicant.server.runs.requests import conversation_title

CODER = "👩🏽\u200d💻"  # woman, skin tone, zero-width joiner, laptop: one character on screen
FAMILY = "👨\u200d👩\u200d👧\u200d👦"
SCOTLAND = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
KOREA = "🇰🇷"
RAINBOW = "🏳️\u200d🌈"
ACCENTED = "e\u0301"  # é as e + combining acute
JAMO = "\u1112\u1161\u11ab"  # 한 as three conjoining jamo
CLUSTERS = [CODER, FAMILY, SCOTLAND, KOREA, RAINBOW, ACCENTED, JAMO, "❤️", "가"]


@pytest.mark.parametrize("cluster", CLUSTERS)
def test_a_title_keeps_every_character_as_it_was_written(cluster: str) -> None:
    assert clean_title(f"Hello {cluster} world") == f"Hello {cluster} world"


def test_a_zero_width_joiner_sequence_is_not_split_into_two_emoji() -> None:
    assert clean_title(CODER) == CODER != "👩🏽 💻"


@pytest.mark.parametrize("cluster", CLUSTERS)
def test_cutting_never_splits_a_character(cluster: str) -> None:
    text = "a" + cluster * 30
    for length in range(1, len(text)):
        kept = cut(text, length)
        assert len(kept) <= length
        assert kept == "a" + cluster * ((len(kept) - 1) // len(cluster))


def test_flags_are_cut_in_pairs_of_regional_indicators() -> None:
    flags = "🇰🇷🇯🇵🇺🇸"
    assert [cut(flags, n) for n in range(2, 7)] == ["🇰🇷", "🇰🇷", "🇰🇷🇯🇵", "🇰🇷🇯🇵", flags]


def test_controls_and_bidi_overrides_still_become_spaces() -> None:
    assert clean_title("a\x00b\u202ec\u2066d\nE\u200bf") == "a b c d E f"


def test_a_long_first_message_makes_a_title_ending_in_an_ellipsis_after_a_whole_emoji() -> None:
    title = conversation_title("x" * 78 + CODER + " and more")
    assert title == "x" * 78 + "…"
    assert conversation_title("Who is " + CODER + "?") == "Who is " + CODER + "?"
    assert shortened("short", 80) == "short"


async def test_an_emoji_sequence_title_is_stored_and_read_back_whole(engine: AsyncEngine) -> None:
    async with open_db(engine) as db:
        owner, _ = await create_user(db, name="o", role="owner")
        chat = await create_session(db, owner_id=owner.id, title=f"{CODER} 면접 {SCOTLAND}")
        await rename_session(
            db, session_id=chat.id, owner_id=owner.id, title=f"{FAMILY} {KOREA} " + CODER * 60
        )
        db.expunge_all()
        loaded = await get_session(db, session_id=chat.id, owner_id=None)
    assert loaded is not None
    assert loaded.title == f"{FAMILY} {KOREA} " + CODER * ((200 - 10) // len(CODER))
