import { describe, expect, it } from "@jest/globals"
import type { ChatMessage } from "medusa-plugin-live-commerce/realtime/contract"
import { CHAT_MAX_LENGTH as CONTRACT_MAX_LENGTH } from "../../../src/realtime/contract/chat"
import {
  anonymousChatLine,
  CHAT_MAX_LENGTH,
  FEED_LIMIT,
  chatNotice,
  chatReducer,
  emptyChat,
  followSeq,
  mergeMessages,
  messageLength,
  refusalText,
  timeLeft,
  type ChatAction,
  type ChatState,
} from "../chat"

const NOW = Date.parse("2026-12-01T12:00:00.000Z")

const msg = (seq: number, over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `chat_${seq}`,
  show_id: "show_1",
  seq,
  customer_id: "cus_1",
  display_name: "Ann",
  text: `message ${seq}`,
  kind: "message",
  question_state: null,
  answer_text: null,
  answered_at: null,
  created_at: "2026-12-01T11:59:00.000Z",
  ...over,
})

const question = (seq: number, over: Partial<ChatMessage> = {}) => msg(seq, { kind: "question", question_state: "open", ...over })

const run = (actions: ChatAction[], from: ChatState = emptyChat) => actions.reduce(chatReducer, from)
const seqs = (s: ChatState) => s.messages.map((m) => m.seq)

const loaded = (newestFirst: ChatMessage[], next_cursor: string | null = null) =>
  run([{ type: "latest", messages: newestFirst, next_cursor, server_time: "2026-12-01T12:00:00.000Z" }])

describe("the chat feed", () => {
  it("keeps the contract's length limit", () => {
    expect(CHAT_MAX_LENGTH).toBe(CONTRACT_MAX_LENGTH)
  })

  it("shows the newest page oldest first, with the cursor for the page before", () => {
    const s = loaded([msg(3), msg(2), msg(1)], "1")
    expect(seqs(s)).toEqual([1, 2, 3])
    expect(s.olderCursor).toBe("1")
    expect(s.loaded).toBe(true)
    expect(s.syncedAt).toBe("2026-12-01T12:00:00.000Z")
  })

  it("shows a live message once, however often it arrives, in seq order", () => {
    const s = run(
      [
        { type: "message", message: msg(5) },
        { type: "message", message: msg(4) },
        { type: "message", message: msg(5) },
      ],
      loaded([msg(3)])
    )
    expect(seqs(s)).toEqual([3, 4, 5])
  })

  it("keeps live messages that arrived while the newest page loaded", () => {
    const s = run([{ type: "latest", messages: [msg(2), msg(1)], next_cursor: null, server_time: "t" }], run([{ type: "message", message: msg(3) }]))
    expect(seqs(s)).toEqual([1, 2, 3])
  })

  it("puts an older page above, without duplicates", () => {
    const s = run([{ type: "history", messages: [msg(3), msg(2), msg(1)], next_cursor: null }], loaded([msg(4), msg(3)], "3"))
    expect(seqs(s)).toEqual([1, 2, 3, 4])
    expect(s.olderCursor).toBeNull()
  })

  it("trims the oldest messages while following the bottom, and can load them again", () => {
    let s = loaded([])
    for (let seq = 1; seq <= FEED_LIMIT + 2; seq++) {
      s = chatReducer(s, { type: "message", message: msg(seq), trim: true })
    }
    expect(s.messages).toHaveLength(FEED_LIMIT)
    expect(s.messages[0].seq).toBe(3)
    expect(s.olderCursor).toBe("3")
  })

  it("does not trim while the reader is scrolled up", () => {
    let s = loaded([])
    for (let seq = 1; seq <= FEED_LIMIT + 2; seq++) {
      s = chatReducer(s, { type: "message", message: msg(seq), trim: false })
    }
    expect(s.messages).toHaveLength(FEED_LIMIT + 2)
  })

  it("drops a deleted message from the feed, the questions lane and the pin", () => {
    const q = question(2)
    const s = run(
      [
        { type: "message", message: q },
        { type: "pinned", message: q },
        { type: "deleted", message_id: q.id },
      ],
      loaded([msg(1)])
    )
    expect(seqs(s)).toEqual([1])
    expect(s.questions).toEqual([])
    expect(s.pinned).toBeNull()
  })

  it("catches up after a reconnect: new messages in, deletions out", () => {
    const s = run(
      [{ type: "caught_up", messages: [msg(4), question(5)], deleted: [{ message_id: "chat_2" }], server_time: "2026-12-01T12:05:00.000Z" }],
      loaded([msg(3), msg(2), msg(1)])
    )
    expect(seqs(s)).toEqual([1, 3, 4, 5])
    expect(s.questions.map((q) => q.id)).toEqual(["chat_5"])
    expect(s.syncedAt).toBe("2026-12-01T12:05:00.000Z")
  })

  it("catches up without a `deleted` list (older servers)", () => {
    const s = run([{ type: "caught_up", messages: [msg(2)], server_time: "t" }], loaded([msg(1)]))
    expect(seqs(s)).toEqual([1, 2])
  })

  it("merges pages of any order into one list by seq", () => {
    expect(mergeMessages([msg(1), msg(3)], [msg(2), msg(3, { text: "newer copy" })]).map((m) => [m.seq, m.text])).toEqual([
      [1, "message 1"],
      [2, "message 2"],
      [3, "newer copy"],
    ])
  })
})

