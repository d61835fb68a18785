import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CHAT_MODULE } from ".."
import { ChatBlock, ChatBlockedWord, ChatMessage, ChatModerationLog, ChatModerator, ChatMute, ChatRemoval, ChatRoom, ChatSendRequest } from "../models"
import ChatModuleService from "../service"

jest.setTimeout(60_000)

const LIVE = { status: "live", seller_id: "user_seller" }
const send = (service: ChatModuleService, customer: string, text: string, show_id = "show_1") =>
  service.sendMessage({ show_id, show: LIVE, customer_id: customer, display_name: customer, text, kind: "message" })

moduleIntegrationTestRunner<ChatModuleService>({
  moduleName: CHAT_MODULE,
  moduleModels: [ChatMessage, ChatRoom, ChatModerator, ChatMute, ChatRemoval, ChatBlock, ChatBlockedWord, ChatModerationLog, ChatSendRequest],
  resolve: "./src/modules/chat",
  moduleOptions: { realtime: { url: "https://live.example.com" } },
  testSuite: ({ service }) => {
    it("numbers 40 simultaneous messages of one show 1…40, each once, while another show counts on its own", async () => {
      const results = await Promise.all([
        ...Array.from({ length: 40 }, (_, i) => send(service, `cus_${i}`, `m${i}`)),
        send(service, "cus_x", "elsewhere", "show_2"),
      ])
      expect(results.every((r) => r.ok)).toBe(true)
      const seqs = results.slice(0, 40).map((r) => (r.ok ? r.message.seq : 0))
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
      expect(results[40]).toMatchObject({ ok: true, message: { seq: 1, show_id: "show_2" } })
    })

    it("lets one viewer through slow mode once when they send twice at the same moment", async () => {
      await service.moderate({ show_id: "show_1", seller_id: "user_seller", actor: "user:user_seller", action: "set_slow_mode", seconds: 30 })
      const both = await Promise.all([send(service, "cus_a", "one"), send(service, "cus_a", "two")])
      expect(both.filter((r) => r.ok)).toHaveLength(1)
      expect(both.find((r) => !r.ok)).toMatchObject({ code: "chat_slow_mode" })
    })

    it("hides a deleted message from pages, catch-up and the snapshot, and records who deleted it", async () => {
      const sent = await send(service, "cus_a", "oops")
      const kept = await send(service, "cus_b", "fine")
      if (!sent.ok || !kept.ok) {
        throw new Error("not sent")
      }
      await service.moderate({ show_id: "show_1", seller_id: "user_seller", actor: "user:user_seller", action: "pin", message_id: sent.message.id })
      const out = await service.moderate({
        show_id: "show_1",
        seller_id: "user_seller",
        actor: "customer:cus_mod",
        action: "delete_message",
        message_id: sent.message.id,
      })
      expect(out.updates.map((u) => u.event)).toEqual(["chat:deleted", "chat:pinned"])
      const page = await service.listChatPage({ show_id: "show_1", limit: 10 })
      expect(page.messages.map((m) => m.text)).toEqual(["fine"])
      expect((await service.listChatPage({ show_id: "show_1", after_seq: 0, limit: 10 })).messages.map((m) => m.text)).toEqual(["fine"])
      expect((await service.chatSnapshot("show_1")).pinned).toBeNull()
      const [log] = await service.listChatModerationLogs({ action: "delete_message" })
      expect(log).toMatchObject({ actor: "customer:cus_mod", target_customer_id: "cus_a", target_message_id: sent.message.id, detail: { text: "oops" } })
    })

    it("posts ten simultaneous copies of a keyed send once, and forgets the key's answer after a day", async () => {
      const copies = await Promise.all(
        Array.from({ length: 10 }, () =>
          service.sendMessage({ show_id: "show_1", show: LIVE, customer_id: "cus_k", display_name: "K", text: "once", kind: "message", idempotency_key: "key-00000001" })
        )
      )
      expect(copies.filter((c) => c.ok && !c.replayed)).toHaveLength(1)
      expect(new Set(copies.map((c) => (c.ok ? c.message.id : "refused"))).size).toBe(1)
      expect(copies.flatMap((c) => (c.ok ? c.updates : []))).toHaveLength(1)
      expect((await service.listChatPage({ show_id: "show_1", limit: 10 })).messages.map((m) => m.text)).toEqual(["once"])

      const [record] = await service.listChatSendRequests({ idempotency_key: "key-00000001" })
      await service.updateChatSendRequests({ id: record.id, created_at: new Date(Date.now() - 25 * 3600_000) } as never)
      expect(await service.pruneSendRequests()).toBe(1)
      const retried = await service.sendMessage({ show_id: "show_1", show: LIVE, customer_id: "cus_k", display_name: "K", text: "once", kind: "message", idempotency_key: "key-00000001" })
      expect([retried.ok, retried.replayed ?? false]).toEqual([true, false])
      expect((await service.listChatPage({ show_id: "show_1", limit: 10 })).messages.map((m) => m.text)).toEqual(["once", "once"])
    })
  },
})
