import { ackFromStoreAnswer } from "../../handlers/chat"
import { dispatchTransportMessage } from "../outbox-event"

function chats(raw: string) {
  const out: unknown[] = []
  dispatchTransportMessage(raw, { onEvent: () => undefined, onChat: (c) => out.push(c) })
  return out
}

describe("chat updates in transport messages", () => {
  const update = { show_id: "show_1", event: "chat:deleted", payload: { message_id: "chmsg_1", seq: 4 } }

  it("reads a chat update, the show set in its payload, alone or in a batch", () => {
    expect(chats(JSON.stringify({ chat: update }))).toEqual([{ ...update, payload: { ...update.payload, show_id: "show_1" } }])
    expect(chats(JSON.stringify([{ chat: update }, { chat: { ...update, customer_id: "cus_1", event: "chat:muted" } }]))).toHaveLength(2)
  })

  it.each([
    ["an unknown event", { ...update, event: "chat:explode" }],
    ["a show that is not a show id", { ...update, show_id: "auc_1" }],
    ["no payload", { ...update, payload: null }],
    ["a customer that is not a customer id", { ...update, customer_id: "user_1" }],
  ])("skips %s", (_what, chat) => {
    expect(chats(JSON.stringify({ chat }))).toEqual([])
  })
})

describe("ackFromStoreAnswer", () => {
  it("passes the stored message and the chat codes through, with their wait", () => {
    const message = { id: "chmsg_1" }
    expect(ackFromStoreAnswer(200, { message })).toEqual({ ok: true, data: { message } })
    expect(ackFromStoreAnswer(429, { code: "chat_slow_mode", message: "wait", retry_after_ms: 900 })).toEqual({
      ok: false,
      error: { code: "chat_slow_mode", message: "wait", retry_after_ms: 900 },
    })
    expect(ackFromStoreAnswer(403, { code: "chat_muted", message: "muted" })).toMatchObject({ error: { code: "chat_muted" } })
  })

  it("answers 401 unauthorized, and never passes an unknown code or a server error on", () => {
    expect(ackFromStoreAnswer(401, { type: "unauthorized" })).toMatchObject({ error: { code: "unauthorized" } })
    expect(ackFromStoreAnswer(400, { code: "secret_internal", message: "x" })).toMatchObject({ error: { code: "invalid_payload" } })
    expect(ackFromStoreAnswer(500, { message: "stack trace" })).toMatchObject({ error: { code: "unavailable" } })
  })
})
