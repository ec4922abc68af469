"""The page's own modules, run in the browser: the SSE parser and the cited sources."""

from __future__ import annotations

from typing import Any

from .conftest import OpenSite

READ_EVENTS = """async (chunks) => {
    const { readEvents } = await import('/static/sse.js');
    const bytes = new TextEncoder();
    const body = new ReadableStream({
        start(controller) {
            for (const chunk of chunks) controller.enqueue(bytes.encode(chunk));
            controller.close();
        },
    });
    const events = [];
    for await (const event of readEvents(body)) events.push(event);
    return events;
}"""


async def test_the_sse_parser_reads_frames_split_anywhere_with_any_line_ending(
    open_site_on_sqlite: OpenSite,
) -> None:
    site = await open_site_on_sqlite()
    page = await site.visitor()
    await page.goto(f"{site.url}/")
    chunks = [
        ": events of run r_1\r\nretry: 1500\r\n\r\n",
        'event: message.delta\r\ndata: {"delta":"한',
        '국어 🎓"}\r',  # a CR at a chunk's end: the LF follows in the next one
        "\nid: r_1:7\r\n\r\n",
        ": keep-alive\n\n",
        "event: run.completed\rdata: {\rdata: }\rid: r_1:8\r\r",
        "data: no blank line at the end, so never dispatched",
    ]

    events: list[dict[str, Any]] = await page.evaluate(READ_EVENTS, chunks)

    assert [(e["type"], e["data"], e["id"]) for e in events] == [
        ("message.delta", '{"delta":"한국어 🎓"}', "r_1:7"),
        ("run.completed", "{\n}", "r_1:8"),
    ]


async def test_cited_sources_are_found_only_in_reference_shaped_parentheses(
    open_site_on_sqlite: OpenSite,
) -> None:
    site = await open_site_on_sqlite()
    page = await site.visitor()
    await page.goto(f"{site.url}/")

    cited = await page.evaluate(
        """async (text) => (await import('/static/sources.js')).citedSources(text)""",
        "Kafka (work[0]); chat (projects[1], projects/chat-service.md). "
        "Python (and Kotlin) and (basics.email) again (work[0]) and (faq[3]; job_description)",
    )

    assert cited == [
        "work[0]",
        "projects[1]",
        "projects/chat-service.md",
        "basics.email",
        "faq[3]",
        "job_description",
    ]
