// The console's views, each drawn from one owner-only `/v1` endpoint.

import { request } from "./api.js";
import { confirmButton, el, table, when } from "./console_dom.js";
import { t } from "./console_i18n.js";

const json = async (path, options) => {
  const response = await request(path, options);
  return response.status === 204 ? null : response.json();
};
const kindBadge = (kind) => el("span", { class: `kind kind-${kind || "none"}` }, t(`kind_${kind}`));

async function linkNames() {
  const { links } = await json("/v1/links");
  return { links, byRecruiter: new Map(links.map((link) => [link.recruiter_id, link.name])) };
}

export async function conversations(view, filters = {}) {
  const { links, byRecruiter } = await linkNames();
  const params = new URLSearchParams({ limit: "100" });
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  const { sessions } = await json(`/v1/sessions?${params}`);
  const form = el(
    "form",
    { class: "console-filters", id: "conversation-filters" },
    el("label", {}, t("allLinks"), el("select", { name: "link" }, el("option", { value: "" }, t("allLinks")),
      links.map((link) => el("option", { value: link.id, selected: filters.link === link.id }, link.name)))),
    el("label", {}, t("since"), el("input", { type: "date", name: "since", value: filters.since || "" })),
    el("label", {}, t("until"), el("input", { type: "date", name: "until", value: filters.until || "" })),
    el("label", {}, t("search"), el("input", { type: "search", name: "q", maxlength: 200, value: filters.q || "" })),
    el("button", { class: "button primary", type: "submit" }, t("filter")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    conversations(view, Object.fromEntries(new FormData(form)));
  });
  const list = sessions.length
    ? el("ul", { class: "console-list", id: "conversation-rows" }, sessions.map((session) =>
        el("li", {}, el("button", { type: "button", class: "row-button", onclick: () => turns(view, session, byRecruiter) },
          el("strong", {}, session.title || t("untitled")),
          el("span", { class: "muted" }, byRecruiter.get(session.owner_id) || session.owner_id)))))
    : el("p", { class: "muted" }, t("noConversations"));
  view.replaceChildren(form, list);
}

async function turns(view, session, byRecruiter) {
  const data = await json(`/v1/owner/sessions/${encodeURIComponent(session.id)}/turns`);
  const back = el("button", { type: "button", class: "button", onclick: () => conversations(view) }, t("back"));
  const items = data.turns.map((turn) =>
    el("article", { class: "turn-card" },
      el("p", { class: "turn-question" }, el("strong", {}, `${t("you")}: `), turn.question),
      el("p", { class: "turn-answer" }, turn.answer),
      el("dl", { class: "turn-meta" },
        el("dt", {}, t("path")), el("dd", {}, turn.agents.join(" → "), " ", kindBadge(turn.answer_kind)),
        el("dt", {}, t("toolsUsed")), el("dd", {}, turn.tools.map((tool) => tool.name).join(", ") || t("none")),
        el("dt", {}, t("sources")), el("dd", {}, turn.sources.join(", ") || t("none")))));
  view.replaceChildren(back, el("h2", {}, session.title || t("untitled"),
    el("span", { class: "muted" }, ` · ${byRecruiter.get(data.owner_id) || ""}`)), ...items);
}

export async function unanswered(view) {
  const { questions } = await json("/v1/owner/unanswered");
  view.replaceChildren(questions.length
    ? table([t("question"), t("count"), t("lastAsked")],
        questions.map((q) => [q.question, String(q.count), when(q.last_asked)]))
    : el("p", { class: "muted" }, t("noUnanswered")));
}

export async function leads(view) {
  const { leads: rows } = await json("/v1/owner/leads");
  view.replaceChildren(rows.length
    ? table([t("name"), t("email"), t("company"), t("message"), t("received"), t("delivery")],
        rows.map((lead) => [lead.name, el("a", { href: `mailto:${lead.email}` }, lead.email), lead.company,
          lead.message, when(lead.created_at),
          el("span", { class: `delivery delivery-${lead.delivery}`, title: lead.delivery_error || "" },
            t(`delivery_${lead.delivery}`),
            lead.delivery_attempts ? ` · ${t("attempts", { n: lead.delivery_attempts })}` : "")]))
    : el("p", { class: "muted" }, t("noLeads")));
}