describe("following the message numbers live", () => {
  it("advances over consecutive messages and ignores ones already in hand", () => {
    expect(followSeq(4, 5)).toEqual({ known: 5, missed: false })
    expect(followSeq(5, 5)).toEqual({ known: 5, missed: false })
    expect(followSeq(5, 3)).toEqual({ known: 5, missed: false })
  })

  it("notices a message that never arrived and stays where the catch-up must start", () => {
    expect(followSeq(4, 6)).toEqual({ known: 4, missed: true })
    // Later messages keep asking until the catch-up fills the hole.
    expect(followSeq(4, 7)).toEqual({ known: 4, missed: true })
  })

  it("checks nothing before the first load (that load brings everything)", () => {
    expect(followSeq(null, 9)).toEqual({ known: null, missed: false })
  })
})

describe("the questions lane", () => {
  it("lists open questions newest first and attaches the answer", () => {
    let s = run([{ type: "message", message: question(1) }, { type: "message", message: msg(2) }, { type: "message", message: question(3) }], loaded([]))
    expect(s.questions.map((q) => q.seq)).toEqual([3, 1])
    s = chatReducer(s, { type: "answered", message: question(1, { question_state: "answered", answer_text: "Yes, size M" }) })
    expect(s.questions.map((q) => [q.seq, q.question_state, q.answer_text])).toEqual([
      [3, "open", null],
      [1, "answered", "Yes, size M"],
    ])
    expect(s.messages.find((m) => m.seq === 1)?.question_state).toBe("answered")
  })

  it("drops a dismissed question from the lane but keeps the message in the feed", () => {
    const s = run([{ type: "message", message: question(1) }, { type: "answered", message: question(1, { question_state: "dismissed" }) }], loaded([]))
    expect(s.questions).toEqual([])
    expect(seqs(s)).toEqual([1])
  })

  it("takes the questions, pin and slow mode from the snapshot", () => {
    const s = run([
      {
        type: "snapshot",
        server_time: "t",
        chat: { show_id: "show_1", last_seq: 9, slow_mode_seconds: 10, pinned: msg(7), questions: [question(2), question(8, { question_state: "answered", answer_text: "a" })] },
      },
    ])
    expect(s.questions.map((q) => q.seq)).toEqual([8, 2])
    expect(s.pinned?.id).toBe("chat_7")
    expect(s.slowModeSeconds).toBe(10)
    expect(s.moderator).toBe(false)
  })
})

