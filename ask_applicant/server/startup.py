"""What must hold before the API (or a command using its database) may start."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import SchemaBehindError, require_head, upgrade_to_head_async
from ask_applicant.profile import Profile, ProfileError, load_profile
from ask_applicant.settings import Settings


class StartupError(RuntimeError):
    """The service cannot start; the message says why and what to do."""


async def prepare_schema(engine: AsyncEngine, settings: Settings) -> None:
    """Bring SQLite to the newest schema; on MySQL only check that it is there.

    Raises:
        StartupError: A MySQL schema behind the code (run `ask-applicant db upgrade`).
    """
    try:
        await require_head(engine)
    except SchemaBehindError as error:
        if not settings.is_sqlite:
            raise StartupError(str(error)) from None
        await upgrade_to_head_async(settings.database_url)


def read_profile(settings: Settings) -> Profile:
    """Load the applicant named by `PROFILE_PATH`.

    Raises:
        StartupError: The profile is missing or invalid; the message says where.
    """
    try:
        return load_profile(settings.profile_path)
    except ProfileError as error:
        raise StartupError(f"cannot load the profile at {settings.profile_path}: {error}") from None
