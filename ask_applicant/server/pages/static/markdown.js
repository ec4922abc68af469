// A small Markdown renderer that builds DOM nodes and never parses HTML.
//
// Everything from the model, the profile or the question is text: it only ever reaches
// the page through createTextNode / textContent, so `<script>`, `<img onerror>` and
// friends stay visible characters. On top of that a safe subset is recognised:
// paragraphs, line breaks, headings, bullet and numbered lists, block quotes, fenced
// code, inline code, bold, italic, and links whose address is http(s) only.

const SAFE_PROTOCOLS = new Set(["http:", "https:"]);
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The URL if it is an absolute http(s) address, else null. */
export function safeUrl(text) {
  try {
    const url = new URL(text);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function element(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

function link(href, label) {
  const anchor = element("a");
  anchor.href = href;
  anchor.rel = "noopener noreferrer nofollow";
  anchor.target = "_blank";
  anchor.append(label);
  return anchor;
}

// The index of the closing `marker` for an emphasis opened before `from`, or -1.
function closingMarker(text, marker, from) {
  let at = text.indexOf(marker, from);
  while (at !== -1) {
    const before = text[at - 1];
    const after = text[at + marker.length] ?? "";
    const flanked = before !== undefined && !/\s/.test(before);
    const intraword = marker[0] === "_" && WORD_CHAR.test(after);
    const longer = marker.length === 1 && after === marker;
    if (at > from && flanked && !intraword && !longer) return at;
    at = text.indexOf(marker, at + (longer ? 2 : 1));
  }
  return -1;
}

// `[label](url)` starting at `start`: {label, url, end} or null.
function bracketLink(text, start) {
  const close = text.indexOf("](", start + 1);
  if (close === -1) return null;
  const end = text.indexOf(")", close + 2);
  if (end === -1) return null;
  const label = text.slice(start + 1, close);
  const url = text.slice(close + 2, end).trim();
  if (!label || /[\s]/.test(url) || label.includes("\n")) return null;
  return { label, url, end: end + 1 };
}

function bareUrlEnd(text, start) {
  let end = start;
  while (end < text.length && !/[\s<>"'`]/.test(text[end])) end += 1;
  // Trailing punctuation belongs to the sentence, not to the address.
  while (end > start && /[.,;:!?)\]}]/.test(text[end - 1])) end -= 1;
  return end;
}

/** Appends the inline Markdown of `text` to `parent`. */
export function renderInline(text, parent) {
  let plain = "";
  const flush = () => {
    if (plain) parent.append(document.createTextNode(plain));
    plain = "";
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i + 1) {
        flush();
        const code = element("code");
        code.textContent = text.slice(i + 1, end);
        parent.append(code);
        i = end + 1;
        continue;
      }
    }
    if (ch === "*" || ch === "_") {
      const marker = text[i + 1] === ch ? ch + ch : ch;
      const start = i + marker.length;
      const opens = start < text.length && !/\s/.test(text[start]);
      const intraword = ch === "_" && i > 0 && WORD_CHAR.test(text[i - 1]);
      const end = opens && !intraword ? closingMarker(text, marker, start) : -1;
      if (end !== -1) {
        flush();
        const node = element(marker.length === 2 ? "strong" : "em");
        renderInline(text.slice(start, end), node);
        parent.append(node);
        i = end + marker.length;
        continue;
      }
    }
    if (ch === "[") {
      const found = bracketLink(text, i);
      if (found) {
        flush();
        const href = safeUrl(found.url);
        if (href) {
          const label = element("span");
          renderInline(found.label, label);
          parent.append(link(href, ...label.childNodes));
        } else {
          // An address that is not http(s) (javascript:, data:, relative) is shown as text.
          renderInline(found.label, parent);
        }
        i = found.end;
        continue;
      }
    }
    if ((ch === "h" || ch === "H") && /^https?:\/\//i.test(text.slice(i, i + 8))) {
      const boundary = i === 0 || /[\s(（]/.test(text[i - 1]);
      const end = bareUrlEnd(text, i);
      const href = boundary ? safeUrl(text.slice(i, end)) : null;
      if (href) {
        flush();
        parent.append(link(href, text.slice(i, end)));
        i = end;
        continue;
      }
    }
    plain += ch;
    i += 1;
  }
  flush();
}

function paragraph(lines) {
  const node = element("p");
  lines.forEach((line, index) => {
    if (index > 0) node.append(element("br"));
    renderInline(line.trim(), node);
  });
  return node;
}

function list(lines, ordered) {
  const node = element(ordered ? "ol" : "ul");
  let item = null;
  for (const line of lines) {
    const match = ordered ? NUMBERED.exec(line) : BULLET.exec(line);
    if (match) {
      item = element("li");
      if (ordered && node.children.length === 0 && match[1] !== "1") node.start = Number(match[1]);
      renderInline(ordered ? match[2] : match[1], item);
      node.append(item);
    } else if (item) {
      item.append(element("br"));
      renderInline(line.trim(), item);
    }
  }
  return node;
}

function blockKind(line) {
  if (FENCE.test(line)) return "fence";
  if (HEADING.test(line)) return "heading";
  if (BULLET.test(line)) return "bullet";
  if (NUMBERED.test(line)) return "numbered";
  if (QUOTE.test(line)) return "quote";
  return "text";
}

/** Renders Markdown `source` into a new DocumentFragment. */
export function renderMarkdown(source) {
  const fragment = document.createDocumentFragment();
  const lines = String(source ?? "").replace(/\r\n?/g, "\n").split("\n");
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i += 1;
      continue;
    }
    const kind = blockKind(line);
    if (kind === "fence") {
      const fence = FENCE.exec(line)[1];
      const body = [];
      i += 1;
      while (i < lines.length && !lines[i].trim().startsWith(fence)) body.push(lines[i++]);
      i += 1;
      const pre = element("pre");
      const code = element("code");
      code.textContent = body.join("\n");
      pre.append(code);
      fragment.append(pre);
      continue;
    }
    if (kind === "heading") {
      const [, hashes, text] = HEADING.exec(line);
      // Answers sit under the page's own headings, so their levels start at h3.
      const heading = element(`h${Math.min(6, hashes.length + 2)}`);
      renderInline(text, heading);
      fragment.append(heading);
      i += 1;
      continue;
    }
    const block = [line];
    i += 1;
    while (i < lines.length && lines[i].trim()) {
      const next = blockKind(lines[i]);
      const continues =
        next === kind ||
        (next === "text" && (kind === "bullet" || kind === "numbered") && /^\s+/.test(lines[i])) ||
        (next === "text" && kind === "text");
      if (!continues) break;
      block.push(lines[i]);
      i += 1;
    }
    if (kind === "bullet" || kind === "numbered") {
      fragment.append(list(block, kind === "numbered"));
    } else if (kind === "quote") {
      const quote = element("blockquote");
      quote.append(paragraph(block.map((text) => QUOTE.exec(text)[1])));
      fragment.append(quote);
    } else {
      fragment.append(paragraph(block));
    }
  }
  return fragment;
}
