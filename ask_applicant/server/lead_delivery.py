"""Sending leads to `LEAD_WEBHOOK_URL`: a background task the app's lifespan owns.

The lead is already stored when the task hears of it (`wake()`), and the task reads
what to send from the database, so a lead whose webhook is down, or whose process
restarts, is sent later rather than lost. Each failure (a network error or a non-2xx
answer) is retried after `LEAD_WEBHOOK_BACKOFF_SECONDS * 2**(attempts - 1)`; after
`LEAD_WEBHOOK_MAX_ATTEMPTS` the lead is marked failed, and the console shows it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from ask_applicant.persistence import Lead, open_db
from ask_applicant.persistence.columns import utcnow
from ask_applicant.persistence.leads import due_leads, next_due, record_attempt
from ask_applicant.settings import Settings

logger = logging.getLogger(__name__)
# With nothing pending the task still looks now and then (leads a tool stored).
IDLE_SECONDS = 10.0


def lead_payload(lead: Lead) -> dict[str, str | None]:
    """The JSON the webhook receives."""
    return {
        "type": "lead",
        "id": lead.id,
        "name": lead.name,
        "email": lead.email,
        "company": lead.company,
        "message": lead.message,
        "source": lead.source,
        "session_id": lead.session_id,
        "created_at": lead.created_at.isoformat(),
    }


class LeadDelivery:
    """Delivers pending leads to the webhook, retrying with exponential backoff.

    Args:
        engine: The process's engine.
        settings: The webhook's URL and retry settings.
    """

    def __init__(self, engine: AsyncEngine, settings: Settings) -> None:
        self._engine = engine
        self._settings = settings
        self._wake = asyncio.Event()
        self._client: httpx.AsyncClient | None = None
        self._stopping = False

    @property
    def enabled(self) -> bool:
        """True when a webhook is configured."""
        return bool(self._settings.lead_webhook_url)

    def wake(self) -> None:
        """Look for due leads now (a lead was just stored)."""
        self._wake.set()

    @asynccontextmanager
    async def running(self) -> AsyncIterator[LeadDelivery]:
        """Run the delivery task (when a webhook is configured) until the block exits."""
        if not self.enabled:
            yield self
            return
        timeout = self._settings.lead_webhook_timeout_seconds
        async with httpx.AsyncClient(timeout=timeout, follow_redirects=False) as client:
            self._client = client
            task = asyncio.create_task(self._loop(), name="lead-delivery")
            try:
                yield self
            finally:
                # The flag ends the loop even when the cancel is lost in a MySQL read
                # (Python 3.11; see `sweep_forever` in `server.runs.sweeper`).
                self._stopping = True
                self._wake.set()
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
                self._client = None

    async def _loop(self) -> None:
        while not self._stopping:
            self._wake.clear()
            try:
                await self.deliver_due()
                wait = await self._seconds_to_next()
            except Exception:
                logger.exception("lead delivery failed; trying again shortly")
                wait = IDLE_SECONDS
            try:
                await asyncio.wait_for(self._wake.wait(), wait)
            except TimeoutError:
                continue

    async def _seconds_to_next(self) -> float:
        async with open_db(self._engine) as db:
            due = await next_due(db)
        if due is None:
            return IDLE_SECONDS
        return min(IDLE_SECONDS, max(0.0, (due - utcnow()).total_seconds()))

    async def deliver_due(self) -> None:
        """Send every lead that is due, recording each attempt."""
        async with open_db(self._engine) as db:
            leads = await due_leads(db, now=utcnow())
        for lead in leads:
            error = await self._post(lead)
            retry_at = None
            if error is not None and lead.delivery_attempts + 1 < self._max_attempts:
                backoff = self._settings.lead_webhook_backoff_seconds
                retry_at = utcnow() + timedelta(seconds=backoff * 2**lead.delivery_attempts)
            async with open_db(self._engine) as db:
                await record_attempt(db, lead_id=lead.id, error=error, retry_at=retry_at)

    @property
    def _max_attempts(self) -> int:
        return self._settings.lead_webhook_max_attempts

    async def _post(self, lead: Lead) -> str | None:
        """POST the lead; None when the webhook took it, else why not."""
        assert self._client is not None and self._settings.lead_webhook_url
        try:
            reply = await self._client.post(
                self._settings.lead_webhook_url, json=lead_payload(lead)
            )
        except httpx.HTTPError as error:
            return f"{type(error).__name__}: {error}"[:300]
        if reply.is_success:
            return None
        return f"HTTP {reply.status_code}"
