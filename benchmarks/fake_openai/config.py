"""What the fake upstream is told to do: pacing, answer length and injected faults."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

FaultKind = Literal["rate_limit", "server_error", "stall", "drop"]
FAULT_KINDS: tuple[str, ...] = get_args(FaultKind)


class Fault(BaseModel):
    """One injected failure.

    Attributes:
        kind: ``rate_limit`` (429 with ``retry-after``), ``server_error`` (500 with an
            OpenAI-shaped body), ``stall`` (no byte before ``stall_seconds``, so the client
            times out first) or ``drop`` (a few events, then the connection is cut).
        nth: The 1-based model request (counted since start or reset) it hits; ``None``
            means every request.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: FaultKind
    nth: int | None = Field(default=None, ge=1)

    @classmethod
    def parse(cls, spec: str) -> Fault:
        """Read the CLI form: ``KIND`` (every request) or ``KIND@N`` (the Nth request).

        Raises:
            ValueError: The kind is unknown or N is not a positive integer.
        """
        kind, _, nth = spec.strip().partition("@")
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; choose one of {', '.join(FAULT_KINDS)}")
        if not nth:
            return cls(kind=kind)  # type: ignore[arg-type]
        if not nth.isdigit() or int(nth) < 1:
            raise ValueError(f"fault {spec!r}: the request number after '@' must be 1 or more")
        return cls(kind=kind, nth=int(nth))  # type: ignore[arg-type]

    def spec(self) -> str:
        """The CLI form that :meth:`parse` reads back."""
        return self.kind if self.nth is None else f"{self.kind}@{self.nth}"


class FakeConfig(BaseModel):
    """Behaviour of the fake upstream; also accepted as JSON by ``PUT /_fake/config``.

    Attributes:
        ttft_ms: Delay before the first output token (or tool call) of a reply.
        token_delay_ms: Delay between consecutive output tokens.
        answer_tokens: Number of tokens (text deltas) in a text answer.
        faults: Injected failures; the first one matching a request applies.
        retry_after_seconds: Value of the ``retry-after`` header on a 429.
        stall_seconds: How long a stalled request waits before its first byte.
        drop_after_events: Events sent on a stream before a ``drop`` cuts the connection.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    ttft_ms: float = Field(default=0.0, ge=0)
    token_delay_ms: float = Field(default=0.0, ge=0)
    answer_tokens: int = Field(default=40, ge=1, le=100_000)
    faults: tuple[Fault, ...] = ()
    retry_after_seconds: float = Field(default=1.0, ge=0)
    stall_seconds: float = Field(default=600.0, ge=0)
    drop_after_events: int = Field(default=3, ge=0)

    def fault_for(self, ordinal: int) -> FaultKind | None:
        """The fault configured for the ``ordinal``-th model request, if any."""
        for fault in self.faults:
            if fault.nth is None or fault.nth == ordinal:
                return fault.kind
        return None

    def to_cli_args(self) -> list[str]:
        """The ``python -m benchmarks.fake_openai`` flags that reproduce this config."""
        args = [
            f"--ttft-ms={self.ttft_ms}",
            f"--token-delay-ms={self.token_delay_ms}",
            f"--answer-tokens={self.answer_tokens}",
            f"--retry-after={self.retry_after_seconds}",
            f"--stall-seconds={self.stall_seconds}",
            f"--drop-after-events={self.drop_after_events}",
        ]
        return args + [f"--fault={fault.spec()}" for fault in self.faults]
