// The applicant's console: tabs over the owner-only views, in English or Korean.
//
// Signed in by the console's own cookie (`owner-link` or an owner key on the sign-in
// form); a 401 from any call means the session ended, and the page says so.

import { ApiError } from "./api.js";
import { initialLanguage, setLanguage, t } from "./console_i18n.js";
import * as views from "./console_views.js";

const VIEWS = {
  conversations: views.conversations,
  unanswered: views.unanswered,
  leads: views.leads,
  links: views.links,
  activity: views.activity,
  export: views.exportAndForget,
};

const view = document.getElementById("view");
const notice = document.getElementById("notice");
const tabs = [...document.querySelectorAll("[data-view]")];
const lang = document.getElementById("lang");

function say(text) {
  notice.hidden = !text;
  notice.textContent = text || "";
}

async function show(name) {
  const chosen = VIEWS[name] ? name : "conversations";
  for (const tab of tabs) tab.setAttribute("aria-current", String(tab.dataset.view === chosen));
  if (location.hash !== `#${chosen}`) history.replaceState(null, "", `#${chosen}`);
  say("");
  view.dataset.view = chosen;
  try {
    await VIEWS[chosen](view);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      say(t("signedOut"));
      location.assign("/console/sign-in");
      return;
    }
    say(t("failed", { detail: error.message }));
  }
}

for (const tab of tabs) tab.addEventListener("click", () => show(tab.dataset.view));
lang.addEventListener("change", () => {
  setLanguage(lang.value);
  show(view.dataset.view);
});
// Views draw their own messages; failures inside event handlers land here.
window.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  say(t("failed", { detail: event.reason?.message || String(event.reason) }));
});

setLanguage(initialLanguage());
lang.value = document.documentElement.lang;
show(location.hash.slice(1));
