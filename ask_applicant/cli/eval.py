"""`ask-applicant eval`: run YAML suites against the agents and report how they did.

Exit status: 0 when every suite reaches `--min-pass-rate`, 1 when one does not, 2 for
bad input (a broken suite, an unknown profile, missing options).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Annotated

import typer
from openai import AsyncOpenAI
from rich.console import Console

from ask_applicant.agents.models import configure_tracing, create_openai_client, select_model
from ask_applicant.evaluation.console import progress_bar, show_report
from ask_applicant.evaluation.http_target import open_http_target
from ask_applicant.evaluation.in_process import open_in_process_target
from ask_applicant.evaluation.judge import Judge
from ask_applicant.evaluation.report import CaseResult, EvalReport
from ask_applicant.evaluation.report_files import write_reports
from ask_applicant.evaluation.runner import Plan, run_suites, selected
from ask_applicant.evaluation.suite import Suite
from ask_applicant.evaluation.suite_files import SuiteError, load_suites
from ask_applicant.evaluation.target import Target
from ask_applicant.profile import ProfileError
from ask_applicant.settings import Settings, get_settings


class UsageProblem(ValueError):
    """Options that cannot work together; printed as `error: ...`, exit status 2."""


def _key(settings: Settings) -> str | None:
    return settings.openai_api_key.get_secret_value() if settings.openai_api_key else None


def _judge_client(settings: Settings, judge_model: str | None) -> tuple[AsyncOpenAI, str] | None:
    model = judge_model or (None if settings.offline else settings.model)
    if model is None:
        return None
    if _key(settings) is None and settings.openai_base_url is None:
        raise UsageProblem(f"the judge model {model!r} needs OPENAI_API_KEY or OPENAI_BASE_URL")
    client = AsyncOpenAI(api_key=_key(settings) or "not-needed", base_url=settings.openai_base_url)
    return client, model


@asynccontextmanager
async def _target(
    settings: Settings, suites: list[Suite], plan: Plan, url: str | None, api_key: str | None
) -> AsyncIterator[Target]:
    if url is not None:
        if plan.profile is not None:
            raise UsageProblem("--profile cannot apply with --url: the server has its own")
        if not url.startswith(("http://", "https://")):
            raise UsageProblem(f"--url must be an http:// or https:// URL, not {url!r}")
        if not api_key:
            raise UsageProblem("--url needs --api-key (or ASK_APPLICANT_API_KEY)")
        turn_timeout = settings.run_timeout_seconds + 30
        async with open_http_target(url, api_key=api_key, turn_timeout_s=turn_timeout) as target:
            yield target
        return
    if not settings.offline and _key(settings) is None and settings.openai_base_url is None:
        raise UsageProblem(f"model {settings.model!r} needs OPENAI_API_KEY or OPENAI_BASE_URL")
    configure_tracing(settings)
    client = create_openai_client(settings)
    profiles = list(dict.fromkeys(plan.profile_of(suite) for suite in suites))
    try:
        model = select_model(settings, client)
        async with open_in_process_target(settings, model=model, profiles=profiles) as target:
            yield target
    finally:
        if client is not None:
            await client.close()


async def _evaluate(
    settings: Settings,
    suites: list[Suite],
    plan: Plan,
    *,
    url: str | None,
    api_key: str | None,
    judge_model: str | None,
    console: Console,
) -> EvalReport:
    runs = len(selected(suites, plan)) * plan.repeat
    async with AsyncExitStack() as stack:
        judged = _judge_client(settings, judge_model)
        judge = None
        if judged is not None:
            stack.push_async_callback(judged[0].close)
            judge = Judge(*judged)
        target = await stack.enter_async_context(_target(settings, suites, plan, url, api_key))
        with progress_bar(console) as progress:
            task = progress.add_task("eval", total=runs, failed=0)
            not_passed = 0

            def advance(result: CaseResult) -> None:
                nonlocal not_passed
                not_passed += result.status != "passed"
                progress.update(task, advance=1, failed=not_passed)

            report = await run_suites(suites, target, plan, judge=judge, on_result=advance)
    return report


def evaluate(
    paths: Annotated[
        list[Path], typer.Argument(help="Suite files, or folders searched for *.yaml.")
    ],
    profile: Annotated[
        Path | None,
        typer.Option(help="Profile for every suite, over the suites' own `profile:`."),
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="'offline' or a model name (default: MODEL).")
    ] = None,
    repeat: Annotated[int, typer.Option(min=1, max=100, help="Runs per case.")] = 1,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", help="Only cases with this tag (repeatable).")
    ] = None,
    concurrency: Annotated[int, typer.Option(min=1, max=64, help="Cases run at once.")] = 4,
    min_pass_rate: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Every suite must reach this pass rate.")
    ] = 1.0,
    report_dir: Annotated[
        Path | None,
        typer.Option(help="Write report.json, junit.xml and report.md here."),
    ] = None,
    url: Annotated[
        str | None, typer.Option(help="Evaluate the server at this URL instead of in-process.")
    ] = None,
    api_key: Annotated[
        str | None,
        typer.Option(envvar="ASK_APPLICANT_API_KEY", help="The server's API key, with --url."),
    ] = None,
    judge_model: Annotated[
        str | None,
        typer.Option(
            envvar="EVAL_JUDGE_MODEL",
            help="Model that grades `rubric:` (default: MODEL unless offline).",
        ),
    ] = None,
) -> None:
    """Run evaluation suites and report pass rates, latencies and failures."""
    console = Console(stderr=True)
    settings = get_settings()
    if model is not None:
        settings = settings.model_copy(update={"model": model.strip() or "offline"})
    if profile is not None:
        settings = settings.model_copy(update={"profile_path": profile})
    try:
        suites = load_suites(paths)
        plan = Plan(
            repeat=repeat,
            tags=tuple(tag or ()),
            concurrency=concurrency,
            min_pass_rate=min_pass_rate,
            profile=profile,
        )
        if not selected(suites, plan):
            raise UsageProblem(f"no case has any of the tags {list(plan.tags)}")
        report = asyncio.run(
            _evaluate(
                settings,
                suites,
                plan,
                url=url,
                api_key=api_key,
                judge_model=judge_model,
                console=console,
            )
        )
    except (SuiteError, UsageProblem) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    except ProfileError as error:
        typer.echo(f"error: cannot load the profile: {error}", err=True)
        raise typer.Exit(2) from None
    show_report(Console(), report)
    if report_dir is not None:
        for file in write_reports(report, report_dir):
            console.print(f"[dim]wrote {file}[/dim]")
    raise typer.Exit(0 if report.passed else 1)
