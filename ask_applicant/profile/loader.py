"""Reading a profile from disk: a folder (resume.json, profile.yaml, projects/) or one file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ask_applicant.profile.errors import ProfileError
from ask_applicant.profile.extras import ProfileExtras
from ask_applicant.profile.model import Profile
from ask_applicant.profile.resume import Resume
from ask_applicant.profile.slug import slugify

MAX_FILE_BYTES = 5_000_000
_SHOWN_ERRORS = 5
M = TypeVar("M", bound=BaseModel)


def _read_text(file: Path) -> str:
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            raise ProfileError(f"{file}: larger than {MAX_FILE_BYTES // 1_000_000} MB")
        return file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ProfileError(
            f"{file}: not UTF-8 text ({error.reason} at byte {error.start})"
        ) from None
    except OSError as error:
        raise ProfileError(f"{file}: cannot be read ({error.strerror})") from None


def _field(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _validate(model: type[M], data: Any, file: Path) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        lines = []
        for problem in error.errors()[:_SHOWN_ERRORS]:
            message = problem["msg"].removeprefix("Value error, ")
            lines.append(f"{file}: {_field(problem['loc'])}: {message}")
        if error.error_count() > _SHOWN_ERRORS:
            lines.append(f"{file}: … and {error.error_count() - _SHOWN_ERRORS} more problems")
        raise ProfileError("\n".join(lines)) from None


def _read_resume(file: Path) -> Resume:
    try:
        data = json.loads(_read_text(file))
    except json.JSONDecodeError as error:
        raise ProfileError(
            f"{file}: not valid JSON at line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    if not isinstance(data, dict):
        raise ProfileError(
            f"{file}: the top level must be a JSON object, not {type(data).__name__}"
        )
    return _validate(Resume, data, file)


def _read_extras(file: Path) -> ProfileExtras:
    if not file.is_file():
        return ProfileExtras()
    try:
        data = yaml.safe_load(_read_text(file))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ProfileError(f"{file}: not valid YAML{where}: {problem}") from None
    if data is None:
        return ProfileExtras()
    if not isinstance(data, dict):
        raise ProfileError(f"{file}: the top level must be a mapping, not {type(data).__name__}")
    return _validate(ProfileExtras, data, file)


def _slugs(resume: Resume) -> tuple[str, ...]:
    seen: set[str] = set()
    slugs = []
    for i, project in enumerate(resume.projects):
        base = slugify(project.name or "") or f"project-{i + 1}"
        slug, n = base, 2
        while slug in seen:
            slug, n = f"{base}-{n}", n + 1
        seen.add(slug)
        slugs.append(slug)
    return tuple(slugs)


def _read_writeups(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    # Keyed by the slug of the file name, so "Chat Service.md" and NFD-normalised
    # Hangul names from macOS still find their project.
    return {slugify(md.stem) or md.stem: _read_text(md) for md in sorted(folder.glob("*.md"))}


def _resolve_repos(
    extras: ProfileExtras, slugs: tuple[str, ...], base: Path, file: Path
) -> dict[str, Path]:
    repos: dict[str, Path] = {}
    for slug, project in extras.projects.items():
        if slug not in slugs:
            known = ", ".join(slugs) or "none"
            raise ProfileError(
                f"{file}: projects.{slug}: no resume project has this slug (known: {known})"
            )
        if project.repo is None:
            continue
        folder = (base / os.path.expanduser(project.repo)).resolve()
        if not folder.is_dir():
            raise ProfileError(f"{file}: projects.{slug}.repo: {folder} is not a folder")
        repos[slug] = folder
    return repos


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """Load an applicant profile.

    Args:
        path: A folder holding ``resume.json`` (plus optional ``profile.yaml`` and
            ``projects/<slug>.md`` write-ups), or a single JSON Resume file.

    Raises:
        ProfileError: With a message naming the file and the field at fault.
    """
    root = Path(path).expanduser()
    if root.is_file():
        resume = _read_resume(root)
        return Profile(resume=resume, project_slugs=_slugs(resume), source=root)
    if not root.is_dir():
        raise ProfileError(f"{root}: no such file or folder")
    resume_file, extras_file = root / "resume.json", root / "profile.yaml"
    if not resume_file.is_file():
        raise ProfileError(f"{root}: no resume.json in this folder")
    resume = _read_resume(resume_file)
    extras = _read_extras(extras_file)
    slugs = _slugs(resume)
    return Profile(
        resume=resume,
        extras=extras,
        writeups=_read_writeups(root / "projects"),
        project_slugs=slugs,
        repos=_resolve_repos(extras, slugs, root, extras_file),
        source=root,
    )
