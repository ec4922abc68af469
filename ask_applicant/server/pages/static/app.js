// The chat page: who the applicant is, the conversation, and the composer.
//
// The page is signed in by the share link's cookie; every call goes to this origin
// only. The open conversation is in the address (`?c=ID`), so a reload reopens it and,
// when an answer is still being written, follows it on from the server.

import { api, ApiError } from "./api.js";
import { ConversationList } from "./conversations.js";
import { ConnectionLostError, followRun } from "./follower.js";
import { initialLanguage, label, language, setLanguage, t } from "./i18n.js";
import { Turn } from "./turn.js";

const $ = (id) => document.getElementById(id);
const ui = {
  app: $("app"),
  signedOut: $("signed-out"),
  name: $("applicant-name"),
  headline: $("applicant-headline"),
  intro: $("intro"),
  welcome: $("welcome"),
  suggestions: $("suggestions"),
  log: $("log"),
  form: $("composer"),
  question: $("question"),
  send: $("send"),
  stop: $("stop"),
  notice: $("notice"),
  status: $("status"),
  lang: $("lang"),
  menu: $("menu"),
  sidebar: $("sidebar"),
  newChat: $("new-chat"),
};

const state = { sessionId: null, run: null, summary: null, opening: 0, link: null };

function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return "m_" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function announce(key, vars) {
  label(ui.status, key, vars);
}

function describe(error) {
  if (error instanceof ApiError) {
    if (error.status === 429) return t("rateLimited", { seconds: error.retryAfter ?? 5 });
    return error.message;
  }
  return t("networkError");
}

function showNotice(key, vars) {
  ui.notice.hidden = !key;
  if (key) label(ui.notice, key, vars);
}

function failed(error) {
  if (error instanceof ApiError && error.status === 401) return signedOut();
  ui.notice.hidden = false;
  delete ui.notice.dataset.i18n;
  ui.notice.textContent = describe(error);
}

const conversations = new ConversationList($("conversation-list"), {
  open: (id) => openConversation(id, { push: true }),
  deleted: (id) => {
    if (id === state.sessionId) newConversation({ push: true });
  },
  failed,
});

function setUrl(id, push) {
  const url = new URL(location.href);
  if (id) url.searchParams.set("c", id);
  else url.searchParams.delete("c");
  url.hash = "";
  if (url.href !== location.href) history[push ? "pushState" : "replaceState"]({}, "", url);
}

function setBusy(busy) {
  ui.send.hidden = busy;
  ui.stop.hidden = !busy;
  ui.stop.disabled = true;
  ui.form.classList.toggle("busy", busy);
}

function drawWelcome() {
  ui.welcome.hidden = ui.log.children.length > 0;
}

function drawSummary() {
  const summary = state.summary;
  const name = summary?.name || "";
  ui.name.textContent = name;
  ui.headline.textContent = summary?.headline || "";
  ui.headline.hidden = !summary?.headline;
  if (name) label(ui.intro, "intro", { name });
  else label(ui.intro, "introAnon");
  document.title = name ? t("pageTitle", { name }) : document.title;
  const questions = summary?.suggested_questions || summary?.questions || [];
  ui.suggestions.replaceChildren(
    ...questions.map((question) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "suggestion";
      button.textContent = question;
      button.addEventListener("click", () => ask(question));
      item.append(button);
      return item;
    }),
  );
}

async function loadSummary() {
  try {
    state.summary = await api.summary(language());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw error;
    state.summary = null;
  }
  drawSummary();
}

function stopFollowing() {
  state.run?.controller.abort();
  state.run = null;
  setBusy(false);
}

function newConversation({ push }) {
  stopFollowing();
  state.sessionId = null;
  ui.log.replaceChildren();
  conversations.select(null);
  setUrl(null, push);
  drawWelcome();
  closeMenu();
  ui.question.focus();
}

