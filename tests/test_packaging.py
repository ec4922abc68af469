"""The package installs and runs without the repository: `uv build`, a fresh venv, stdio MCP.

The wheel is built with `uv build`; a fresh virtualenv gets the locked dependencies and
then the wheel itself (`--no-deps`), both from uv's cache only (no registry is reached),
and `uv pip check` confirms the wheel's own requirements are met. The installed
`ask-applicant mcp profile` is then spoken to by the plain `mcp` stdio client, with a
profile copied outside the checkout.
"""

from __future__ import annotations

import email
import json
import os
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import anyio
import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters

from ask_applicant.settings import DEFAULT_PROFILE_PATH

ROOT = Path(__file__).resolve().parents[1]
BUDGET_SECONDS = 120


def _uv(*args: str, cwd: Path, env: dict[str, str] | None = None) -> None:
    uv = shutil.which("uv")
    assert uv is not None, "uv must be on PATH (.ci/run installs it)"
    done = subprocess.run(
        [uv, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, f"uv {' '.join(args)}:\n{done.stderr[-2000:]}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The built wheel, and a fresh venv with it installed."""
    work = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV"}}
    _uv("build", "--wheel", "--offline", "--quiet", "--out-dir", str(work / "dist"), cwd=ROOT)
    (wheel,) = (work / "dist").glob("ask_applicant-*.whl")
    venv = work / "venv"
    env["UV_PROJECT_ENVIRONMENT"] = str(venv)
    # The locked dependencies, then the wheel alone: never the checkout's own code.
    _uv(
        "sync", "--frozen", "--no-dev", "--offline", "--no-install-project", "-q", cwd=ROOT, env=env
    )
    python = str(venv / "bin" / "python")
    _uv("pip", "install", "--offline", "--no-deps", "-q", "--python", python, str(wheel), cwd=work)
    _uv("pip", "check", "--offline", "--python", python, cwd=work)
    yield wheel, venv


def test_the_wheel_carries_its_licence_metadata_migrations_and_type_marker(
    installed: tuple[Path, Path],
) -> None:
    wheel, _venv = installed
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = email.message_from_bytes(archive.read(meta_name))
    assert metadata["License-Expression"] == "MIT"
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert metadata["Author"] == "Ask the Applicant contributors"
    urls = dict(value.split(", ", 1) for value in metadata.get_all("Project-URL", []))
    assert {"Homepage", "Source", "Issues"} <= set(urls)
    classifiers = metadata.get_all("Classifier", [])
    assert "License :: OSI Approved :: MIT License" not in classifiers  # the expression says it
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert "mcp" in metadata["Keywords"].split(",")
    assert "ask_applicant/py.typed" in names
    assert "ask_applicant/migrations/versions/0004_oauth_tokens.py" in names
    assert "ask_applicant/profile/sample/resume.json" in names


async def test_the_installed_wheel_serves_the_profile_over_stdio(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    _wheel, venv = installed
    profile = tmp_path / "my profile"
    shutil.copytree(DEFAULT_PROFILE_PATH, profile)
    params = StdioServerParameters(
        command=str(venv / "bin" / "ask-applicant"),
        args=["mcp", "profile", "--profile", str(profile)],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin"},
    )
    with anyio.fail_after(BUDGET_SECONDS):
        async with Client(params) as client:
            names = [tool.name for tool in (await client.list_tools()).tools]
            result = await client.call_tool("get_resume_section", {"section": "education"})
    assert "get_resume_section" in names and "search_profile" in names
    assert not result.is_error
    assert "education[0]" in json.dumps(result.structured_content)


def test_the_installed_wheel_migrates_a_database_without_the_checkout(
    installed: tuple[Path, Path], tmp_path: Path
) -> None:
    _wheel, venv = installed
    done = subprocess.run(
        [str(venv / "bin" / "ask-applicant"), "db", "upgrade"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/a.db"},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "0004_oauth" in done.stdout + done.stderr


@pytest.mark.parametrize("server", ["profile", "portfolio"])
def test_each_registry_entry_runs_an_installed_command_at_the_package_version(
    server: str,
) -> None:
    entry = json.loads((ROOT / "registry" / server / "server.json").read_text(encoding="utf-8"))
    (package,) = entry["packages"]
    assert entry["version"] == package["version"] == version("ask-applicant")
    assert package["registryType"] == "pypi" and package["identifier"] == "ask-applicant"
    assert package["transport"] == {"type": "stdio"}
    positional = [a["value"] for a in package["packageArguments"] if a["type"] == "positional"]
    assert positional == ["mcp", server]
    assert entry["name"].endswith(f"/ask-applicant-{server}")
    assert len(entry["description"]) <= 100
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"mcp-name: {entry['name']}" in readme  # PyPI ownership marker for the registry
