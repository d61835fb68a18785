import { CHAT_RATE_LIMIT, decideChatSend, findBlockedWord, type ChatSendState } from "../utils/rules"

const NOW = new Date("2026-12-01T20:00:00Z")
const ago = (ms: number) => new Date(NOW.getTime() - ms)
const state = (over: Partial<ChatSendState> = {}): ChatSendState => ({
  show: { status: "live" },
  removed: false,
  blocked: false,
  muted_until: null,
  recent: [],
  slow_mode_seconds: 0,
  is_moderator: false,
  words: [],
  ...over,
})

describe("decideChatSend", () => {
  it.each([
    ["no show", state({ show: null }), "hi", 404, "chat_show_not_found"],
    ["a cancelled show", state({ show: { status: "cancelled" } }), "hi", 404, "chat_show_not_found"],
    ["a scheduled show", state({ show: { status: "scheduled" } }), "hi", 400, "chat_show_not_live"],
    ["an ended show", state({ show: { status: "ended" } }), "hi", 400, "chat_show_ended"],
    ["a blocked sender", state({ blocked: true }), "hi", 403, "chat_blocked"],
    ["a removed sender", state({ removed: true }), "hi", 403, "chat_removed"],
    ["a muted sender", state({ muted_until: new Date(NOW.getTime() + 30_000) }), "hi", 403, "chat_muted"],
    ["blank text", state(), " \n\t ", 400, "chat_message_empty"],
    ["501 characters", state(), "a".repeat(501), 400, "chat_message_too_long"],
    ["a blocked word", state({ words: [{ scope: "show", word: "fake" }] }), "so FAKE.", 400, "chat_blocked_word"],
  ])("refuses %s", (_what, s, text, status, code) => {
    expect(decideChatSend(text, "message", s, NOW)).toMatchObject({ ok: false, status, code })
  })

  it("takes 500 characters (emoji count as one) and trims, keeping markup as written", () => {
    expect(decideChatSend("😀".repeat(500), "message", state(), NOW)).toMatchObject({ ok: true })
    expect(decideChatSend("  <script>x</script> ", "question", state(), NOW)).toEqual({ ok: true, text: "<script>x</script>", kind: "question" })
  })

  it("says how long a mute has left", () => {
    expect(decideChatSend("hi", "message", state({ muted_until: new Date(NOW.getTime() + 30_000) }), NOW)).toMatchObject({ retry_after_ms: 30_000 })
    expect(decideChatSend("hi", "message", state({ muted_until: ago(1) }), NOW)).toMatchObject({ ok: true })
  })

  it("holds a viewer to slow mode from their last message, but not moderators", () => {
    const s = state({ slow_mode_seconds: 10, recent: [ago(4_000)] })
    expect(decideChatSend("hi", "message", s, NOW)).toMatchObject({ ok: false, code: "chat_slow_mode", retry_after_ms: 6_000 })
    expect(decideChatSend("hi", "message", { ...s, is_moderator: true }, NOW)).toMatchObject({ ok: true })
    expect(decideChatSend("hi", "message", { ...s, recent: [ago(10_000)] }, NOW)).toMatchObject({ ok: true })
  })

  it("rate-limits to a number of messages per window, with the wait until the oldest leaves it", () => {
    const recent = Array.from({ length: CHAT_RATE_LIMIT.messages }, (_, i) => ago(1_000 * (i + 1)))
    expect(decideChatSend("hi", "message", state({ recent }), NOW)).toMatchObject({
      code: "chat_rate_limited",
      retry_after_ms: CHAT_RATE_LIMIT.windowMs - CHAT_RATE_LIMIT.messages * 1_000,
    })
    expect(decideChatSend("hi", "message", state({ recent: recent.slice(1) }), NOW)).toMatchObject({ ok: true })
  })
})

describe("findBlockedWord", () => {
  const words = [{ scope: "platform" as const, word: "scam" }, { scope: "show" as const, word: "no way" }]
  it("matches whole words and phrases in any case, not inside other words", () => {
    expect(findBlockedWord("a Scam!", words)).toEqual(words[0])
    expect(findBlockedWord("NO WAY", words)).toEqual(words[1])
    expect(findBlockedWord("scampi", words)).toBeNull()
    expect(findBlockedWord("a (scam) here", [{ scope: "show", word: "(scam)" }])).toEqual({ scope: "show", word: "(scam)" })
  })
})