/** Follows a run into `turn`: from its start (`start`) or, by id, from the server. */
async function follow(turn, { start, runId }) {
  const controller = new AbortController();
  const run = { controller, runId, turn };
  state.run = run;
  setBusy(true);
  ui.stop.disabled = !runId;
  announce("thinking");
  try {
    const terminal = await followRun({
      start,
      runId,
      signal: controller.signal,
      onState: (connection) => turn.setConnection(connection),
      onEvent: (type, data) => {
        if (type === "run.created") {
          run.runId = data.run_id;
          ui.stop.disabled = false;
          if (!state.sessionId) {
            state.sessionId = data.session_id;
            setUrl(data.session_id, false);
            conversations.current = data.session_id;
            conversations.refresh();
          }
        }
        turn.apply(type, data);
      },
    });
    if (terminal === "run.completed") announce("answered");
    if (terminal === null && !controller.signal.aborted && state.sessionId) {
      // The run ended before we could follow it: show it as stored.
      await openConversation(state.sessionId, { push: false });
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return signedOut();
    if (error instanceof ApiError && error.status === 404) {
      showNotice("conversationMissing");
      return newConversation({ push: false });
    }
    const detail = error instanceof ConnectionLostError ? t("networkError") : describe(error);
    if (run.runId) turn.fail(detail);
    else turn.failToSend(detail);
  } finally {
    if (state.run === run) {
      state.run = null;
      setBusy(false);
      conversations.refresh();
    }
  }
}

function ask(question) {
  const text = question.trim();
  if (!text || state.run) return;
  showNotice(null);
  const body = { message: text, session_id: state.sessionId, client_message_id: newId() };
  const turn = new Turn(ui.log, text, {
    onRetry: () => {
      turn.node.remove();
      ask(text);
    },
  });
  drawWelcome();
  turn.node.scrollIntoView({ block: "end" });
  follow(turn, { start: (signal) => api.ask(body, signal) });
}

async function openConversation(id, { push }) {
  stopFollowing();
  const opening = ++state.opening;
  closeMenu();
  let detail;
  try {
    detail = await api.session(id);
  } catch (error) {
    if (opening !== state.opening) return;
    if (error instanceof ApiError && error.status === 404) {
      newConversation({ push: false });
      return showNotice("conversationMissing");
    }
    return failed(error);
  }
  if (opening !== state.opening) return;
  state.sessionId = detail.id;
  conversations.select(detail.id);
  setUrl(detail.id, push);
  showNotice(null);
  ui.log.replaceChildren();
  const runs = new Map();
  for (const message of detail.messages || []) {
    const entry = runs.get(message.run_id) || {};
    entry[message.role] = message;
    runs.set(message.run_id, entry);
  }
  let live = null;
  for (const [runId, { user, assistant }] of runs) {
    const question = user?.text || "";
    const turn = new Turn(ui.log, question, { onRetry: () => ask(question) });
    if (runId === detail.active_run_id || ["queued", "running"].includes(assistant?.status)) {
      live = { turn, runId };
    } else {
      turn.showStored(assistant || { text: "", status: "failed" });
    }
  }
  drawWelcome();
  ui.log.lastElementChild?.scrollIntoView({ block: "end" });
  // Not awaited: the answer goes on streaming while the page is used.
  if (live) follow(live.turn, { runId: live.runId });
}

async function stop() {
  const run = state.run;
  if (!run?.runId) return;
  ui.stop.disabled = true;
  try {
    await api.cancel(run.runId);
  } catch (error) {
    failed(error);
    ui.stop.disabled = false;
  }
}

function signedOut() {
  stopFollowing();
  ui.app.hidden = true;
  ui.signedOut.hidden = false;
  const link = state.link;
  const open = $("signed-out-open");
  if (link && /^[\w-]{8,200}$/.test(link) && open) {
    open.href = `/r/${encodeURIComponent(link)}`;
    open.hidden = false;
  }
}

function closeMenu() {
  document.body.classList.remove("menu-open");
  ui.menu.setAttribute("aria-expanded", "false");
}

function wire() {
  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = ui.question.value;
    if (!text.trim() || state.run) return;
    ui.question.value = "";
    ask(text);
  });
  ui.question.addEventListener("keydown", (event) => {
    // A Korean (or any) IME is composing: Enter confirms the syllable, it does not send.
    if (event.isComposing || event.keyCode === 229) return;
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      ui.form.requestSubmit();
    }
  });
  ui.stop.addEventListener("click", stop);
  ui.newChat.addEventListener("click", () => newConversation({ push: true }));
  ui.lang.addEventListener("change", async () => {
    setLanguage(ui.lang.value);
    await loadSummary().catch(failed);
    conversations.refresh();
  });
  ui.menu.addEventListener("click", () => {
    const open = document.body.classList.toggle("menu-open");
    ui.menu.setAttribute("aria-expanded", String(open));
    if (open) ui.newChat.focus();
  });
  document.querySelector(".scrim").addEventListener("click", closeMenu);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && document.body.classList.contains("menu-open")) closeMenu();
  });
  window.addEventListener("popstate", () => {
    const id = new URLSearchParams(location.search).get("c");
    if (id) openConversation(id, { push: false });
    else newConversation({ push: false });
  });
}

async function main() {
  if (window.top !== window.self) document.body.classList.add("embedded");
  // The widget passes its link in the fragment (never sent to a server): kept in memory
  // only, to offer the chat in a new tab where the browser keeps cookies from frames.
  state.link = new URLSearchParams(location.hash.slice(1)).get("link");
  if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
  setLanguage(initialLanguage(), { remember: false });
  ui.lang.value = language();
  wire();
  try {
    await api.me();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return signedOut();
    failed(error);
  }
  ui.app.hidden = false;
  ui.signedOut.hidden = true;
  await loadSummary().catch(failed);
  conversations.refresh();
  const id = new URLSearchParams(location.search).get("c");
  if (id) await openConversation(id, { push: false });
  else drawWelcome();
  document.body.dataset.ready = "true";
}

main();
