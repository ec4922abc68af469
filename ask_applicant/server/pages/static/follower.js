// Following a run's event stream to its end, across dropped connections.
//
// Every event id is `{run_id}:{seq}`. The follower remembers the highest seq it has
// applied and, when the connection drops (or the stream ends without a terminal
// event), reconnects to `/v1/runs/{id}/stream` with `Last-Event-ID`; anything it
// has already seen is skipped, so no text is ever applied twice.

import { api, ApiError } from "./api.js";
import { readEvents } from "./sse.js";

export const TERMINAL = new Set(["run.completed", "run.failed", "run.cancelled"]);
const DELAYS_MS = [250, 500, 1000, 2000, 3000, 5000];
const MAX_ATTEMPTS = 40;

export class ConnectionLostError extends Error {}

function seqOf(id, runId) {
  const at = typeof id === "string" ? id.lastIndexOf(":") : -1;
  if (at === -1 || (runId && id.slice(0, at) !== runId)) return null;
  const seq = Number(id.slice(at + 1));
  return Number.isInteger(seq) ? seq : null;
}

// Waits before the next attempt; returns early when the browser comes back online.
function pause(attempt, signal) {
  const delay = DELAYS_MS[Math.min(attempt, DELAYS_MS.length - 1)];
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener("online", done);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, delay);
    window.addEventListener("online", done);
    signal?.addEventListener("abort", done);
  });
}

// Server errors and dropped connections are worth another try; a 4xx is an answer.
function retryable(error) {
  return !(error instanceof ApiError) || error.status >= 500;
}

/**
 * Reads a run's events until its terminal event.
 *
 * @param {object} options
 * @param {(signal: AbortSignal) => Promise<Response>} [options.start] Opens the first stream (the POST that
 *   starts the run); called again, with the same client message id, if it drops before
 *   the run's id is known.
 * @param {string} [options.runId] The run to follow, when it is already known.
 * @param {(type: string, data: object, runId: string) => void} options.onEvent
 * @param {(state: "live" | "reconnecting" | "offline") => void} [options.onState]
 * @param {AbortSignal} [options.signal] Stops following (the run goes on on the server).
 * @returns {Promise<string | null>} The terminal event's type, or null if it was not seen
 *   (the stream ended with 204: the run had already finished before this follower).
 */
export async function followRun({ start, runId = null, onEvent, onState = () => {}, signal }) {
  let seen = 0;
  let id = runId;
  for (let attempt = 0; ; ) {
    if (signal?.aborted) return null;
    let response;
    try {
      response = id ? await api.follow(id, seen, signal) : await start(signal);
    } catch (error) {
      if (signal?.aborted) return null;
      if (!retryable(error) || attempt >= MAX_ATTEMPTS) {
        throw retryable(error) ? new ConnectionLostError(error.message) : error;
      }
      onState(navigator.onLine === false ? "offline" : "reconnecting");
      await pause(attempt++, signal);
      continue;
    }
    if (response.status === 204) return null;
    if (attempt) onState("live");
    try {
      for await (const event of readEvents(response.body)) {
        let data;
        try {
          data = JSON.parse(event.data);
        } catch {
          continue;
        }
        if (!id && event.type === "run.created") id = data.run_id;
        const seq = seqOf(event.id, id);
        if (seq !== null && seq <= seen) continue;
        if (seq !== null) seen = seq;
        attempt = 0;
        onEvent(event.type, data, id);
        if (TERMINAL.has(event.type)) return event.type;
      }
    } catch (error) {
      if (signal?.aborted) return null;
      if (!retryable(error)) throw error;
    }
    if (attempt >= MAX_ATTEMPTS) throw new ConnectionLostError("the stream kept dropping");
    onState(navigator.onLine === false ? "offline" : "reconnecting");
    await pause(attempt++, signal);
  }
}
