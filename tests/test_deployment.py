"""The Docker files describe a deployable stack (no Docker engine runs here)."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_compose_runs_mysql_with_a_healthcheck_a_migration_and_the_app() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
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


def test_the_image_is_multi_stage_non_root_frozen_and_compiled() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile.count("\nFROM ") + dockerfile.startswith("FROM ") >= 2
    assert "uv sync --frozen --no-dev" in dockerfile
    assert "UV_COMPILE_BYTECODE=1" in dockerfile
    users = [line.split()[1] for line in dockerfile.splitlines() if line.startswith("USER ")]
    assert users and users[-1] != "root"
