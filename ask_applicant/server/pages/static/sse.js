// Server-Sent Events over fetch: a parser for a response body stream.
//
// EventSource cannot POST, so the page reads `POST /v1/chat/stream` and
// `GET /v1/runs/{id}/stream` with fetch and parses the frames itself, following the
// WHATWG rules: lines end in LF, CR or CRLF; `:` starts a comment; an event is
// dispatched at a blank line when it has data.

/** Parses one field line into the event under construction. */
function applyLine(line, pending) {
  if (line.startsWith(":")) return;
  const colon = line.indexOf(":");
  const field = colon === -1 ? line : line.slice(0, colon);
  let value = colon === -1 ? "" : line.slice(colon + 1);
  if (value.startsWith(" ")) value = value.slice(1);
  if (field === "event") pending.type = value;
  else if (field === "data") pending.data.push(value);
  else if (field === "id" && !value.includes("\0")) pending.id = value;
  else if (field === "retry" && /^\d+$/.test(value)) pending.retry = Number(value);
}

/**
 * Yields `{type, data, id, retry}` for each event in `body` (a ReadableStream of bytes).
 * `data` is the joined data lines as text; a frame without data yields nothing.
 */
export async function* readEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let pending = { type: "message", data: [], id: null, retry: null };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer);
        // A lone CR at the end may be the first half of CRLF: wait for more.
        if (!match || (match[0] === "\r" && match.index === buffer.length - 1)) break;
        const line = buffer.slice(0, match.index);
        buffer = buffer.slice(match.index + match[0].length);
        if (line === "") {
          if (pending.data.length) {
            yield { ...pending, data: pending.data.join("\n") };
          }
          pending = { type: "message", data: [], id: null, retry: null };
        } else {
          applyLine(line, pending);
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
}
