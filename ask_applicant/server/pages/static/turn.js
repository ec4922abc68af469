// One question and its answer on the page, built from the run's events.
//
// The answer is re-rendered from the text received so far (at most once per frame);
// `message.completed` carries the authoritative text of a message and replaces what
// its deltas built. A guardrail refusal replaces any streamed text.

import { label, t } from "./i18n.js";
import { renderMarkdown } from "./markdown.js";
import { citedSources, factsOf } from "./sources.js";

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function pretty(value) {
  if (typeof value === "string") {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2);
}

export class Turn {
  /**
   * Adds a question (plain text, never Markdown) and an empty answer to `log`;
   * `onRetry` is offered as "Try again" when the answer fails.
   */
  constructor(log, question, { onRetry } = {}) {
    this.onRetry = onRetry;
    this.node = element("li", "turn");
    const asked = element("article", "bubble user");
    asked.append(label(element("p", "who"), "you"), element("p", "question", question));
    this.answer = element("article", "bubble assistant");
    this.chips = element("ul", "chips");
    this.chips.dataset.i18nAttr = "aria-label:agentsPath";
    this.chips.setAttribute("aria-label", t("agentsPath"));
    this.body = element("div", "answer markdown");
    this.progress = label(element("p", "progress"), "thinking");
    this.tools = element("details", "tools");
    this.toolsSummary = element("summary");
    this.toolList = element("ol", "tool-list");
    this.tools.append(this.toolsSummary, this.toolList);
    this.tools.hidden = true;
    this.sources = element("section", "sources");
    this.sources.hidden = true;
    this.notice = element("div", "notice");
    this.answer.append(this.chips, this.body, this.progress, this.tools, this.sources, this.notice);
    this.node.append(asked, this.answer);
    log.append(this.node);
    this.question = question;
    this.segments = [];
    this.facts = new Map();
    this.agents = [];
    this.toolItems = new Map();
    this.refused = false;
    this.finished = false;
    this.frame = 0;
    this.setBusy(true);
  }

  setBusy(busy) {
    this.answer.setAttribute("aria-busy", busy ? "true" : "false");
    this.answer.classList.toggle("streaming", busy);
  }

  /** Applies one event of the run (already de-duplicated by sequence number). */
  apply(type, data) {
    const handlers = {
      "agent.updated": () => this.addAgent(data.agent),
      handoff: () => this.addAgent(data.to),
      "tool.called": () => this.toolCalled(data),
      "tool.output": () => this.toolOutput(data),
      "message.delta": () => this.delta(data.delta),
      "message.completed": () => this.completed(data.text, data.agent),
      "guardrail.tripped": () => this.tripped(),
      "run.completed": () => this.finish(data.agent),
      "run.failed": () => this.fail(data.message || data.code || ""),
      "run.cancelled": () => this.cancelled(data.partial_text),
    };
    handlers[type]?.();
  }

  addAgent(agent) {
    if (typeof agent !== "string" || !agent || this.agents.at(-1) === agent) return;
    this.agents.push(agent);
    this.drawChips();
  }

  drawChips(finalAgent) {
    // The front desk only hands over; it is shown when it answered itself.
    let shown = this.agents.filter((agent) => agent !== "triage");
    if (finalAgent && !shown.includes(finalAgent)) shown.push(finalAgent);
    if (!shown.length && this.agents.includes("triage") && this.finished) shown = ["triage"];
    this.chips.replaceChildren(
      ...shown.map((agent) => {
        const chip = label(element("li", `chip agent-${agent.replace(/[^a-z]/g, "")}`), `agent_${agent}`);
        chip.title = agent;
        return chip;
      }),
    );
    if (this.refused) this.chips.append(label(element("li", "chip refused-chip"), "refused"));
  }

  toolCalled({ call_id: callId, tool, arguments: args }) {
    const item = element("li", "tool");
    item.append(element("code", "tool-name", tool || "?"));
    if (args && Object.keys(args).length) {
      const input = element("pre", "tool-input");
      input.textContent = pretty(args);
      item.append(input);
    }
    this.toolItems.set(callId, item);
    this.toolList.append(item);
    this.tools.hidden = false;
    label(this.toolsSummary, "tools", { count: this.toolItems.size });
  }

