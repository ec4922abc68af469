"""The applicant's profile: a JSON Resume plus write-ups and `profile.yaml` extras.

Public names: `Profile`, `load_profile`, `ProfileError`, `FaqEntry`, `PrivateValue`,
`Resume` (the JSON Resume model), `PartialDate`/`parse_date`, `slugify`, `tokens`.
"""

from __future__ import annotations

from ask_applicant.profile.dates import PartialDate, parse_date
from ask_applicant.profile.errors import ProfileError
from ask_applicant.profile.extras import FaqEntry, ProfileExtras, ProjectExtras
from ask_applicant.profile.loader import load_profile
from ask_applicant.profile.model import Profile
from ask_applicant.profile.privacy import PrivateValue
from ask_applicant.profile.resume import Resume
from ask_applicant.profile.slug import slugify
from ask_applicant.profile.text import tokens

__all__ = [
    "FaqEntry",
    "PartialDate",
    "PrivateValue",
    "Profile",
    "ProfileError",
    "ProfileExtras",
    "ProjectExtras",
    "Resume",
    "load_profile",
    "parse_date",
    "slugify",
    "tokens",
]
