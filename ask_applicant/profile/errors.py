"""The one error a bad profile raises."""

from __future__ import annotations


class ProfileError(ValueError):
    """A profile that cannot be loaded.

    The message always names the file and, when there is one, the field, e.g.
    ``resume.json: work[2].startDate: not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)``,
    so start-up can print it as is instead of a traceback.
    """
