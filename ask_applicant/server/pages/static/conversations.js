// The recruiter's conversation list: open, rename (inline) and delete (with a dialog).

import { api } from "./api.js";
import { label, t } from "./i18n.js";

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const SVG = "http://www.w3.org/2000/svg";
// Outline icons (24×24): a pencil and a bin; fonts may lack the emoji equivalents.
const ICONS = {
  rename: "M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4",
  delete: "M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6",
};

function icon(name) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "18");
  svg.setAttribute("height", "18");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", ICONS[name]);
  for (const [key, value] of Object.entries({
    fill: "none", stroke: "currentColor", "stroke-width": "1.8", "stroke-linecap": "round", "stroke-linejoin": "round",
  })) path.setAttribute(key, value);
  svg.append(path);
  return svg;
}

export class ConversationList {
  /**
   * @param {HTMLElement} list The `<ul>` to fill.
   * @param {object} handlers `open(id)`, `deleted(id)` and `failed(error)`.
   */
  constructor(list, handlers) {
    this.list = list;
    this.handlers = handlers;
    this.current = null;
    this.dialog = document.getElementById("delete-dialog");
  }

  async refresh() {
    try {
      const page = await api.sessions();
      this.draw(page.sessions || []);
    } catch (error) {
      this.handlers.failed(error);
    }
  }

  /** Marks the open conversation. */
  select(id) {
    this.current = id;
    for (const item of this.list.children) {
      const link = item.querySelector("a");
      if (!link) continue;
      if (item.dataset.id === id) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
  }

  draw(sessions) {
    if (!sessions.length) {
      this.list.replaceChildren(label(element("li", "empty"), "noConversations"));
      return;
    }
    this.list.replaceChildren(...sessions.map((session) => this.item(session)));
    this.select(this.current);
  }

  item(session) {
    const item = element("li", "conversation");
    item.dataset.id = session.id;
    const title = session.title || t("untitled");
    const link = element("a", "conversation-title", title);
    link.href = `?c=${encodeURIComponent(session.id)}`;
    link.title = title;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      this.handlers.open(session.id);
    });
    const rename = this.button("rename", title);
    rename.addEventListener("click", () => this.startRename(item, session));
    const remove = this.button("delete", title);
    remove.addEventListener("click", () => this.confirmDelete(session));
    const actions = element("span", "conversation-actions");
    actions.append(rename, remove);
    item.append(link, actions);
    if (session.active_run_id) item.classList.add("answering");
    return item;
  }

  button(key, title) {
    const button = element("button", `icon ${key}`);
    button.append(icon(key));
    button.type = "button";
    button.setAttribute("aria-label", `${t(key)}: ${title}`);
    button.title = t(key);
    return button;
  }

  startRename(item, session) {
    const form = element("form", "rename-form");
    const input = element("input");
    input.value = session.title || "";
    input.maxLength = 200;
    input.required = true;
    input.dataset.i18nAttr = "aria-label:renameTitle";
    input.setAttribute("aria-label", t("renameTitle"));
    form.append(input);
    let done = false;
    const restore = () => {
      done = true;
      return this.refresh();
    };
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const title = input.value.trim();
      if (done || !title) return;
      done = true;
      try {
        await api.rename(session.id, title);
      } catch (error) {
        this.handlers.failed(error);
      }
      await restore();
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape") restore();
    });
    input.addEventListener("blur", () => {
      if (!done && form.isConnected) form.requestSubmit();
    });
    item.replaceChildren(form);
    input.focus();
    input.select();
  }

  confirmDelete(session) {
    const dialog = this.dialog;
    dialog.querySelector(".dialog-title").textContent = session.title || t("untitled");
    dialog.returnValue = "";
    dialog.onclose = async () => {
      if (dialog.returnValue !== "delete") return;
      try {
        await api.remove(session.id);
        this.handlers.deleted(session.id);
      } catch (error) {
        this.handlers.failed(error);
      }
      await this.refresh();
    };
    dialog.showModal();
  }
}
