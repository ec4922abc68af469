// The page's calls to the service's own `/v1` API, authenticated by the share-link
// cookie (same origin only). Errors become `ApiError` with the problem's status and
// detail, so the page can say what happened.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** Seconds to wait before trying again (429), or null. */
  get retryAfter() {
    const value = Number(this.problem.retryAfter);
    return Number.isFinite(value) && value > 0 ? value : null;
  }
}

async function problemOf(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    problem = { detail: response.statusText };
  }
  problem.retryAfter = response.headers.get("Retry-After");
  return new ApiError(response.status, problem);
}

/** Sends a request to the API; returns the response, or throws ApiError when not ok. */
export async function request(path, { method = "GET", body, headers = {}, signal } = {}) {
  const init = { method, credentials: "same-origin", headers: { ...headers }, signal };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) throw await problemOf(response);
  return response;
}

async function json(path, options) {
  const response = await request(path, options);
  return response.status === 204 ? null : response.json();
}

export const api = {
  me: () => json("/v1/me"),
  summary: (lang) => json(`/v1/profile/summary?lang=${encodeURIComponent(lang)}`),
  sessions: () => json("/v1/sessions?limit=100"),
  session: (id) => json(`/v1/sessions/${encodeURIComponent(id)}`),
  rename: (id, title) => json(`/v1/sessions/${encodeURIComponent(id)}`, { method: "PATCH", body: { title } }),
  remove: (id) => json(`/v1/sessions/${encodeURIComponent(id)}`, { method: "DELETE" }),
  cancel: (runId) => json(`/v1/runs/${encodeURIComponent(runId)}/cancel`, { method: "POST" }),

  /** Starts an answer; the response's body is its event stream. */
  ask: (body, signal) =>
    request("/v1/chat/stream", { method: "POST", body, headers: { Accept: "text/event-stream" }, signal }),

  /** The run's events after `lastSeq`; 204 when the client already has them all. */
  follow: (runId, lastSeq, signal) =>
    request(`/v1/runs/${encodeURIComponent(runId)}/stream`, {
      headers: { Accept: "text/event-stream", ...(lastSeq ? { "Last-Event-ID": `${runId}:${lastSeq}` } : {}) },
      signal,
    }),
};
