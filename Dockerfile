# syntax=docker/dockerfile:1.7
# Build: resolve and install the locked dependencies, then the project, into /app/.venv.
FROM python:3.12-slim-bookworm AS build
COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /uvx /bin/
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never
WORKDIR /app
RUN --mount=type=cache,target=/root/.cache/uv \
    --mount=type=bind,source=uv.lock,target=uv.lock \
    --mount=type=bind,source=pyproject.toml,target=pyproject.toml \
    uv sync --frozen --no-dev --no-install-project
# .dockerignore keeps the host's .venv, databases, .git and caches out of this copy.
COPY . /app
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-editable

# Run: only the virtualenv and the migrations, as an unprivileged numeric user.
FROM python:3.12-slim-bookworm AS runtime
ARG APP_UID=10001
# git reads the portfolio's history; Debian's current package is what we want.
# hadolint ignore=DL3008
RUN groupadd --system --gid "${APP_UID}" app \
    && useradd --system --uid "${APP_UID}" --gid app --home-dir /app --no-create-home app \
    && apt-get update && apt-get install -y --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build --chown=${APP_UID}:${APP_UID} /app/.venv /app/.venv
COPY --from=build --chown=${APP_UID}:${APP_UID} /app/migrations /app/migrations
COPY --from=build --chown=${APP_UID}:${APP_UID} /app/alembic.ini /app/alembic.ini
ENV PATH="/app/.venv/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    DATABASE_URL="sqlite+aiosqlite:////app/data/ask_applicant.db"
RUN mkdir -p /app/data && chown "${APP_UID}:${APP_UID}" /app/data
USER ${APP_UID}:${APP_UID}
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"]
CMD ["ask-applicant", "serve", "--host", "0.0.0.0", "--port", "8000"]
