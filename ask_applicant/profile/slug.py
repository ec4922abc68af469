"""Project slugs: the name lower-cased, Hangul kept, everything else hyphenated."""

from __future__ import annotations

import re
import unicodedata

_NOT_SLUG = re.compile(r"[^0-9a-z\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+")


def slugify(name: str) -> str:
    """Turn a project name into its slug.

    ``"Chat Service"`` becomes ``chat-service`` and ``"사내 배포 자동화 도구"`` becomes
    ``사내-배포-자동화-도구``; a name with nothing sluggable gives an empty string.

    Args:
        name: The project's display name.
    """
    text = unicodedata.normalize("NFKC", name).lower()
    # NFKC leaves Hangul syllables composed, which is what file names on disk use.
    return _NOT_SLUG.sub("-", text).strip("-")


def compact(text: str) -> str:
    """The slug without separators, for tolerant comparison (``chat-service`` → ``chatservice``)."""
    return slugify(text).replace("-", "")