export async function links(view, created = null) {
  const { links: rows } = await linkNames();
  const form = el("form", { class: "console-filters", id: "new-link" },
    el("label", {}, t("linkName"), el("input", { name: "name", required: true, maxlength: 200 })),
    el("label", {}, t("expiresDays"), el("input", { name: "days", type: "number", min: 1, max: 3650 })),
    el("button", { class: "button primary", type: "submit" }, t("create")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    const body = { name: values.name, ...(values.days ? { expires_in_days: Number(values.days) } : {}) };
    links(view, await json("/v1/links", { method: "POST", body }));
  });
  const shown = created && el("p", { class: "created-link", role: "status" },
    t("linkCreated", { name: created.name }), " ", el("code", {}, created.url));
  const list = rows.length
    ? table([t("linkName"), t("prefix"), t("status"), t("conversations"), t("questions"), t("lastUsed"), ""],
        rows.map((link) => [link.name, el("code", {}, link.prefix), link.status, String(link.conversations),
          String(link.questions ?? 0),
          when(link.last_used_at, t("never")),
          link.status === "active"
            ? confirmButton(t("revoke"), t("confirmAgain"), async () => {
                await json(`/v1/links/${encodeURIComponent(link.id)}`, { method: "DELETE" });
                links(view);
              })
            : ""]))
    : el("p", { class: "muted" }, t("noLinks"));
  view.replaceChildren(el("h2", {}, t("newLink")), form, shown || "", list, ...(await keys(view)));
}

async function keys(view, created = null) {
  const { keys: rows } = await json("/v1/owner/keys");
  const form = el("form", { class: "console-filters", id: "new-key" },
    el("label", {}, t("keyName"), el("input", { name: "name", required: true, maxlength: 200 })),
    el("button", { class: "button primary", type: "submit" }, t("create")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const made = await json("/v1/owner/keys", { method: "POST", body: { name: new FormData(form).get("name") } });
    await links(view);
    view.append(el("p", { class: "created-link", role: "status" }, t("keyCreated", { name: made.name }), " ", el("code", {}, made.key)));
  });
  const list = table([t("keyName"), t("role"), t("prefix"), t("status"), ""],
    rows.map((key) => [key.name, key.role, el("code", {}, key.prefix), key.disabled ? t("revoked") : t("active"),
      !key.disabled && key.role !== "owner"
        ? confirmButton(t("revoke"), t("confirmAgain"), async () => {
            await json(`/v1/owner/keys/${encodeURIComponent(key.id)}`, { method: "DELETE" });
            links(view);
          })
        : ""]));
  return [el("h2", {}, t("apiKeys")), form, list];
}

export async function activity(view) {
  const figures = await json("/v1/owner/activity?days=30");
  const percent = (rate) => (rate === null ? "–" : `${Math.round(rate * 100)}%`);
  const seconds = figures.median_first_text_seconds;
  const stat = (label, value) => el("div", { class: "stat" }, el("span", { class: "muted" }, label), el("strong", {}, value));
  view.replaceChildren(
    el("div", { class: "stats" },
      stat(t("questions"), String(figures.questions)),
      stat(t("completed"), String(figures.completed)),
      stat(t("refusalRate"), percent(figures.refusal_rate)),
      stat(t("unansweredRate"), percent(figures.unanswered_rate)),
      stat(t("medianFirst"), seconds === null ? "–" : `${seconds.toFixed(2)} s`)),
    el("h2", {}, t("perDay")),
    el("img", { class: "chart", alt: t("perDay"), src: "/v1/owner/activity/questions-per-day.svg?days=30" }),
    el("h2", {}, t("byAgent")),
    el("img", { class: "chart", alt: t("byAgent"), src: "/v1/owner/activity/by-agent.svg?days=30" }),
  );
}

export async function exportAndForget(view) {
  const { links: rows } = await linkNames();
  const result = el("p", { role: "status" });
  const select = el("select", { name: "link" }, rows.map((link) => el("option", { value: link.id }, link.name)));
  view.replaceChildren(
    el("h2", {}, t("exportTitle")),
    el("p", {}, el("a", { class: "button", href: "/v1/owner/export?format=json", download: "conversations.json" }, t("exportJson")),
      " ", el("a", { class: "button", href: "/v1/owner/export?format=csv", download: "conversations.csv" }, t("exportCsv"))),
    el("h2", {}, t("forgetTitle")),
    el("p", { class: "muted" }, t("forgetBody")),
    rows.length ? el("p", {}, select, " ", confirmButton(t("forget"), t("confirmAgain"), async () => {
      const gone = await json(`/v1/owner/links/${encodeURIComponent(select.value)}/data`, { method: "DELETE" });
      result.textContent = t("forgotten", gone);
    })) : el("p", { class: "muted" }, t("noLinks")),
    result,
  );
}