  toolOutput({ call_id: callId, output }) {
    const item = this.toolItems.get(callId);
    for (const [source, text] of factsOf(output || "")) if (!this.facts.has(source)) this.facts.set(source, text);
    if (!item || output === undefined) return;
    const details = element("details", "tool-output");
    details.append(label(element("summary"), "toolOutput"), element("pre", "", pretty(output)));
    item.append(details);
  }

  delta(text) {
    const last = this.segments.at(-1);
    if (!last || last.done) this.segments.push({ text: String(text ?? ""), done: false });
    else last.text += String(text ?? "");
    label(this.progress, "answering");
    this.schedule();
  }

  completed(text, agent) {
    const last = this.segments.at(-1);
    if (last && !last.done) Object.assign(last, { text: String(text ?? ""), done: true });
    else this.segments.push({ text: String(text ?? ""), done: true });
    this.addAgent(agent);
    this.schedule();
  }

  tripped() {
    this.refused = true;
    this.segments = [];
    this.answer.classList.add("refused");
    this.drawChips();
    this.schedule();
  }

  text() {
    return this.segments.map((segment) => segment.text.trim()).filter(Boolean).join("\n\n");
  }

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  draw() {
    // Follow the answer as it grows, unless the reader has scrolled up to read.
    const log = this.node.parentElement;
    const following = log && log.scrollHeight - log.scrollTop - log.clientHeight < 48;
    this.drawAnswer();
    if (following) log.scrollTop = log.scrollHeight;
  }

  drawAnswer() {
    const text = this.text();
    this.body.replaceChildren(renderMarkdown(text));
    const cited = citedSources(text);
    this.sources.hidden = cited.length === 0;
    if (!cited.length) return;
    const list = element("ul");
    for (const source of cited) {
      const item = element("li");
      item.append(element("code", "", source));
      const fact = this.facts.get(source);
      if (fact) item.append(" ", element("span", "fact", fact.length > 140 ? `${fact.slice(0, 139)}…` : fact));
      list.append(item);
    }
    this.sources.replaceChildren(label(element("h4"), "sources"), list);
  }

  end(kind) {
    this.finished = true;
    this.setBusy(false);
    this.progress.hidden = true;
    this.answer.dataset.state = kind;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.draw();
  }

  finish(agent) {
    this.end("completed");
    this.drawChips(agent);
  }

  cancelled(partial) {
    if (!this.text() && partial) this.segments = [{ text: partial, done: true }];
    this.end("cancelled");
    this.drawChips();
    this.setNotice("stopped", {}, null);
  }

  fail(detail) {
    this.end("failed");
    this.drawChips();
    this.setNotice("failed", { detail }, this.onRetry);
  }

  /** The question never reached the service: say so and offer to send it again. */
  failToSend(detail) {
    this.end("failed");
    this.setNotice("sendFailed", { detail }, this.onRetry);
  }

  /** Shows whether the answer's stream is connected. */
  setConnection(connection) {
    if (this.finished) return;
    if (connection === "live") this.setNotice(null);
    else this.setNotice(connection === "offline" ? "offline" : "reconnecting", {}, null);
  }

  /** Shows a note under the answer; `retry` adds a "Try again" button that calls it. */
  setNotice(key, vars, retry) {
    this.notice.replaceChildren();
    this.notice.className = key ? `notice notice-${key}` : "notice";
    if (!key) return;
    this.notice.append(label(element("p"), key, vars));
    if (retry) {
      const button = label(element("button", "retry"), "retry");
      button.type = "button";
      button.addEventListener("click", () => {
        this.notice.replaceChildren();
        retry();
      });
      this.notice.append(button);
    }
  }

  /** Shows a stored message of a finished run (from the conversation's history). */
  showStored({ text, agent, status }) {
    this.segments = [{ text: text || "", done: true }];
    if (agent) this.agents = [agent];
    if (status === "failed") this.fail("");
    else if (status === "cancelled") this.cancelled(text);
    else this.finish(agent);
  }
}
