// The AI SDK's own client code (DefaultChatTransport, readUIMessageStream) against a
// running server. Started by tests/server/routes/test_ui_chat_node.py, which passes the
// server's URL and a key in ASK_URL and ASK_KEY.
import assert from "node:assert/strict";
import { test } from "node:test";
import { DefaultChatTransport, readUIMessageStream } from "ai";

const url = process.env.ASK_URL;
const key = process.env.ASK_KEY;
const transport = new DefaultChatTransport({
  api: `${url}/v1/ui/chat`,
  headers: { Authorization: `Bearer ${key}` },
  body: { appSpecific: "ignored by the server" },
});

function userMessage(id, text) {
  return { id, role: "user", parts: [{ type: "text", text }] };
}

async function send(chatId, messages, trigger = "submit-message") {
  const stream = await transport.sendMessages({
    chatId,
    messages,
    trigger,
    messageId: undefined,
    abortSignal: undefined,
  });
  let last;
  for await (const message of readUIMessageStream({ stream, terminateOnError: true })) {
    last = message;
  }
  return last;
}

function text(message) {
  return message.parts.filter((p) => p.type === "text").map((p) => p.text).join("");
}

test("an answer arrives as text with its tool calls, hand-offs and sources", async () => {
  const question = userMessage("m1", "What programming languages does she know?");
  const answer = await send("chat-tools", [question]);
  assert.equal(answer.role, "assistant");
  assert.ok(answer.id.startsWith("r_"), answer.id);
  assert.ok(text(answer).trim().length > 0);
  const tools = answer.parts.filter((p) => p.type === "dynamic-tool");
  assert.ok(tools.length > 0, JSON.stringify(answer.parts));
  for (const tool of tools) {
    assert.equal(tool.state, "output-available");
    assert.ok(tool.toolName.length > 0);
    assert.notEqual(tool.output, undefined);
  }
  const handoffs = answer.parts.filter((p) => p.type === "data-handoff");
  assert.ok(handoffs.length > 0, JSON.stringify(answer.parts.map((p) => p.type)));
  assert.equal(handoffs[0].data.from, "triage");
  const sources = answer.parts.find((p) => p.type === "data-sources");
  assert.deepEqual(
    sources.data.sources.map((s) => s.call_id),
    tools.map((t) => t.toolCallId),
  );
  assert.equal(answer.metadata.runId, answer.id);
  assert.ok(answer.metadata.sessionId.startsWith("s_"));
});

test("a second message with the same chat id continues the same conversation", async () => {
  const first = userMessage("m1", "Where did she study?");
  const one = await send("chat-follow-up", [first]);
  const reply = { id: one.id, role: "assistant", parts: [{ type: "text", text: text(one) }] };
  const two = await send("chat-follow-up", [first, reply, userMessage("m2", "And her degree?")]);
  assert.equal(two.metadata.sessionId, one.metadata.sessionId);
  assert.notEqual(two.id, one.id);
  assert.ok(text(two).trim().length > 0);
});

test("resuming a chat with no answer in progress finds nothing (204)", async () => {
  await send("chat-resume", [userMessage("m1", "Where did she study?")]);
  const stream = await transport.reconnectToStream({ chatId: "chat-resume" });
  assert.equal(stream, null);
  const unknown = await transport.reconnectToStream({ chatId: "never-used" });
  assert.equal(unknown, null);
});

test("a file part is refused with the protocol's error body and no answer", async () => {
  const message = {
    id: "m1",
    role: "user",
    parts: [{ type: "file", mediaType: "image/png", url: "data:image/png;base64,AA==" }],
  };
  await assert.rejects(send("chat-file", [message]), (error) => {
    const body = JSON.parse(error.message);
    assert.equal(body.type, "error");
    assert.match(body.errorText, /Only text/);
    return true;
  });
});
