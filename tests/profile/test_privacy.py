from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ask_applicant.profile import Profile, load_profile

WritePath = Callable[..., Path]


def test_public_resume_drops_the_sample_private_fields(sample: Profile) -> None:
    text = json.dumps(sample.public_resume(), ensure_ascii=False)
    assert "1234-5678" not in text
    assert "월드컵북로" not in text
    assert "1991-04-17" not in text
    assert sample.public_resume()["basics"]["location"]["city"] == "Seoul"
    assert sample.resume.basics.phone == "010-1234-5678", "the full resume still holds it"


def test_private_values_carry_a_kind_for_each_comparison(sample: Profile) -> None:
    kinds = {value.path: value.kind for value in sample.private_values()}
    assert kinds == {
        "basics.phone": "phone",
        "basics.location.address": "address",
        "basics.location.postalCode": "address",
        "basics.birthDate": "date",
    }


def test_any_birth_date_is_private_wherever_it_sits(write_profile: WritePath) -> None:
    resume = {
        "basics": {"name": "Ada", "dateOfBirth": "1990-02-03"},
        "work": [{"name": "X", "manager": {"date_of_birth": "1970-01-01", "name": "Bob"}}],
        "생년월일": "1990년 2월 3일",
    }
    profile = load_profile(write_profile(resume, "private_fields: []\n"))
    paths = {value.path for value in profile.private_values()}
    assert paths == {"basics.dateOfBirth", "work[0].manager.date_of_birth", "생년월일"}
    public = profile.public_resume()
    assert "dateOfBirth" not in public["basics"]
    assert public["work"][0]["manager"] == {"name": "Bob"}


def test_private_paths_may_name_every_list_element_or_a_whole_object(
    write_profile: WritePath,
) -> None:
    resume = {
        "basics": {
            "name": "Ada",
            "email": "ada@example.com",
            "location": {"city": "Seoul", "address": "1 Main St"},
        },
        "references": [{"name": "Bob", "reference": "Great"}, {"name": "Cy", "reference": "Fine"}],
        "work": [{"name": "A"}, {"name": "B"}],
    }
    yaml_text = 'private_fields: [basics.email, basics.location, references.name, "work[1]"]\n'
    profile = load_profile(write_profile(resume, yaml_text))
    public = profile.public_resume()
    assert "email" not in public["basics"] and "location" not in public["basics"]
    assert public["references"] == [{"reference": "Great"}, {"reference": "Fine"}]
    assert public["work"] == [{"name": "A"}, {}], "indexes keep pointing at the same entries"
    kinds = {value.value: value.kind for value in profile.private_values()}
    assert kinds["ada@example.com"] == "email"
    assert kinds["1 Main St"] == "address"
    assert kinds["Bob"] == "text"


def test_redact_catches_other_spellings_of_private_values(sample: Profile) -> None:
    leaks = [
        "전화 010-1234-5678",
        "call +82 10 1234 5678",
        "01012345678",
        "(010) 1234.5678",
        "서울특별시   마포구 월드컵북로 123, 4층",
        "born 1991.4.17",
        "1991년 4월 17일생",
        "19910417",
    ]
    for text in leaks:
        redacted = sample.redact(text)
        assert "[private]" in redacted, text
        assert "1234" not in redacted and "월드컵" not in redacted and "17" not in redacted, (
            redacted
        )


def test_redact_leaves_ordinary_numbers_alone(sample: Profile) -> None:
    text = "30,000 connections, p99 120 ms, 2019-06 – 2020-03, 9년 차"
    assert sample.redact(text) == text


def test_redaction_replaces_exactly_the_private_value(sample: Profile) -> None:
    # Issue 10, finding 3: `\s` matched the ASCII separators \x1e/\x1f and the phone
    # pattern took any digits before it, so neighbouring text went with the value.
    cases = {
        "x 2026-11-27 \x1f 1 2 3 4 5 6 7 8 y": "x 2026-11-27 \x1f [private] y",
        "a 1991-04-17\x1fb\x1e\nc": "a [private]\x1fb\x1e\nc",
        "Release 1991-04-17\x1e\nabc\x1f": "Release [private]\x1e\nabc\x1f",
        "room 42 010-1234-5678": "room 42 [private]",
        "order 7 1234-5678": "order 7 [private]",
        "id 1991-04-175 and 11991-04-17": "id 1991-04-175 and 11991-04-17",
        "1991-11-17 is not 1991-4-17": "1991-11-17 is not [private]",
        "zip 03925, not 039251 or 103925": "zip [private], not 039251 or 103925",
        "서울특별시 마포구 월드컵북로 123, 4층\x1f5": "[private]\x1f5",
    }
    for text, expected in cases.items():
        assert sample.redact(text) == expected, text
