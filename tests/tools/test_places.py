"""A location prints as a place: city, region, country, without blanks or street parts."""

from __future__ import annotations

from typing import Any

import pytest

from ask_applicant.profile import Profile
from ask_applicant.tools.places import place
from ask_applicant.tools.resume import get_basics


@pytest.mark.parametrize(
    ("location", "shown"),
    [
        # Keys in any order: the place reads from the city outwards.
        ({"countryCode": "NZ", "region": "Otago", "city": "Dunedin"}, "Dunedin, Otago, NZ"),
        ({"city": "", "region": "   ", "countryCode": "JP"}, "JP"),
        ({"region": "Bavaria"}, "Bavaria"),
        ({"city": "Oslo", "region": "oslo", "countryCode": "NO"}, "Oslo, NO"),
        # A postal address typed into `city`: the street and the postal code go.
        ({"city": "41 Rue Oberkampf, Paris 75011, France"}, "Paris, France"),
        ({"city": "Toronto ON M5V 2T6"}, "Toronto ON"),
        ({"city": "대구광역시 수성구 동대구로 99"}, "대구광역시 수성구"),
        ({"address": "1 Main St", "postalCode": "04512"}, ""),
        ({}, ""),
    ],
)
def test_a_location_prints_as_a_clean_place(location: dict[str, Any], shown: str) -> None:
    assert place(location) == shown


def test_the_basics_print_a_badly_typed_location_cleanly(make_profile: Any) -> None:
    profile: Profile = make_profile(
        {
            "basics": {
                "name": "Ana",
                "location": {"city": "Porto 4000-123", "region": "", "countryCode": "PT"},
            }
        }
    )
    facts = {fact.source: fact.text for fact in get_basics(profile).facts}
    assert facts["basics.location"] == "location: Porto, PT"
