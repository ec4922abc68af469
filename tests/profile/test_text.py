from __future__ import annotations

from ask_applicant.profile import slugify, tokens


def test_english_words_are_lower_cased_and_stopwords_dropped() -> None:
    assert tokens("What does the applicant know about Kafka?") == ["applicant", "kafka"]


def test_hangul_becomes_bigrams_so_particles_do_not_block_a_match() -> None:
    assert tokens("결제시스템을") == ["결제", "제시", "시스", "스템", "템을"]
    assert {"결제", "시스", "스템"} <= set(tokens("결제 시스템"))


def test_joined_words_also_yield_their_parts() -> None:
    assert tokens("Node.js CI/CD") == ["node.js", "node", "js", "ci/cd", "ci", "cd"]
    assert tokens("C++ and C#") == ["c++", "c#"]


def test_emoji_and_punctuation_yield_nothing() -> None:
    assert tokens("🚀🔥 ??? ---") == []
    assert tokens("Ｐｙｔｈｏｎ") == ["python"], "full-width letters are normalised"


def test_slugs_keep_hangul_and_hyphenate_everything_else() -> None:
    assert slugify("Chat Service") == "chat-service"
    assert slugify("Resume Q&A Bot") == "resume-q-a-bot"
    assert slugify("  사내 배포 자동화 도구!! ") == "사내-배포-자동화-도구"
    assert slugify("🚀") == ""
