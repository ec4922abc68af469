// The embeddable chat widget, for the applicant's own site:
//
//   <script src="https://ask.example.dev/widget.js" data-link="ln_…" defer></script>
//
// It adds a button that opens the chat page in a panel (an iframe on the service's
// origin). The share-link token signs the panel in; the page itself never sees it.
// Styles are set through the CSSOM, so a strict Content-Security-Policy on the host
// page (no inline styles) does not break the widget.
(() => {
  const script = document.currentScript;
  if (!script || !script.src) return;
  const origin = new URL(script.src, location.href).origin;
  const token = script.dataset.link || "";
  if (token && !/^[A-Za-z0-9_-]{8,200}$/.test(token)) {
    console.warn("ask-applicant widget: data-link is not a share-link token");
    return;
  }
  const korean = (navigator.language || "").toLowerCase().startsWith("ko");
  const openLabel = script.dataset.label || (korean ? "지원자에게 물어보기" : "Ask the applicant");
  const closeLabel = korean ? "채팅 닫기" : "Close the chat";

  const host = document.createElement("div");
  host.setAttribute("data-ask-applicant", "");
  const root = host.attachShadow({ mode: "open" });

  const button = document.createElement("button");
  button.type = "button";
  button.textContent = openLabel;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "ask-applicant-panel");
  Object.assign(button.style, {
    position: "fixed", right: "20px", bottom: "20px", zIndex: "2147483646",
    padding: "12px 18px", border: "0", borderRadius: "999px", cursor: "pointer",
    background: "#2456c9", color: "#fff", font: "600 15px/1.2 system-ui, sans-serif",
    boxShadow: "0 6px 20px rgba(0,0,0,.25)",
  });

  const panel = document.createElement("div");
  panel.id = "ask-applicant-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", openLabel);
  panel.hidden = true;
  Object.assign(panel.style, {
    position: "fixed", right: "20px", bottom: "76px", zIndex: "2147483647",
    width: "min(420px, calc(100vw - 24px))", height: "min(660px, calc(100vh - 100px))",
    borderRadius: "16px", overflow: "hidden", background: "#fff",
    boxShadow: "0 12px 40px rgba(0,0,0,.3)",
  });

  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "×";
  close.setAttribute("aria-label", closeLabel);
  Object.assign(close.style, {
    position: "absolute", top: "6px", right: "6px", width: "32px", height: "32px",
    border: "0", borderRadius: "50%", cursor: "pointer", background: "rgba(0,0,0,.06)",
    font: "20px/1 system-ui, sans-serif", zIndex: "1",
  });

  const frame = document.createElement("iframe");
  frame.title = openLabel;
  Object.assign(frame.style, { width: "100%", height: "100%", border: "0", display: "block" });
  panel.append(frame, close);

  function setOpen(open) {
    panel.hidden = !open;
    panel.style.display = open ? "block" : "none";
    button.setAttribute("aria-expanded", String(open));
    if (open && !frame.src) {
      // The fragment never reaches a server; the page uses it only to offer the link
      // in a new tab when the browser keeps cookies away from embedded frames.
      frame.src = token
        ? `${origin}/r/${encodeURIComponent(token)}#link=${encodeURIComponent(token)}`
        : `${origin}/`;
    }
    if (open) frame.focus();
    else button.focus();
  }
  panel.style.display = "none";
  button.addEventListener("click", () => setOpen(panel.hidden));
  close.addEventListener("click", () => setOpen(false));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") setOpen(false);
  });

  root.append(panel, button);
  const mount = () => document.body.append(host);
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