describe("the viewer's standing and refusals", () => {
  const live = loaded([])

  it("reads `you` from the snapshot: moderator, muted, removed", () => {
    const chat = { show_id: "show_1", last_seq: 0, slow_mode_seconds: 0, pinned: null, questions: [] }
    const s = chatReducer(live, {
      type: "snapshot",
      server_time: "t",
      chat: { ...chat, you: { moderator: true, muted_until: "2026-12-01T12:05:00.000Z", removed: false, blocked: false } },
    })
    expect(s.moderator).toBe(true)
    expect(s.mutedUntil).toBe(NOW + 5 * 60_000)
    expect(chatNotice(s, "live", NOW)?.text).toBe("You are muted for 5:00.")
    const blocked = chatReducer(s, { type: "snapshot", server_time: "t", chat: { ...chat, you: { moderator: false, muted_until: null, removed: true, blocked: true } } })
    expect(blocked.removed).toBe("blocked")
    expect(blocked.mutedUntil).toBeNull()
  })

  it("counts a mute down and lifts it when the time is up", () => {
    const s = chatReducer(live, { type: "muted", until: NOW + 299_500 })
    const notice = chatNotice(s, "live", NOW)
    expect(notice).toMatchObject({ code: "chat_muted", blocksInput: true })
    expect(notice?.text).toMatch(/muted/)
    expect(notice?.text).toContain("5:00")
    expect(chatNotice(s, "live", NOW + 1000)?.text).toContain("4:59")
    expect(chatNotice(s, "live", NOW + 300_000)).toBeNull()
  })

  it("turns a muted refusal into the mute's time left", () => {
    const s = chatReducer(live, { type: "refused", now: NOW, refusal: { code: "chat_muted", message: "You are muted", retry_after_ms: 90_000 } })
    expect(chatNotice(s, "live", NOW)?.text).toBe("You are muted for 1:30.")
  })

  it("counts slow mode's wait down, holding only the send button", () => {
    const s = chatReducer(live, { type: "refused", now: NOW, refusal: { code: "chat_slow_mode", message: "Slow mode", retry_after_ms: 7_000 } })
    expect(chatNotice(s, "live", NOW)).toMatchObject({ code: "chat_slow_mode", blocksInput: false, blocksSend: true, text: "Slow mode: you can send again in 0:07." })
    expect(chatNotice(s, "live", NOW + 3_000)?.text).toContain("0:04")
    expect(chatNotice(s, "live", NOW + 7_000)).toBeNull()
  })

  it("after a send in slow mode, waits the slow mode out (moderators do not)", () => {
    const slow = chatReducer(live, { type: "slow_mode", seconds: 30 })
    const s = chatReducer(slow, { type: "sent", now: NOW, message: msg(1) })
    expect(seqs(s)).toEqual([1])
    expect(chatNotice(s, "live", NOW + 1_000)?.text).toBe("Slow mode: you can send again in 0:29.")
    const mod = chatReducer({ ...slow, moderator: true }, { type: "sent", now: NOW, message: msg(1) })
    expect(chatNotice(mod, "live", NOW + 1_000)).toBeNull()
    // Slow mode turned off: the wait is over at once.
    expect(chatNotice(chatReducer(s, { type: "slow_mode", seconds: 0 }), "live", NOW + 1_000)).toBeNull()
  })

  it("names the blocked word", () => {
    const s = chatReducer(live, {
      type: "refused",
      now: NOW,
      refusal: { code: "chat_blocked_word", message: "blocked", rule: { scope: "show", word: "scam" } },
    })
    expect(chatNotice(s, "live", NOW)).toMatchObject({ code: "chat_blocked_word", text: 'Not sent: "scam" is not allowed in this show.', blocksInput: false })
    expect(chatReducer(s, { type: "clear_refusal" }).refusal).toBeNull()
  })

  it("says when the viewer was removed or blocked, over everything else", () => {
    const removed = chatReducer(chatReducer(live, { type: "muted", until: NOW + 60_000 }), { type: "removed", reason: "removed" })
    expect(chatNotice(removed, "live", NOW)).toMatchObject({ text: "You were removed from this chat.", blocksInput: true })
    const blocked = chatReducer(live, { type: "refused", now: NOW, refusal: { code: "chat_blocked", message: "blocked" } })
    expect(chatNotice(blocked, "live", NOW)?.code).toBe("chat_blocked")
  })

  it("closes the chat when the show has ended and keeps it shut before it is live", () => {
    expect(chatNotice(live, "ended", NOW)).toMatchObject({ code: "chat_show_ended", blocksInput: true })
    expect(chatNotice(live, "scheduled", NOW)).toMatchObject({ code: "chat_show_not_live", blocksInput: true })
    expect(chatNotice(live, "live", NOW)).toBeNull()
  })

  it("tells an anonymous viewer to log in while the show is live, and why chat is closed otherwise", () => {
    expect(anonymousChatLine("live")).toEqual({ code: "chat_login_required", text: "Log in to chat." })
    expect(anonymousChatLine("ended")).toEqual({ code: "chat_show_ended", text: "The show has ended: chat is closed." })
    expect(anonymousChatLine("scheduled").code).toBe("chat_show_not_live")
  })

  it("a taken send ends an earlier refusal or mute", () => {
    const refused = chatReducer(live, { type: "refused", now: NOW, refusal: { code: "chat_message_too_long", message: "too long" } })
    expect(refusalText(refused.refusal!)).toBe(`Not sent: a message has at most ${CHAT_MAX_LENGTH} characters.`)
    const s = chatReducer({ ...refused, mutedUntil: NOW + 10_000 }, { type: "sent", now: NOW, message: msg(1) })
    expect(chatNotice(s, "live", NOW)).toBeNull()
  })
})

describe("formatting", () => {
  it("writes time left as m:ss under an hour and in hours beyond", () => {
    expect(timeLeft(299_001)).toBe("5:00")
    expect(timeLeft(59_000)).toBe("0:59")
    expect(timeLeft(2 * 3600_000 + 5 * 60_000)).toBe("2 h 5 min")
  })

  it("counts characters as the server does: code points, trimmed", () => {
    expect(messageLength("  hi  ")).toBe(2)
    expect(messageLength("👍👍")).toBe(2)
  })
})
