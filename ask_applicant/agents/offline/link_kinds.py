"""What a link says about its entry: a code host makes a project open source, a package
registry a published library.

Resumes rarely write "open source" next to every project; they link its repository.
A recruiter asks for "open-source work" or "published packages", so the host of an
entry's link names the kind of thing it is, for routing (the project area's words) and
for the facts an answer keeps (a project linking to GitHub holds "open source").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

_CODE = "open source open-source repository source code 오픈소스 저장소"
_PACKAGE = f"package library published {_CODE} 패키지 라이브러리"
_KINDS: Mapping[str, str] = {
    "github.com": _CODE,
    "gitlab.com": _CODE,
    "bitbucket.org": _CODE,
    "codeberg.org": _CODE,
    "sourceforge.net": _CODE,
    "pypi.org": _PACKAGE,
    "npmjs.com": _PACKAGE,
    "crates.io": _PACKAGE,
    "rubygems.org": _PACKAGE,
    "pkg.go.dev": _PACKAGE,
    "packagist.org": _PACKAGE,
    "nuget.org": _PACKAGE,
    "hex.pm": _PACKAGE,
    "pub.dev": _PACKAGE,
    "cran.r-project.org": _PACKAGE,
    "huggingface.co": f"model dataset {_CODE}",
}
_SITE = "website site homepage 웹사이트 홈페이지 사이트"
# Profiles on a network are no site of the applicant's own.
_SOCIAL = ("linkedin.com", "twitter.com", "x.com", "facebook.com", "instagram.com")
_URL = re.compile(r"https?://[^\s)\"'<>]+")
# A question about code: its source, its repository, the host it lives on.
_CODE_ASKED = re.compile(
    r"\b(code|source|github|gitlab|open[- ]source|repos?|repository)\b"
    r"|코드|깃허브|깃헙|깃랩|오픈소스|저장소",
    re.IGNORECASE,
)


def link_kind(url: object) -> str:
    """The words for what a link's host holds ("" for other hosts and non-links)."""
    if not isinstance(url, str):
        return ""
    host = (urlsplit(url.strip()).hostname or "").removeprefix("www.")
    for suffix, kind in _KINDS.items():
        if host == suffix or host.endswith(f".{suffix}"):
            return kind
    # Any other host is a site of its own: "a personal site?", "a homepage?".
    return _SITE if host and not host.endswith(_SOCIAL) else ""


def link_kinds(text: str) -> str:
    """The kind words of every link in a text, joined."""
    return " ".join(kind for kind in map(link_kind, _URL.findall(text)) if kind)


def asks_for_code(question: str) -> bool:
    """True when a question asks about code ("Is his code public?", "깃허브 주소도 있어요?"),
    which only a link to a code host answers."""
    return bool(_CODE_ASKED.search(question))
