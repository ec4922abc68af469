"""Glob patterns over project-relative paths, matched without touching the disk.

`pathlib.Path.glob` follows symlinked directories out of a project in Python
3.11, so the portfolio walks the tree itself and matches names with this.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def glob_matcher(pattern: str) -> Callable[[str], bool]:
    """Compile a glob into a predicate over `/`-separated relative paths.

    A pattern without `/` matches a file name at any depth (`*.py`); one with `/`
    matches the whole path, where `**` spans any number of folders
    (`src/**/*.py`), `*` and `?` stay within one folder, and `[...]` is a class.

    Args:
        pattern: The glob, already checked by the sandbox.

    Returns:
        A predicate that is True for matching paths.
    """
    anywhere = "/" not in pattern
    regex = re.compile(_translate(pattern), re.DOTALL)

    def matches(path: str) -> bool:
        subject = path.rsplit("/", 1)[-1] if anywhere else path
        return regex.fullmatch(subject) is not None

    return matches


def _translate(pattern: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and (end := pattern.find("]", i + 2)) != -1:
            body = pattern[i + 1 : end]
            negate = body.startswith("!")
            body = re.escape(body[1:] if negate else body).replace("\\-", "-")
            out.append(f"[{'^' if negate else ''}{body}]")
            i = end + 1
            continue
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)
