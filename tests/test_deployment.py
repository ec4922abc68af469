"""The Docker files describe a deployable stack.

No Docker engine runs here, so what can be checked is checked: compose's structure and
its required variables, the Dockerfile against hadolint, what `.dockerignore` keeps out,
and the runtime stage's install (`uv sync --no-dev --no-editable`) simulated in a fresh
virtualenv that then serves a mounted-style profile from outside the checkout.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_compose_runs_mysql_with_a_healthcheck_a_migration_and_the_app() -> None:
    compose = _compose()
    services = compose["services"]
    mysql = services["mysql"]
    assert mysql["image"] == "mysql:8.4"
    assert "mysqladmin" in " ".join(mysql["healthcheck"]["test"])
    assert "--character-set-server=utf8mb4" in mysql["command"]
    volume = mysql["volumes"][0].split(":")[0]
    assert volume in compose["volumes"]

    migrate = services["migrate"]
    assert migrate["command"] == ["ask-applicant", "db", "upgrade"]
    assert migrate["depends_on"]["mysql"]["condition"] == "service_healthy"

    app = services["app"]
    assert app["depends_on"]["mysql"]["condition"] == "service_healthy"
    assert app["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    for service in (migrate, app):
        assert service["environment"]["DATABASE_URL"].startswith("mysql+asyncmy://")


def test_the_image_is_built_once_and_run_by_both_the_migration_and_the_app() -> None:
    services = _compose()["services"]
    built = [name for name, service in services.items() if "build" in service]
    assert built == ["migrate"]
    assert services["app"]["image"] == services["migrate"]["image"]
    assert services["app"]["pull_policy"] == "never"


def test_compose_serves_the_applicants_profile_mounted_read_only() -> None:
    for name in ("migrate", "app"):
        service = _compose()["services"][name]
        assert service["environment"]["PROFILE_PATH"] == "/profile"
        source, target, mode = service["volumes"][0].rsplit(":", 2)
        assert (target, mode) == ("/profile", "ro")
        # No silent fallback to the bundled sample: compose stops, naming the variable.
        assert source.startswith("${PROFILE_DIR:?")


def test_no_password_has_a_fixed_default() -> None:
    services = _compose()["services"]
    environment = services["mysql"]["environment"]
    for key in ("MYSQL_PASSWORD", "MYSQL_ROOT_PASSWORD"):
        assert re.fullmatch(rf"\$\{{{key}:\?[^}}]+\}}", environment[key]), environment[key]
    assert "${MYSQL_PASSWORD:?" in services["app"]["environment"]["DATABASE_URL"]


def test_other_containers_may_reach_the_app_by_its_service_name() -> None:
    hosts = _compose()["services"]["app"]["environment"]["ALLOWED_HOSTS"]
    default = json.loads(hosts.removeprefix("${ALLOWED_HOSTS:-").removesuffix("}"))
    assert {"app", "app:*", "localhost:*"} <= set(default)


def test_the_image_is_multi_stage_non_root_frozen_and_compiled() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile.count("\nFROM ") + dockerfile.startswith("FROM ") >= 2
    assert "uv sync --frozen --no-dev" in dockerfile
    assert "UV_COMPILE_BYTECODE=1" in dockerfile
    users = [line.split()[1] for line in dockerfile.splitlines() if line.startswith("USER ")]
    assert users and users[-1] != "root"
    # A numeric user: Kubernetes' runAsNonRoot can only verify a number.
    assert re.fullmatch(r"\$\{APP_UID\}:\$\{APP_UID\}", users[-1])
    assert re.search(r"^ARG APP_UID=\d+$", dockerfile, re.MULTILINE)
    assert re.search(r"ghcr\.io/astral-sh/uv:\d+\.\d+\.\d+ ", dockerfile), "pin uv exactly"
    healthcheck = dockerfile.split("HEALTHCHECK", 1)[1].split("\nCMD [", 1)[0]
    assert 'CMD ["python"' in healthcheck, "the health check runs in exec form"


def test_the_build_context_leaves_out_local_state() -> None:
    ignored = (ROOT / ".dockerignore").read_text().split()
    for entry in (".venv", ".git", "*.db", ".env", "**/__pycache__"):
        assert entry in ignored


def test_hadolint_finds_nothing() -> None:
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent))
    if hadolint is None:
        pytest.skip("hadolint is in the lint group: uv sync --group lint")
    done = subprocess.run(
        [hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_runtime_install_serves_a_mounted_profile_from_outside_the_checkout(
    tmp_path: Path,
) -> None:
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH")
    venv = tmp_path / "venv"
    env = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(venv)}
    # The image's step, from uv's cache only: the test reaches no registry.
    sync = subprocess.run(
        [uv, "sync", "--frozen", "--no-dev", "--no-editable", "--offline", "--quiet"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if sync.returncode != 0 and "offline" in sync.stderr.lower():
        pytest.skip(f"uv's cache lacks a package for an offline install: {sync.stderr[:300]}")
    assert sync.returncode == 0, sync.stderr
    installed = {p.name.split("-")[0].lower() for p in venv.glob("lib/python*/site-packages/*")}
    assert not {"pytest", "ruff", "mypy", "matplotlib"} & installed

    # As in the image: /app holds the migrations; the profile is mounted elsewhere.
    app_dir = tmp_path / "app"
    app_dir.mkdir()
    shutil.copytree(ROOT / "migrations", app_dir / "migrations")
    shutil.copy(ROOT / "alembic.ini", app_dir / "alembic.ini")
    profile = tmp_path / "profile"
    profile.mkdir()
    (profile / "resume.json").write_text(
        json.dumps(
            {
                "basics": {"name": "Mina Park", "label": "Data engineer"},
                "education": [{"institution": "Seoul Tech", "area": "Statistics"}],
            }
        ),
        encoding="utf-8",
    )
    run_env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'data.db'}",
        "PROFILE_PATH": str(profile),
        "OPENAI_AGENTS_DISABLE_TRACING": "1",
    }
    upgraded = subprocess.run(
        [str(venv / "bin" / "ask-applicant"), "db", "upgrade"],
        cwd=app_dir,
        env=run_env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert upgraded.returncode == 0, upgraded.stderr
    asked = subprocess.run(
        [str(venv / "bin" / "ask-applicant"), "ask", "--json", "Where did you study?"],
        cwd=app_dir,
        env=run_env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert asked.returncode == 0, asked.stderr
    assert "Seoul Tech" in json.loads(asked.stdout)["answer"]
