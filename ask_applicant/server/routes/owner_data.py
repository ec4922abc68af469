"""`/v1/owner/*` for the applicant's data: a conversation's turns, export, and forget."""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from sqlmodel import col, select
from starlette.responses import Response

from ask_applicant.persistence import Run, RunEvent
from ask_applicant.persistence.link_data import (
    ExportRow,
    RecruiterBusyError,
    export_rows,
    forget_recruiter,
)
from ask_applicant.persistence.links import get_link
from ask_applicant.persistence.sessions import get_session
from ask_applicant.server.auth import not_found
from ask_applicant.server.deps import DbDep
from ask_applicant.server.owner_schemas import ForgetResult, ToolUse, TurnList, TurnView
from ask_applicant.server.problems import Problem
from ask_applicant.server.routes.owner import OwnerUser
from ask_applicant.server.schemas import is_id

router = APIRouter(prefix="/v1/owner", tags=["owner"])

MESSAGE_FIELDS = ("run_id", "asked_at", "question", "answer", "agent", "status", "answer_kind")
CSV_COLUMNS = [
    "session_id",
    "title",
    "asker",
    "link",
    "run_id",
    "asked_at",
    "question",
    "answer",
    "agent",
    "status",
    "answer_kind",
]


def _sources(output: Any) -> list[str]:
    try:
        parsed = json.loads(output) if isinstance(output, str) else None
    except json.JSONDecodeError:
        return []
    facts = parsed.get("facts") if isinstance(parsed, dict) else None
    return [str(f["source"]) for f in facts or [] if isinstance(f, dict) and "source" in f]


def _turn(run: Run, events: list[RunEvent]) -> TurnView:
    # A turn starts with the agent the conversation was left with, not always triage.
    agents: list[str] = []
    tools: list[ToolUse] = []
    sources: list[str] = []
    for event in events:
        data = event.data if isinstance(event.data, dict) else {}
        if event.event == "handoff":
            agents += [str(data.get("from", ""))] if not agents else []
            agents.append(str(data.get("to", "")))
        elif event.event == "tool.called":
            tools.append(
                ToolUse(
                    name=str(data.get("tool", "")),
                    agent=data.get("agent"),
                    arguments=data.get("arguments"),
                )
            )
        elif event.event == "tool.output":
            sources += [s for s in _sources(data.get("output")) if s not in sources]
    return TurnView(
        run_id=run.id,
        question=run.message,
        answer=run.final_text,
        status=run.status,
        answer_kind=run.answer_kind,
        agents=agents or [run.agent],
        tools=tools,
        sources=sources,
        created_at=run.created_at,
    )


@router.get("/sessions/{session_id}/turns", response_model=TurnList)
async def conversation_turns(session_id: str, _owner: OwnerUser, db: DbDep) -> TurnList:
    """A conversation's questions and answers, each with its agent path, tools, sources
    and answer kind, oldest first."""
    chat = (
        await get_session(db, session_id=session_id, owner_id=None) if is_id(session_id) else None
    )
    if chat is None:
        raise not_found("conversation")
    runs = list(
        (
            await db.exec(
                select(Run)
                .where(Run.session_id == chat.id)
                .order_by(col(Run.created_at), col(Run.id))
            )
        ).all()
    )
    by_run: dict[str, list[RunEvent]] = {run.id: [] for run in runs}
    if runs:
        query = select(RunEvent).where(
            col(RunEvent.run_id).in_(list(by_run)),
            col(RunEvent.event).in_(("handoff", "tool.called", "tool.output")),
        )
        for event in (await db.exec(query.order_by(col(RunEvent.seq)))).all():
            by_run[event.run_id].append(event)
    turns = [_turn(run, by_run[run.id]) for run in runs]
    return TurnList(session_id=chat.id, owner_id=chat.owner_id, turns=turns)


def _record(row: ExportRow) -> dict[str, Any]:
    return {
        "session_id": row.chat.id,
        "title": row.chat.title,
        "asker": row.asker,
        "link": row.link_name,
        "run_id": row.run.id,
        "asked_at": row.run.created_at.isoformat(),
        "question": row.run.message,
        "answer": row.run.final_text,
        "agent": row.run.agent,
        "status": row.run.status,
        "answer_kind": row.run.answer_kind,
    }


@router.get(
    "/export",
    response_class=Response,
    responses={200: {"content": {"application/json": {}, "text/csv": {}}}},
)
async def export(
    _owner: OwnerUser, db: DbDep, format: Annotated[Literal["json", "csv"], Query()] = "json"
) -> Response:
    """Every question and answer: JSON (conversations with their messages) or CSV (one
    row per question), as a download."""
    records = [_record(row) for row in await export_rows(db)]
    headers = {"Cache-Control": "no-store"}
    if format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(records)
        headers["Content-Disposition"] = 'attachment; filename="conversations.csv"'
        # A byte-order mark so spreadsheet programs read Hangul as UTF-8.
        return Response(
            "\ufeff" + buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers
        )
    conversations: dict[str, dict[str, Any]] = {}
    for record in records:
        conversation = conversations.setdefault(
            record["session_id"],
            {
                "id": record["session_id"],
                "title": record["title"],
                "asker": record["asker"],
                "link": record["link"],
                "messages": [],
            },
        )
        conversation["messages"].append({k: record[k] for k in MESSAGE_FIELDS})
    headers["Content-Disposition"] = 'attachment; filename="conversations.json"'
    body = json.dumps({"conversations": list(conversations.values())}, ensure_ascii=False)
    return Response(body, media_type="application/json", headers=headers)


@router.delete("/links/{link_id}/data", response_model=ForgetResult)
async def forget_link_data(link_id: str, _owner: OwnerUser, db: DbDep) -> ForgetResult:
    """Delete everything the link's recruiter left: conversations (with their runs and
    events) and leads, in one transaction. The link stays; revoke it separately."""
    link = await get_link(db, link_id=link_id) if len(link_id) <= 64 else None
    if link is None:
        raise not_found("share link")
    try:
        gone = await forget_recruiter(db, link=link)
    except RecruiterBusyError:
        raise Problem(
            409,
            "A conversation of this link is still answering; try again when it ends.",
            kind="session-busy",
        ) from None
    return ForgetResult(conversations=gone.conversations, runs=gone.runs, leads=gone.leads)
