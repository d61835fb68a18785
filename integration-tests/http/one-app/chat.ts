import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CHAT_MODULE } from "../../../src/modules/chat"
import type ChatModuleService from "../../../src/modules/chat/service"
import { adminHeaders, createBuyers, createSeller, type Buyer, type Seller } from "../../helpers/actors"
import { createShow, sleep } from "../../helpers/auctions"
import { startAppSidecar, type AppSidecar } from "../../helpers/app-sidecar"
import { attempt } from "../../helpers/checkout"
import { next, viewer, type Viewer } from "../../helpers/viewers"

type Res = { status: number; data: any }

export function chatSuite({ api, getContainer, dbConfig }: MedusaSuiteOptions): void {
  let staff: Record<string, string>
  let seller: Seller
  let rival: Seller
  let alice: Buyer
  let bob: Buyer
  let mod: Buyer
  let store: Record<string, string>

  beforeEach(async () => {
    staff = await adminHeaders(getContainer(), api)
    seller = await createSeller(getContainer(), api, staff)
    rival = await createSeller(getContainer(), api, staff)
    ;[alice, bob, mod] = await createBuyers(getContainer(), 3)
    store = { "x-publishable-api-key": alice.headers["x-publishable-api-key"] }
  })

  const post = (url: string, body: unknown, headers: Record<string, string>): Promise<Res> => attempt(api.post(url, body, { headers }))
  const get = (url: string, headers: Record<string, string> = store): Promise<Res> => attempt(api.get(url, { headers }))
  const del = (url: string, headers: Record<string, string>): Promise<Res> => attempt(api.delete(url, { headers }))
  const send = (id: string, who: Buyer, text: string, kind?: string) =>
    post(`/store/shows/${id}/chat/messages`, kind ? { text, kind } : { text }, who.headers)
  const history = async (id: string) => (await get(`/store/shows/${id}/chat/messages?limit=100`)).data.messages as any[]
  const liveShow = async () => {
    const id = await createShow(api, seller.headers, {}, { live: true })
    await post(`/admin/shows/${id}/chat/moderators`, { customer_id: mod.id }, seller.headers)
    return id
  }

  describe("POST /store/shows/:id/chat/messages", () => {
    it("should store a message as written, with the show's seq, and list it newest first with a cursor", async () => {
      const id = await liveShow()
      const script = `<script>alert("x")</script> & <b>hi</b>`
      const first = await send(id, alice, `  ${script}  `)
      expect(first.status).toBe(200)
      expect(first.data.message).toMatchObject({ show_id: id, seq: 1, text: script, kind: "message", customer_id: alice.id })
      for (const text of ["two", "three"]) {
        expect((await send(id, bob, text)).status).toBe(200)
        await sleep(10)
      }
      const page = (await get(`/store/shows/${id}/chat/messages?limit=2`)).data
      expect(page.messages.map((m: any) => m.seq)).toEqual([3, 2])
      expect(page.next_cursor).toBe("2")
      const older = (await get(`/store/shows/${id}/chat/messages?limit=2&before=${page.next_cursor}`)).data
      expect(older.messages.map((m: any) => m.text)).toEqual([script])
      expect(older.next_cursor).toBeNull()
      const since = (await get(`/store/shows/${id}/chat/messages?after_seq=1`)).data
      expect(since.messages.map((m: any) => m.seq)).toEqual([2, 3])
      expect(since.last_seq).toBe(3)
    })

    it("should refuse bad input with a clear code and store nothing", async () => {
      const id = await liveShow()
      const scheduled = await createShow(api, seller.headers)
      const ended = await liveShow()
      await post(`/admin/shows/${ended}/end`, {}, seller.headers)
      const cases: [string, Promise<Res>, number, string | undefined][] = [
        ["empty", send(id, alice, "   "), 400, "chat_message_empty"],
        ["oversized", send(id, alice, "x".repeat(501)), 400, "chat_message_too_long"],
        ["unknown show", send("show_01NOSUCHSHOW", alice, "hi"), 404, "chat_show_not_found"],
        ["scheduled show", send(scheduled, alice, "hi"), 400, "chat_show_not_live"],
        ["ended show", send(ended, alice, "hi"), 400, "chat_show_ended"],
        ["anonymous", post(`/store/shows/${id}/chat/messages`, { text: "hi" }, store), 401, undefined],
      ]
      for (const [what, request, status, code] of cases) {
        const res = await request
        expect({ what, status: res.status, code: res.data.code }).toEqual({ what, status, code })
      }
      for (const show of [id, scheduled, ended]) {
        expect(await history(show)).toEqual([])
      }
    })

    it("should refuse a blocked word, platform-wide or in the show, naming the rule", async () => {
      const id = await liveShow()
      expect((await post(`/admin/blocked-chat-words`, { word: "Scam" }, staff)).status).toBe(200)
      expect((await post(`/admin/blocked-chat-words`, { word: "nope" }, seller.headers)).status).toBe(403)
      expect((await post(`/admin/shows/${id}/chat/blocked-words`, { word: "fake" }, seller.headers)).status).toBe(200)
      const platform = await send(id, alice, "this is a SCAM!")
      expect(platform).toMatchObject({ status: 400, data: { code: "chat_blocked_word", rule: { scope: "platform", word: "scam" } } })
      const show = await send(id, alice, "looks fake to me")
      expect(show.data).toMatchObject({ code: "chat_blocked_word", rule: { scope: "show", word: "fake" } })
      expect((await send(id, alice, "scampi and fakery are fine")).status).toBe(200)
      expect((await history(id)).map((m) => m.text)).toEqual(["scampi and fakery are fine"])
    })

    it("should hold each viewer to slow mode as set, and tell them how long to wait", async () => {
      const id = await liveShow()
      expect((await post(`/admin/shows/${id}/chat/slow-mode`, { seconds: 2 }, seller.headers)).status).toBe(200)
      expect((await send(id, alice, "one")).status).toBe(200)
      const early = await send(id, alice, "two")
      expect(early).toMatchObject({ status: 429, data: { code: "chat_slow_mode" } })
      expect(early.data.retry_after_ms).toBeGreaterThan(1000)
      expect(early.data.retry_after_ms).toBeLessThanOrEqual(2000)
      expect((await send(id, bob, "another viewer is not held")).status).toBe(200)
      expect((await send(id, mod, "moderators are not held")).status).toBe(200)
      expect((await send(id, mod, "moderators are not held")).status).toBe(200)
      await sleep(early.data.retry_after_ms + 50)
      expect((await send(id, alice, "two")).status).toBe(200)
    })

    it("should rate-limit a viewer sending too fast", async () => {
      const id = await liveShow()
      for (let i = 0; i < 5; i++) {
        expect((await send(id, alice, `m${i}`)).status).toBe(200)
      }
      const res = await send(id, alice, "m5")
      expect(res).toMatchObject({ status: 429, data: { code: "chat_rate_limited" } })
      expect(res.data.retry_after_ms).toBeGreaterThan(0)
    })
  })

  describe("retries with an idempotency key", () => {
    const sendKeyed = (id: string, who: Buyer, body: Record<string, unknown>) =>
      attempt(api.post(`/store/shows/${id}/chat/messages`, body, { headers: who.headers })) as Promise<Res & { headers: Record<string, string> }>

    it("should answer a retried send with the first answer, posting once, even when the copies arrive together", async () => {
      const id = await liveShow()
      const key = "chat-retry-0001"
      const first = await sendKeyed(id, alice, { text: "only once", idempotency_key: key })
      expect(first.status).toBe(200)
      const again = await sendKeyed(id, alice, { text: "only once", idempotency_key: key })
      expect(again).toMatchObject({ status: 200, data: first.data })
      expect(again.headers["idempotent-replayed"]).toBe("true")
      expect(first.headers["idempotent-replayed"]).toBeUndefined()

      // Five copies of another send at once: one message, five identical answers.
      const copies = await Promise.all(Array.from({ length: 5 }, () => sendKeyed(id, bob, { text: "storm", idempotency_key: "chat-retry-0002" })))
      expect(new Set(copies.map((c) => `${c.status} ${c.data.message?.id}`)).size).toBe(1)
      expect(copies[0].status).toBe(200)
      expect(copies.filter((c) => c.headers["idempotent-replayed"] === "true")).toHaveLength(4)
      expect((await history(id)).map((m) => m.text)).toEqual(["storm", "only once"])

      // The key is the customer's: another customer's same key is their own send.
      expect((await sendKeyed(id, mod, { text: "only once", idempotency_key: key })).data.message.customer_id).toBe(mod.id)
    })

    it("should replay a refusal, and refuse the key reused for another message (422) storing nothing", async () => {
      const id = await liveShow()
      const word = (await post(`/admin/shows/${id}/chat/blocked-words`, { word: "counterfeit" }, seller.headers)).data.blocked_word
      const refused = await sendKeyed(id, alice, { text: "counterfeit deal", idempotency_key: "chat-retry-0003" })
      expect(refused).toMatchObject({ status: 400, data: { code: "chat_blocked_word" } })
      expect((await del(`/admin/shows/${id}/chat/blocked-words/${word.id}`, seller.headers)).status).toBe(200)
      // Stripe's rule: the first answer stands for its key, even though the word is gone now.
      const replayed = await sendKeyed(id, alice, { text: "counterfeit deal", idempotency_key: "chat-retry-0003" })
      expect(replayed).toMatchObject({ status: 400, data: refused.data })
      expect(replayed.headers["idempotent-replayed"]).toBe("true")

      const stored = await sendKeyed(id, alice, { text: "first", idempotency_key: "chat-retry-0004" })
      expect(stored.status).toBe(200)
      const reused = await sendKeyed(id, alice, { text: "second", idempotency_key: "chat-retry-0004" })
      expect(reused).toMatchObject({ status: 422, data: { code: "idempotency_conflict" } })
      expect((await sendKeyed(id, alice, { text: "x", idempotency_key: "short" })).status).toBe(400)
      expect((await history(id)).map((m) => m.text)).toEqual(["first"])
    })
  })

  describe("state for viewers who join or come back", () => {
    it("should tell a logged-in viewer where they stand, and nobody else", async () => {
      const id = await liveShow()
      await post(`/store/shows/${id}/chat/mutes`, { customer_id: alice.id, duration_seconds: 300 }, mod.headers)
      const mine = (await get(`/store/shows/${id}/chat`, alice.headers)).data.chat.you
      expect(mine).toMatchObject({ moderator: false, removed: false, blocked: false })
      expect(new Date(mine.muted_until).getTime() - Date.now()).toBeGreaterThan(290_000)
      expect((await get(`/store/shows/${id}/chat`, mod.headers)).data.chat.you).toEqual({ moderator: true, muted_until: null, removed: false, blocked: false })
      expect((await get(`/store/shows/${id}/chat`)).data.chat.you).toBeUndefined()
    })

    it("should list the messages deleted since a time in catch-up, and give the moderation panel the same reads", async () => {
      const id = await liveShow()
      const [a, b] = [(await send(id, alice, "keep")).data.message, (await send(id, bob, "remove me")).data.message]
      const before = (await get(`/store/shows/${id}/chat`)).data.server_time
      expect((await del(`/admin/shows/${id}/chat/messages/${b.id}`, seller.headers)).status).toBe(200)
      const c = (await send(id, alice, "after")).data.message
      const since = await get(`/store/shows/${id}/chat/messages?after_seq=${a.seq}&deleted_since=${encodeURIComponent(before)}`)
      expect(since.data.messages.map((m: any) => m.id)).toEqual([c.id])
      expect(since.data.deleted).toEqual([{ message_id: b.id, seq: b.seq }])
      const later = await get(`/store/shows/${id}/chat/messages?after_seq=${c.seq}&deleted_since=${encodeURIComponent(since.data.server_time)}`)
      expect(later.data).toMatchObject({ messages: [], deleted: [] })
      expect((await get(`/store/shows/${id}/chat/messages?deleted_since=yesterday`)).status).toBe(400)

      const panel = await get(`/admin/shows/${id}/chat/messages?limit=10`, seller.headers)
      expect(panel.data.messages.map((m: any) => m.text)).toEqual(["after", "keep"])
      expect((await get(`/admin/shows/${id}/chat`, seller.headers)).data.chat).toMatchObject({ show_id: id, last_seq: 3, pinned: null })
      expect((await get(`/admin/shows/${id}/chat`, rival.headers)).status).toBe(404)
    })
  })

  describe("moderation", () => {
    it("should not let a non-moderator delete or mute (403 chat_not_moderator), nor another seller (404)", async () => {
      const id = await liveShow()
      const { data } = await send(id, alice, "hello")
      const bobDelete = await del(`/store/shows/${id}/chat/messages/${data.message.id}`, bob.headers)
      expect(bobDelete).toMatchObject({ status: 403, data: { code: "chat_not_moderator" } })
      const bobMute = await post(`/store/shows/${id}/chat/mutes`, { customer_id: alice.id, duration_seconds: 60 }, bob.headers)
      expect(bobMute).toMatchObject({ status: 403, data: { code: "chat_not_moderator" } })
      expect((await del(`/admin/shows/${id}/chat/messages/${data.message.id}`, rival.headers)).status).toBe(404)
      expect((await history(id)).length).toBe(1)
      const modMutesMod = await post(`/store/shows/${id}/chat/mutes`, { customer_id: mod.id, duration_seconds: 60 }, mod.headers)
      expect(modMutesMod).toMatchObject({ status: 403, data: { code: "chat_target_is_moderator" } })
    })

    it("should refuse a muted viewer with the time left, and log who muted whom", async () => {
      const id = await liveShow()
      const muted = await post(`/store/shows/${id}/chat/mutes`, { customer_id: alice.id, duration_seconds: 60 }, mod.headers)
      expect(muted.status).toBe(200)
      const res = await send(id, alice, "let me talk")
      expect(res).toMatchObject({ status: 403, data: { code: "chat_muted" } })
      expect(res.data.retry_after_ms).toBeGreaterThan(55_000)
      expect(res.data.retry_after_ms).toBeLessThanOrEqual(60_000)
      expect(await history(id)).toEqual([])
      expect((await del(`/admin/shows/${id}/chat/mutes/${alice.id}`, seller.headers)).status).toBe(200)
      expect((await send(id, alice, "thanks")).status).toBe(200)
      const log = (await get(`/admin/shows/${id}/chat/log`, seller.headers)).data.entries
      expect(log.map((e: any) => [e.action, e.actor, e.target_customer_id])).toEqual([
        ["unmute", `user:${seller.user_id}`, alice.id],
        ["mute", `customer:${mod.id}`, alice.id],
        ["add_moderator", `user:${seller.user_id}`, mod.id],
      ])
      expect((await get(`/admin/shows/${id}/chat/log`, staff)).data.count).toBe(3)
      expect((await get(`/admin/shows/${id}/chat/log`, rival.headers)).status).toBe(404)
    })

    it("should refuse removed and seller-blocked viewers", async () => {
      const id = await liveShow()
      const other = await liveShow()
      expect((await post(`/store/shows/${id}/chat/removals`, { customer_id: alice.id }, mod.headers)).status).toBe(200)
      expect((await send(id, alice, "hi")).data.code).toBe("chat_removed")
      expect((await send(other, alice, "hi")).status).toBe(200)
      expect((await post(`/admin/shows/${id}/chat/blocks`, { customer_id: bob.id }, seller.headers)).status).toBe(200)
      expect((await send(other, bob, "hi")).data.code).toBe("chat_blocked")
      expect((await post(`/admin/shows/${id}/chat/blocks`, { customer_id: "cus_nobody" }, seller.headers)).data.code).toBe(
        "chat_customer_not_found"
      )
    })
  })

  describe("restricted viewers: GET /admin/shows/:id/chat/restrictions and lifting", () => {
    const restrictions = (id: string, headers = seller.headers) => get(`/admin/shows/${id}/chat/restrictions`, headers)
    const emailOf = async (id: string, kind: "customer" | "user") =>
      kind === "user"
        ? (await getContainer().resolve(Modules.USER).retrieveUser(id)).email
        : (await getContainer().resolve(Modules.CUSTOMER).retrieveCustomer(id)).email
    /** Alice muted by the moderator, Bob removed by the seller, Carol blocked by the seller from another show of theirs. */
    const restrictThree = async (id: string) => {
      const [carol] = await createBuyers(getContainer(), 1, store)
      const other = await liveShow()
      expect((await post(`/store/shows/${id}/chat/mutes`, { customer_id: alice.id, duration_seconds: 300 }, mod.headers)).status).toBe(200)
      await sleep(10)
      expect((await post(`/admin/shows/${id}/chat/removals`, { customer_id: bob.id }, seller.headers)).status).toBe(200)
      await sleep(10)
      expect((await post(`/admin/shows/${other}/chat/blocks`, { customer_id: carol.id }, seller.headers)).status).toBe(200)
      return carol
    }

    it("should list running mutes, removals and the seller's blocks newest first, named, but no expired mute", async () => {
      const id = await liveShow()
      await getContainer().resolve(Modules.CUSTOMER).updateCustomers(alice.id, { first_name: "Alice", last_name: "Viewer" })
      // A mute that ended a minute ago (the API cannot make one shorter than 10 s): not listed.
      await getContainer()
        .resolve<ChatModuleService>(CHAT_MODULE)
        .createChatMutes({ show_id: id, customer_id: bob.id, until: new Date(Date.now() - 60_000), created_by: `user:${seller.user_id}` })
      const carol = await restrictThree(id)
      // Another seller's block does not apply to this seller's show.
      const rivalShow = await createShow(api, rival.headers, {}, { live: true })
      expect((await post(`/admin/shows/${rivalShow}/chat/blocks`, { customer_id: mod.id }, rival.headers)).status).toBe(200)

      const res = await restrictions(id)
      expect(res.status).toBe(200)
      const list = res.data.restrictions
      expect(list.map((r: any) => [r.kind, r.customer_id])).toEqual([
        ["block", carol.id],
        ["removal", bob.id],
        ["mute", alice.id],
      ])
      const [sellerEmail, modEmail, bobEmail] = [await emailOf(seller.user_id, "user"), await emailOf(mod.id, "customer"), await emailOf(bob.id, "customer")]
      expect(list[2]).toMatchObject({
        customer: { id: alice.id, name: "Alice Viewer", email: await emailOf(alice.id, "customer") },
        created_by: `customer:${mod.id}`,
        created_by_name: modEmail,
      })
      expect(new Date(list[2].until).getTime() - Date.now()).toBeGreaterThan(290_000)
      expect(list[1]).toMatchObject({ customer: { name: bobEmail }, until: null, created_by: `user:${seller.user_id}`, created_by_name: sellerEmail })
      expect((await restrictions(id, staff)).data.restrictions).toHaveLength(3)

      // The log names people too, keeping the ids.
      const log = (await get(`/admin/shows/${id}/chat/log`, seller.headers)).data.entries
      expect(log.find((e: any) => e.action === "mute")).toMatchObject({
        actor: `customer:${mod.id}`,
        actor_name: modEmail,
        target_customer_id: alice.id,
        target_customer_name: "Alice Viewer",
      })
      expect(log.find((e: any) => e.action === "remove")).toMatchObject({ actor_name: sellerEmail, target_customer_name: bobEmail })
    })

    it("should take each lifted restriction off the list, log it, and let the viewer send again", async () => {
      const id = await liveShow()
      const carol = await restrictThree(id)
      expect((await send(id, bob, "let me in")).data.code).toBe("chat_removed")
      const lifts: [string, Buyer][] = [
        [`/mutes/${alice.id}`, alice],
        [`/removals/${bob.id}`, bob],
        [`/blocks/${carol.id}`, carol],
      ]
      for (const [path, who] of lifts) {
        expect((await del(`/admin/shows/${id}/chat${path}`, seller.headers)).status).toBe(200)
        expect((await restrictions(id)).data.restrictions.map((r: any) => r.customer_id)).not.toContain(who.id)
        expect((await send(id, who, `back ${who.id}`)).status).toBe(200)
      }
      expect((await restrictions(id)).data.restrictions).toEqual([])
      const log = (await get(`/admin/shows/${id}/chat/log`, seller.headers)).data.entries
      expect(log.slice(0, 3).map((e: any) => [e.action, e.target_customer_id])).toEqual([
        ["unblock", carol.id],
        ["unremove", bob.id],
        ["unmute", alice.id],
      ])
      // Removed again after being let back in: a new removal holds.
      expect((await post(`/admin/shows/${id}/chat/removals`, { customer_id: bob.id }, seller.headers)).status).toBe(200)
      expect((await send(id, bob, "again?")).data.code).toBe("chat_removed")
    })

    it("should answer another seller with a 404 and refuse customers, even the show's moderator", async () => {
      const id = await liveShow()
      await post(`/admin/shows/${id}/chat/removals`, { customer_id: bob.id }, seller.headers)
      expect((await restrictions(id, rival.headers)).status).toBe(404)
      expect((await del(`/admin/shows/${id}/chat/removals/${bob.id}`, rival.headers)).status).toBe(404)
      for (const who of [alice, mod]) {
        expect((await restrictions(id, who.headers)).status).toBe(401)
        expect((await del(`/admin/shows/${id}/chat/removals/${bob.id}`, who.headers)).status).toBe(401)
      }
      expect((await del(`/admin/shows/${id}/chat/removals/cus_nobody`, seller.headers)).data.code).toBe("chat_customer_not_found")
      expect((await restrictions(id)).data.restrictions.map((r: any) => r.kind)).toEqual(["removal"])
      expect((await send(id, bob, "still out")).data.code).toBe("chat_removed")
    })
  })

  describe("live, over the socket", () => {
    let sidecar: AppSidecar | null = null
    const sockets: Viewer[] = []
    afterEach(async () => {
      sockets.splice(0).forEach((s) => s.disconnect())
      await sidecar?.close()
      sidecar = null
    })

    async function startSidecar() {
      const jwtSecret = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http.jwtSecret as string
      const medusaUrl = (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
      sidecar = await startAppSidecar(dbConfig.clientUrl, jwtSecret, {
        MEDUSA_URL: medusaUrl,
        MEDUSA_PUBLISHABLE_KEY: store["x-publishable-api-key"],
      })
      return sidecar
    }

    async function watcher(url: string, id: string, who?: Buyer) {
      const socket = await viewer(url, who?.token)
      sockets.push(socket)
      const joined = await socket.emitWithAck("room:join", { room: `show:${id}` })
      expect(joined.ok).toBe(true)
      return socket
    }

    it("should fan messages out, and make a deleted message disappear for every viewer and from history", async () => {
      const { url } = await startSidecar()
      const id = await liveShow()
      const [one, two] = [await watcher(url, id), await watcher(url, id, bob)]
      const arrivals = [next(one, "chat:message", 10_000), next(two, "chat:message", 10_000)]
      const { data } = await send(id, alice, "<script>alert(1)</script>")
      for (const got of await Promise.all(arrivals)) {
        expect(got).toMatchObject({ room: `show:${id}`, show_id: id, message: { id: data.message.id, seq: 1, text: "<script>alert(1)</script>" } })
      }
      const deletions = [next(one, "chat:deleted", 10_000), next(two, "chat:deleted", 10_000)]
      expect((await del(`/store/shows/${id}/chat/messages/${data.message.id}`, mod.headers)).status).toBe(200)
      for (const got of await Promise.all(deletions)) {
        expect(got).toMatchObject({ show_id: id, message_id: data.message.id, seq: 1 })
      }
      expect(await history(id)).toEqual([])
    })

    it("should give viewers who join later the pinned message and the question with its answer", async () => {
      const { url } = await startSidecar()
      const id = await liveShow()
      const early = await watcher(url, id)
      const pinMe = (await send(id, alice, "Shipping is free tonight")).data.message
      const question = (await send(id, bob, "Is it graded?", "question")).data.message
      expect(question).toMatchObject({ kind: "question", question_state: "open" })
      const pinned = next(early, "chat:pinned", 10_000)
      expect((await post(`/admin/shows/${id}/chat/pin`, { message_id: pinMe.id }, seller.headers)).status).toBe(200)
      expect((await pinned).message).toMatchObject({ id: pinMe.id })
      const answered = next(early, "chat:question_answered", 10_000)
      expect((await post(`/store/shows/${id}/chat/messages/${question.id}/answer`, { answer_text: "PSA 10" }, mod.headers)).status).toBe(200)
      expect((await answered).message).toMatchObject({ id: question.id, question_state: "answered", answer_text: "PSA 10" })

      // A viewer joining now reads the chat's state, then follows the room.
      const { data } = await get(`/store/shows/${id}/chat`)
      expect(data.chat.pinned).toMatchObject({ id: pinMe.id, text: "Shipping is free tonight" })
      expect(data.chat.questions).toEqual([expect.objectContaining({ id: question.id, question_state: "answered", answer_text: "PSA 10" })])
      expect(data.chat.last_seq).toBe(2)
      const late = await watcher(url, id)
      const unpinned = next(late, "chat:pinned", 10_000)
      expect((await del(`/store/shows/${id}/chat/pin`, mod.headers)).status).toBe(200)
      expect((await unpinned).message).toBeNull()
    })

    it("should tell the viewer privately when their removal is lifted (chat:restored)", async () => {
      const { url } = await startSidecar()
      const id = await liveShow()
      const mine = await viewer(url, alice.token)
      sockets.push(mine)
      expect((await mine.emitWithAck("room:join", { room: `user:${alice.id}` })).ok).toBe(true)
      expect((await post(`/admin/shows/${id}/chat/removals`, { customer_id: alice.id }, seller.headers)).status).toBe(200)
      const notice = next(mine, "chat:restored", 10_000)
      expect((await del(`/admin/shows/${id}/chat/removals/${alice.id}`, seller.headers)).status).toBe(200)
      expect(await notice).toMatchObject({ room: `user:${alice.id}`, show_id: id, lifted: "removal" })
    })

    it("should take chat:send with the Store API's rules and codes", async () => {
      const { url } = await startSidecar()
      const id = await liveShow()
      const watching = await watcher(url, id)
      const sender = await viewer(url, alice.token)
      sockets.push(sender)
      const arrived = next(watching, "chat:message", 10_000)
      const ok = await sender.emitWithAck("chat:send", { show_id: id, text: "from the socket", kind: "question" })
      expect(ok).toMatchObject({ ok: true, data: { message: { text: "from the socket", kind: "question", seq: 1 } } })
      expect((await arrived).message.text).toBe("from the socket")

      // A send retried after a lost ack, with its key: the first message again, posted once.
      const keyed = { show_id: id, text: "sent twice?", idempotency_key: "socket-retry-01" }
      const once: any = await sender.emitWithAck("chat:send", keyed)
      const twice: any = await sender.emitWithAck("chat:send", keyed)
      expect(twice).toEqual(once)
      const reused: any = await sender.emitWithAck("chat:send", { ...keyed, text: "another" })
      expect(reused).toMatchObject({ ok: false, error: { code: "idempotency_conflict" } })

      const anonymous = await viewer(url)
      sockets.push(anonymous)
      const refusals: [string, any, string][] = [
        ["empty", await sender.emitWithAck("chat:send", { show_id: id, text: "  " }), "chat_message_empty"],
        ["oversized", await sender.emitWithAck("chat:send", { show_id: id, text: "y".repeat(501) }), "chat_message_too_long"],
        ["unknown show", await sender.emitWithAck("chat:send", { show_id: "show_01NOSUCH", text: "hi" }), "chat_show_not_found"],
        ["anonymous", await anonymous.emitWithAck("chat:send", { show_id: id, text: "hi" }), "unauthorized"],
      ]
      await post(`/admin/shows/${id}/chat/blocked-words`, { word: "counterfeit" }, seller.headers)
      refusals.push(["blocked word", await sender.emitWithAck("chat:send", { show_id: id, text: "counterfeit!" }), "chat_blocked_word"])
      await post(`/admin/shows/${id}/chat/slow-mode`, { seconds: 30 }, seller.headers)
      const slow: any = await sender.emitWithAck("chat:send", { show_id: id, text: "again" })
      refusals.push(["slow mode", slow, "chat_slow_mode"])
      await post(`/admin/shows/${id}/chat/mutes`, { customer_id: alice.id, duration_seconds: 120 }, seller.headers)
      const muted: any = await sender.emitWithAck("chat:send", { show_id: id, text: "muted?" })
      refusals.push(["muted", muted, "chat_muted"])
      for (const [what, ack, code] of refusals) {
        expect({ what, ok: ack.ok, code: ack.error?.code }).toEqual({ what, ok: false, code })
      }
      expect(slow.error.retry_after_ms).toBeGreaterThan(25_000)
      expect(muted.error.retry_after_ms).toBeGreaterThan(110_000)
      expect((await history(id)).map((m) => m.text)).toEqual(["sent twice?", "from the socket"])
    })
  })
}
