"""Secrets stay in: a real git repository full of links to them, through every portfolio tool.

Issue 10, finding 5: the sandbox checked the name asked for, not the file it led to, so
`env_link.txt -> .env`, `gitdir -> .git` and `git_config_link -> .git/config` served
secrets and git internals; common credential files were not on the deny list; a hard link
to a file outside the root was served. None of them may be listed, read or searched.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from mcp import Client
from mcp.types import TextContent

from ask_applicant.mcp_servers.portfolio import build_portfolio_server_from_roots
from ask_applicant.mcp_servers.portfolio_files import list_files, read_file, search_code
from ask_applicant.mcp_servers.sandbox import Portfolio, SandboxError
from ask_applicant.mcp_servers.secret_paths import is_hidden

# Every secret holds the word "leak", so one search finds any that gets through.
SECRETS = {
    ".env": "DB_PASSWORD=leak-db\n",
    ".env.production": "API_KEY=leak-api\n",
    ".npmrc": "//registry.npmjs.org/:_authToken=leak-npm\n",
    ".git-credentials": "https://me:leak-token@git.example.com\n",
    ".aws/credentials": "[default]\naws_secret_access_key = leak-aws\n",
    "config/secrets.yaml": "password: leak-yaml\n",
    "certs/server.pem": "-----BEGIN PRIVATE KEY-----\nleak-pem\n",
    "deploy/id_rsa": "-----BEGIN OPENSSH PRIVATE KEY-----\nleak-rsa\n",
    "id_ed25519": "leak-ed25519\n",
}
LINKS = {
    "env_link.txt": ".env",
    "git_config_link": ".git/config",
    "npm_settings.txt": ".npmrc",
    "docs/aws.txt": "../.aws/credentials",
}
REFUSED = [
    *SECRETS, *LINKS, "gitdir/config", "gitdir/HEAD", ".git/config", "outside_notes.txt",
    "config_hardlink.txt",
]  # fmt: skip
SHARED = ["README.md", "docs/a.txt", "docs/same-as-a.txt", "src/app.py"]


@pytest.fixture
def repo(tmp_path: Path, run_git: Callable[..., None]) -> Path:
    """A git repository with secrets, symlinks to them, and hard links in and out."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "notes.txt").write_text("leak-outside\n", encoding="utf-8")
    root = tmp_path / "project"
    root.mkdir()
    run_git(root, "init", "-q", "-b", "main")
    with (root / ".git" / "config").open("a", encoding="utf-8") as config:
        config.write("[remote]\n\turl = https://me:leak-git@git.example.com\n")
    for relative, text in {
        **SECRETS,
        "README.md": "A project.\n",
        "src/app.py": "def app():\n    return 'shared code'\n",
        "docs/a.txt": "shared text\n",
    }.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for link, target in LINKS.items():
        (root / link).symlink_to(target)
    (root / "gitdir").symlink_to(".git", target_is_directory=True)
    os.link(outside / "notes.txt", root / "outside_notes.txt")
    os.link(root / ".git" / "config", root / "config_hardlink.txt")
    # Two names for one file, both inside the root and shareable: provably inside.
    os.link(root / "docs" / "a.txt", root / "docs" / "same-as-a.txt")
    run_git(root, "add", "-A")
    run_git(root, "commit", "-q", "--no-gpg-sign", "-m", "Everything")
    return root


def test_no_secret_and_no_link_to_one_is_listed(repo: Path) -> None:
    portfolio = Portfolio({"p": repo})
    assert [entry.path for entry in list_files(portfolio, "p").files] == SHARED


@pytest.mark.parametrize("path", REFUSED)
def test_no_secret_and_no_link_to_one_is_read(repo: Path, path: str) -> None:
    with pytest.raises(SandboxError, match=r"not shared|hard links"):
        read_file(Portfolio({"p": repo}), "p", path)


def test_no_secret_and_no_link_to_one_is_searched(repo: Path) -> None:
    portfolio = Portfolio({"p": repo})
    assert search_code(portfolio, "p", "leak").hits == []
    assert [hit.path for hit in search_code(portfolio, "p", "shared").hits] == [
        "docs/a.txt", "docs/same-as-a.txt", "src/app.py",
    ]  # fmt: skip


def test_shared_files_and_hard_links_inside_the_root_are_still_read(repo: Path) -> None:
    portfolio = Portfolio({"p": repo})
    assert read_file(portfolio, "p", "docs/same-as-a.txt").text == "shared text"
    assert read_file(portfolio, "p", "src/app.py").total_lines == 2


@pytest.fixture
async def client(repo: Path) -> AsyncIterator[Client]:
    async with Client(build_portfolio_server_from_roots({"p": repo})) as connected:
        yield connected


async def test_the_mcp_tools_refuse_them_alike(client: Client) -> None:
    said = []
    for path in REFUSED:
        result = await client.call_tool("read_file", {"project": "p", "path": path})
        assert result.is_error, path
        said.append(result)
    for query in ["leak", "DB_PASSWORD", "BEGIN"]:
        said.append(await client.call_tool("search_code", {"project": "p", "query": query}))
    said.append(await client.call_tool("list_files", {"project": "p"}))
    text = "".join(b.text for r in said for b in r.content if isinstance(b, TextContent))
    assert "leak-" not in text, "every secret's marker starts with leak-"


@pytest.mark.parametrize(
    "path",
    [".npmrc", ".git-credentials", ".aws/credentials", "secrets.yaml", "k8s/app-secrets.json",
     "x.pem", "id_rsa", "id_ecdsa.pub", ".ssh/config", ".env.local", "terraform.tfstate"],
)  # fmt: skip
def test_common_credential_files_are_on_the_deny_list(path: str) -> None:
    assert is_hidden(path.split("/"))


@pytest.mark.parametrize("path", ["src/app.py", "README.md", "docs/keys.md", "id_map.py"])
def test_ordinary_files_are_not(path: str) -> None:
    assert not is_hidden(path.split("/"))


def test_a_named_pipe_is_refused_at_once(repo: Path) -> None:
    os.mkfifo(repo / "pipe.txt")
    portfolio = Portfolio({"p": repo})
    with pytest.raises(SandboxError, match="not a regular file"):
        read_file(portfolio, "p", "pipe.txt")
    assert "pipe.txt" not in [entry.path for entry in list_files(portfolio, "p").files]
