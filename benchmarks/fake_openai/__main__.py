"""``python -m benchmarks.fake_openai``: serve the fake OpenAI upstream until interrupted."""

from __future__ import annotations

import argparse
import signal
import sys
from types import FrameType

from pydantic import ValidationError

from benchmarks.fake_openai.app import FAULT_HEADER, FakeUpstream
from benchmarks.fake_openai.config import FAULT_KINDS, FakeConfig, Fault
from benchmarks.fake_openai.server import ANNOUNCEMENT, UpstreamServer, listening_socket


def main(argv: list[str] | None = None) -> int:
    """Parse flags, print ``fake-openai listening on <base_url>``, serve until SIGINT/SIGTERM."""
    parser = _parser()
    options = parser.parse_args(argv)
    try:
        config = FakeConfig(
            ttft_ms=options.ttft_ms,
            token_delay_ms=options.token_delay_ms,
            answer_tokens=options.answer_tokens,
            retry_after_seconds=options.retry_after,
            stall_seconds=options.stall_seconds,
            drop_after_events=options.drop_after_events,
            faults=tuple(Fault.parse(spec) for spec in options.fault),
        )
    except (ValidationError, ValueError) as error:
        parser.error(str(error))
    try:
        sock = listening_socket(options.host, options.port)
    except OSError as error:
        parser.error(f"cannot listen on {options.host}:{options.port}: {error}")
    server = UpstreamServer(FakeUpstream(config))

    def stop(signum: int, frame: FrameType | None) -> None:
        server.should_exit = True

    # uvicorn handles these while serving and re-raises them afterwards; until it starts, and
    # after, they mean "stop cleanly" too, so a signal right after the announcement exits 0.
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop_signal, stop)
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"{ANNOUNCEMENT}http://{shown}:{port}/v1", flush=True)
    server.run(sockets=[sock])
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.fake_openai",
        description=(
            "A fake OpenAI API (POST /v1/responses, POST /v1/chat/completions) that hands off, "
            "calls tools and answers from what each request offers. Counters at GET "
            f"/_fake/stats; per-request faults with the {FAULT_HEADER} header."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port; 0 picks a free one")
    parser.add_argument("--ttft-ms", type=float, default=0.0, help="time to first token")
    parser.add_argument("--token-delay-ms", type=float, default=0.0, help="delay between tokens")
    parser.add_argument("--answer-tokens", type=int, default=40, help="tokens per text answer")
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="KIND[@N]",
        help=f"fault on every request or on the Nth; KIND: {', '.join(FAULT_KINDS)}",
    )
    parser.add_argument("--retry-after", type=float, default=1.0, help="retry-after of a 429 (s)")
    parser.add_argument("--stall-seconds", type=float, default=600.0, help="length of a stall")
    parser.add_argument(
        "--drop-after-events", type=int, default=3, help="events sent before a drop"
    )
    return parser


if __name__ == "__main__":
    sys.exit(main())
