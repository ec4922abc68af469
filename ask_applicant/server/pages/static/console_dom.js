// Building the console's elements: text always goes in as text, never as HTML.

/** `el("td", { class: "x" }, "text", child)`: an element with attributes and children. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** A table with a header row and one row per item. */
export function table(headers, rows, className = "console-table") {
  return el(
    "table",
    { class: className },
    el("thead", {}, el("tr", {}, headers.map((header) => el("th", { scope: "col" }, header)))),
    el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((cell) => el("td", {}, cell))))),
  );
}

/** A date and time in the reader's zone, or `fallback`. */
export function when(iso, fallback = "") {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? fallback : date.toLocaleString();
}

/** A button that asks for a second click before doing something that cannot be undone. */
export function confirmButton(label, again, action, className = "button danger") {
  let armed = false;
  const button = el("button", { type: "button", class: className }, label);
  button.addEventListener("click", async () => {
    if (!armed) {
      armed = true;
      button.textContent = again;
      return;
    }
    button.disabled = true;
    await action();
  });
  return button;
}
