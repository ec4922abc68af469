"""Private values are recognised in text however they are written."""

from __future__ import annotations

import pytest

from ask_applicant.agents.disclosure import DisclosureScanner
from ask_applicant.profile import PrivateValue

PRIVATE = [
    PrivateValue("phone", "basics.phone", "010-1234-5678"),
    PrivateValue("date", "basics.birthDate", "1991-04-17"),
    PrivateValue("address", "basics.location.address", "서울특별시 마포구 월드컵북로 123, 4층"),
    PrivateValue("email", "basics.email", "Doyoon.Han@Example.com"),
]
INTERNATIONAL = [PrivateValue("phone", "basics.phone", "+1 (415) 555-0132")]
STREET = [PrivateValue("address", "basics.location.address", "2712 Broadway Street, Apt 4B")]


@pytest.fixture
def scanner() -> DisclosureScanner:
    return DisclosureScanner(PRIVATE)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Call me at 010-1234-5678.", "phone"),
        ("제 번호는 01012345678 입니다", "phone"),
        ("phone: 010 1234 5678", "phone"),
        ("reach me on +82 10-1234-5678", "phone"),
        ("+82 (0)10.1234.5678", "phone"),
        ("8210 1234 5678", "phone"),
        ("Born on 1991-04-17.", "date"),
        ("생년월일은 1991년 4월 17일입니다", "date"),
        ("born April 17, 1991", "date"),
        ("born 17th of April 1991", "date"),
        ("DOB 17/04/1991", "date"),
        ("DOB 19910417", "date"),
        ("주소는 서울특별시 마포구 월드컵북로 123, 4층 입니다", "text"),
        ("I live at 마포구 월드컵북로123", "text"),
        ("mail doyoon.han@example.com", "text"),
        ("DOYOON . HAN @ EXAMPLE . COM", "text"),
    ],
)
def test_each_spelling_of_a_private_value_is_found(
    scanner: DisclosureScanner, text: str, kind: str
) -> None:
    assert scanner.find(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "I worked at Kakao from 2019-03 to 2021-04 with 12 people.",
        "Kotlin 1.9, Java 8/11, Python 3.12; 1234 requests per second.",
        "서울 마포구에 있는 회사에서 일했습니다.",
        "My birthday is not something I share, but I started in April 1991? No: 2015.",
        "Order 5678-1234 was refunded.",
        "",
    ],
)
def test_ordinary_answers_disclose_nothing(scanner: DisclosureScanner, text: str) -> None:
    assert scanner.find(text) is None


def test_an_international_number_is_found_without_its_country_code() -> None:
    scanner = DisclosureScanner(INTERNATIONAL)
    assert scanner.find("415-555-0132") == "phone"
    assert scanner.find("(415) 555 0132") == "phone"
    assert scanner.find("call 1 415 555 0132") == "phone"
    assert scanner.find("415-555") is None


def test_street_words_match_their_abbreviations() -> None:
    scanner = DisclosureScanner(STREET)
    assert scanner.find("I live on 2712 Broadway St.") == "text"
    assert scanner.find("Broadway is a long avenue.") is None


def test_no_private_values_means_nothing_is_ever_found() -> None:
    scanner = DisclosureScanner([])
    assert scanner.empty
    assert scanner.find("010-1234-5678") is None


def test_a_date_in_full_width_digits_is_still_found(scanner: DisclosureScanner) -> None:
    # The cheap year check must read every digit the date patterns read.
    assert scanner.find("생일: １９９１년 ４월 １７일") == "date"
    assert scanner.find("founded in 1991, moved on 04-17") is None
