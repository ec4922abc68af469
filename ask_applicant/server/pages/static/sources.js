// The profile sources an answer cites. Tools name the source of every fact
// (`work[1]`, `projects/chat-service.md`, `faq[3]`, `basics.email`) and answers cite
// them in parentheses: "(work[0])", "(projects[1], projects/chat-service.md)".

const REF = /^(?:[a-z][A-Za-z]*\[\d{1,4}\](?:\.[A-Za-z]+)?|basics(?:\.[A-Za-z]+){0,2}|[a-z][\w-]*(?:\/[\w.-]+)+\.[A-Za-z]{1,5}|job_description)$/;
const GROUP = /\(([^()\n]{1,300})\)/g;

/** The refs cited in `text`, in order of first appearance, each once. */
export function citedSources(text) {
  const found = [];
  for (const match of String(text ?? "").matchAll(GROUP)) {
    const parts = match[1].split(/[,;]\s*/).map((part) => part.trim());
    if (!parts.length || !parts.every((part) => REF.test(part))) continue;
    for (const part of parts) if (!found.includes(part)) found.push(part);
  }
  return found;
}

/**
 * The facts in a tool's output, as a map from source to text. Outputs are JSON
 * `{facts: [{source, text}], note}`, capped by the server (so possibly cut short).
 */
export function factsOf(output) {
  const facts = new Map();
  let parsed;
  try {
    parsed = JSON.parse(output);
  } catch {
    return facts;
  }
  for (const fact of Array.isArray(parsed?.facts) ? parsed.facts : []) {
    if (typeof fact?.source === "string" && typeof fact?.text === "string") {
      for (const source of fact.source.split(/,\s*/)) if (!facts.has(source)) facts.set(source, fact.text);
    }
  }
  return facts;
}
