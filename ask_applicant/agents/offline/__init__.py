"""The deterministic offline model: BM25 routing, schema-driven tool calls, extractive answers.

Public names: `OfflineModel` (an SDK `Model`), and the markers it reads from agent
instructions, `VOICE: first_person|third_person` and `APPLICANT: <name>` (see `voice`).
"""

from __future__ import annotations

from ask_applicant.agents.offline.model import OfflineModel

__all__ = ["OfflineModel"]
