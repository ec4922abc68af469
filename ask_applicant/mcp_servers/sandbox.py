"""The path jail around each project's source folder.

Every path a caller names is checked here before anything touches the disk: it must
be relative and free of `..`; it is then resolved (every symlink component followed)
and must land inside the project's root, and the secret-path rules are applied both
to the name asked for and to the file it leads to. A file with more than one hard
link is refused unless all its links are inside the root and shareable. Reads are
refused for binary and oversize files. A refusal is a `SandboxError` whose message
tells the model how to correct the call.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ask_applicant.mcp_servers.secret_paths import is_hidden

SNIFF_BYTES = 8192
WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")
_NOT_SHARED = "is not shared: VCS internals and secrets are private"


class SandboxError(ValueError):
    """A request the portfolio refuses; the message says how to correct it."""


@dataclass(frozen=True)
class PortfolioLimits:
    """Caps on what one portfolio call may read or return.

    Attributes:
        max_file_bytes: Larger files are refused outright.
        max_output_lines: Lines of one `read_file` answer.
        max_output_bytes: UTF-8 bytes of one `read_file` answer.
        max_listed_files: Entries of one `list_files` answer.
        max_search_hits: Matches of one `search_code` answer.
        max_scanned_files: Files one listing or search looks at before it stops.
        max_line_chars: A matching line is cut to this many characters.
        max_commits: Upper bound of `recent_commits(limit)`.
        git_timeout_seconds: `git log` is killed after this long.
    """

    max_file_bytes: int = 512 * 1024
    max_output_lines: int = 200
    max_output_bytes: int = 24_000
    max_listed_files: int = 300
    max_search_hits: int = 50
    max_scanned_files: int = 5_000
    max_line_chars: int = 240
    max_commits: int = 50
    git_timeout_seconds: float = 5.0


DEFAULT_LIMITS = PortfolioLimits()


class ProjectJail:
    """One project's source folder, and the only files inside it a caller may see."""

    def __init__(self, name: str, root: Path) -> None:
        """Jail `root` under the project name `name`.

        Args:
            name: The project's slug, as callers name it.
            root: The project's folder; resolved once, so later symlink swaps of the
                root itself cannot widen the jail.
        """
        self.name = name
        self.root = root.resolve()

    def resolve(self, relative: str) -> Path:
        """Turn a caller's relative path into a real, shareable path inside the project.

        Args:
            relative: A path relative to the project root, `/` separated.

        Returns:
            The resolved path (no symlink left in it); it may not exist.

        Raises:
            SandboxError: The path is empty, absolute, climbs with `..`, names a hidden
                or secret file, or leads outside the root or to such a file through a
                symlink.
        """
        parts = _checked_parts(relative, what="path")
        if not parts:
            raise SandboxError("path is empty: name a file relative to the project root")
        candidate = self.root.joinpath(*parts)
        if not candidate.exists() and not candidate.is_symlink():
            candidate = _other_normal_form(self.root, parts) or candidate
        resolved = candidate.resolve()
        if not resolved.is_relative_to(self.root):
            raise SandboxError(
                f"{clip(relative)} leads outside project '{self.name}' and is refused"
            )
        # The rules hold for the name asked by and for the file it leads to alike.
        if is_hidden(parts) or is_hidden(resolved.relative_to(self.root).parts):
            raise SandboxError(f"{clip(relative)} {_NOT_SHARED}")
        return resolved

    def shareable(self, path: Path) -> Path | None:
        """The real file behind a walked path, or None when it must not be shown.

        Args:
            path: A path under the root, as `os.walk` names it (it may be a symlink).
        """
        resolved = path.resolve()
        if not resolved.is_relative_to(self.root):
            return None
        if is_hidden(resolved.relative_to(self.root).parts) or not resolved.is_file():
            return None
        status = resolved.stat()
        if status.st_nlink > 1 and not self._links_all_shareable(status):
            return None
        return resolved

    def read_text(self, path: Path, limits: PortfolioLimits) -> str:
        """Read a jailed file as text, refusing what a model cannot use.

        The checks are made on the file actually opened (no symlink followed at open),
        so a name swapped after `resolve` cannot lead elsewhere.

        Args:
            path: A path returned by `resolve` or `shareable`.
            limits: The size cap.

        Returns:
            The file's text (undecodable bytes replaced).

        Raises:
            SandboxError: The file is missing, a directory, too large, binary, or has
                hard links this jail cannot vouch for.
        """
        shown = self.relative(path)
        try:
            # Non-blocking so that a named pipe is refused at once instead of hanging.
            flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
            fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            raise SandboxError(
                f"{clip(shown)} does not exist in project '{self.name}'; try list_files"
            ) from None
        except OSError as exc:
            raise SandboxError(f"{clip(shown)} cannot be read ({exc.strerror})") from None
        try:
            data = self._checked_read(fd, shown, limits)
        finally:
            os.close(fd)
        if b"\x00" in data[:SNIFF_BYTES]:
            raise SandboxError(f"{clip(shown)} is a binary file and is not shown")
        return data.decode("utf-8", errors="replace")

    def relative(self, path: Path) -> str:
        """Return `path` relative to the root, `/` separated."""
        return path.relative_to(self.root).as_posix()

    def walk_files(self) -> Iterator[tuple[Path, Path]]:
        """Yield every shareable regular file under the root, in a stable order.

        Symlinked directories are not descended into; a symlinked file is yielded only
        when the file it leads to is inside the root and shareable itself.

        Yields:
            (the path as listed, the real file behind it).
        """
        for folder, dirs, files in os.walk(self.root, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not is_hidden([d]) and _printable(d))
            for name in sorted(files):
                if is_hidden([name]) or not _printable(name):
                    continue
                path = Path(folder, name)
                real = self.shareable(path)
                if real is not None:
                    yield path, real

    def _checked_read(self, fd: int, shown: str, limits: PortfolioLimits) -> bytes:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise SandboxError(f"{clip(shown)} is a directory, not a file; list_files shows inside")
        if not stat.S_ISREG(status.st_mode):
            raise SandboxError(f"{clip(shown)} is not a regular file and is not shown")
        if status.st_nlink > 1 and not self._links_all_shareable(status):
            raise SandboxError(
                f"{clip(shown)} has hard links outside the shared files and is not shown"
            )
        if status.st_size > limits.max_file_bytes:
            raise SandboxError(
                f"{clip(shown)} is {status.st_size} bytes, over the {limits.max_file_bytes}-byte "
                "cap; use search_code to find the lines you need"
            )
        data = b""
        while len(data) <= limits.max_file_bytes:
            chunk = os.read(fd, limits.max_file_bytes + 1 - len(data))
            if not chunk:
                break
            data += chunk
        return data

    def _links_all_shareable(self, status: os.stat_result) -> bool:
        # A hard link carries no mark of where its other names are: inside the root is
        # provable only by finding every one of them there, each itself shareable.
        found = 0
        for folder, dirs, files in os.walk(self.root, followlinks=False):
            for name in [*dirs, *files]:
                path = Path(folder, name)
                try:
                    other = path.lstat()
                except OSError:
                    continue
                if (other.st_dev, other.st_ino) == (status.st_dev, status.st_ino):
                    if is_hidden(path.relative_to(self.root).parts):
                        return False
                    found += 1
        return found >= status.st_nlink


