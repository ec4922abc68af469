// "Contact the applicant": a button in the chat page's header and a form in a dialog
// that leaves the recruiter's name, e-mail, company and message (`POST /v1/leads`).
// Kept apart from app.js: the page only loads this module.

import { request } from "./api.js";

const TEXT = {
  en: {
    open: "Contact the applicant",
    title: "Leave your contact details",
    intro: "The applicant will see them and get back to you. Nothing is sent to you automatically.",
    name: "Your name",
    email: "Your e-mail",
    company: "Company",
    message: "Message",
    send: "Send",
    cancel: "Cancel",
    close: "Close",
    thanks: "Thank you! The applicant will get back to you.",
  },
  ko: {
    open: "지원자에게 연락 요청",
    title: "연락처를 남겨 주세요",
    intro: "지원자가 확인한 뒤 연락드립니다. 자동으로 발송되는 메일은 없습니다.",
    name: "이름",
    email: "이메일",
    company: "회사",
    message: "메시지",
    send: "보내기",
    cancel: "취소",
    close: "닫기",
    thanks: "감사합니다! 지원자가 곧 연락드릴 것입니다.",
  },
};

const text = (key) => (TEXT[document.documentElement.lang] || TEXT.en)[key];

function field(name, type, required, max) {
  const label = document.createElement("label");
  const input = document.createElement(type === "textarea" ? "textarea" : "input");
  if (type !== "textarea") input.type = type;
  else input.rows = 4;
  input.name = name;
  input.required = required;
  input.maxLength = max;
  label.append(document.createElement("span"), input);
  label.firstChild.dataset.contactText = name;
  return label;
}

function build() {
  const dialog = document.createElement("dialog");
  dialog.className = "dialog contact-dialog";
  dialog.id = "contact-dialog";
  const form = document.createElement("form");
  const title = document.createElement("h2");
  title.dataset.contactText = "title";
  const intro = document.createElement("p");
  intro.dataset.contactText = "intro";
  const error = document.createElement("p");
  error.className = "contact-error";
  error.setAttribute("role", "alert");
  error.hidden = true;
  const buttons = document.createElement("div");
  buttons.className = "dialog-buttons";
  const cancel = Object.assign(document.createElement("button"), { type: "button", className: "button" });
  cancel.dataset.contactText = "cancel";
  const send = Object.assign(document.createElement("button"), { type: "submit", className: "button primary" });
  send.dataset.contactText = "send";
  buttons.append(cancel, send);
  form.append(title, intro,
    field("name", "text", true, 200), field("email", "email", true, 254),
    field("company", "text", false, 200), field("message", "textarea", false, 4000), error, buttons);
  dialog.append(form);
  cancel.addEventListener("click", () => dialog.close());
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.hidden = true;
    send.disabled = true;
    const body = Object.fromEntries(new FormData(form));
    const session = new URLSearchParams(location.search).get("c");
    if (session) body.session_id = session;
    try {
      await request("/v1/leads", { method: "POST", body });
      form.replaceChildren(Object.assign(document.createElement("p"), { textContent: text("thanks"), id: "contact-thanks" }),
        Object.assign(document.createElement("button"), { type: "button", className: "button", textContent: text("close"), onclick: () => dialog.close() }));
    } catch (problem) {
      error.textContent = problem.message;
      error.hidden = false;
    } finally {
      send.disabled = false;
    }
  });
  return dialog;
}

function translate(root) {
  for (const element of root.querySelectorAll("[data-contact-text]")) element.textContent = text(element.dataset.contactText);
}

function install() {
  const header = document.querySelector("header.top");
  if (!header || document.getElementById("contact-open")) return;
  const button = Object.assign(document.createElement("button"), { type: "button", id: "contact-open", className: "button contact-button" });
  button.dataset.contactText = "open";
  let dialog = null;
  button.addEventListener("click", () => {
    if (!dialog || !dialog.querySelector("form input")) {
      dialog?.remove();
      dialog = build();
      document.body.append(dialog);
    }
    translate(dialog);
    dialog.showModal();
  });
  header.insertBefore(button, header.querySelector(".lang-switch"));
  translate(header);
  // The page may switch language after loading; the label follows it.
  new MutationObserver(() => translate(header)).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
}

install();
