"""Glob matching over relative paths."""

from __future__ import annotations

import pytest

from ask_applicant.mcp_servers.path_glob import glob_matcher


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.py", "src/nested/util.py", True),
        ("*.py", "src/app.pyc", False),
        ("src/*.py", "src/app.py", True),
        ("src/*.py", "src/nested/util.py", False),
        ("src/**/*.py", "src/app.py", True),
        ("src/**/*.py", "src/a/b/util.py", True),
        ("**", "any/thing/at/all.txt", True),
        ("?.md", "docs/a.md", True),
        ("[ab]*.md", "docs/b.md", True),
        ("[!ab]*.md", "docs/b.md", False),
        ("[a-c].txt", "d.txt", False),
        ("*노트*", "docs/설계_노트.md", True),
        ("*😀*", "emoji😀.txt", True),
        ("a+b(c).txt", "a+b(c).txt", True),
    ],
)
def test_a_glob_matches_the_paths_a_shell_user_expects(
    pattern: str, path: str, expected: bool
) -> None:
    assert glob_matcher(pattern)(path) is expected