class Portfolio:
    """The applicant's projects by name, each behind its own jail."""

    def __init__(
        self,
        roots: Mapping[str, Path],
        limits: PortfolioLimits = DEFAULT_LIMITS,
        redact: Callable[[str], str] | None = None,
    ) -> None:
        """Jail every project root.

        Args:
            roots: Project slug to its source folder.
            limits: Caps shared by every call.
            redact: Applied to every line of file text and git history handed out, e.g.
                `Profile.redact`, in case a repository repeats a private value.
        """
        self.jails = {name: ProjectJail(name, root) for name, root in sorted(roots.items())}
        self.limits = limits
        self.redact: Callable[[str], str] = redact or str

    def project(self, name: str) -> ProjectJail:
        """Return the jail of project `name`.

        Raises:
            SandboxError: No such project; the message lists the known ones.
        """
        jail = self.jails.get(name.strip())
        if jail is None:
            known = ", ".join(self.jails) or "none"
            raise SandboxError(f"unknown project {clip(name)}; known projects: {known}")
        return jail


def checked_pattern(pattern: str) -> str:
    """Validate a glob a caller passed; it obeys the same rules as a path.

    Raises:
        SandboxError: The pattern is absolute or climbs with `..`.
    """
    return "/".join(_checked_parts(pattern, what="glob")) or "*"


def clip(text: str, limit: int = 120) -> str:
    """Quote caller-supplied text for an error message, cut short if it is long."""
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


def _checked_parts(text: str, *, what: str) -> list[str]:
    if "\x00" in text:
        raise SandboxError(f"{what} contains a NUL character")
    cleaned = text.strip().replace("\\", "/")
    if cleaned.startswith(("/", "~")) or WINDOWS_DRIVE.match(cleaned):
        raise SandboxError(f"absolute {what} {clip(text)} refused: make it relative to the project")
    parts = [part for part in cleaned.split("/") if part not in ("", ".")]
    if ".." in parts:
        raise SandboxError(
            f"'..' in {what} {clip(text)} refused: everything stays inside the project"
        )
    return parts


def _other_normal_form(root: Path, parts: list[str]) -> Path | None:
    # A Korean name typed in NFC may sit on disk decomposed (NFD, as macOS writes it).
    for form in ("NFC", "NFD"):
        path = root.joinpath(*(unicodedata.normalize(form, part) for part in parts))
        if path.exists():
            return path
    return None


def _printable(name: str) -> bool:
    # Undecodable bytes surface as lone surrogates, which cannot be sent as JSON.
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
