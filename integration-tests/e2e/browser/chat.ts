import { randomUUID } from "node:crypto"
import { mkdir, readdir, rm } from "node:fs/promises"
import path from "node:path"
import type { Locator, Page } from "playwright-core"
import type { BrowserStack } from "../../helpers/browser-stack"
import { ROOT } from "../../helpers/launcher"

/** Issue #16's promise: what a moderator does reaches every viewer's page within this. */
const REFLECTED_WITHIN_MS = 1_000
const ARTIFACTS = path.resolve(ROOT, process.env.E2E_ARTIFACTS_DIR || path.join(".data", "e2e-artifacts", "chat"))
/** A message that would run script if any page rendered chat as HTML. */
const HOSTILE = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2">`

/**
 * Issue #16's browser test: chat beside the video, moderated from the Admin console, on the shared
 * stack. Two customers chat on the viewer page; one posts markup, shown as text everywhere and
 * never run; the seller deletes a message and mutes a viewer from the console, and both viewers'
 * pages reflect it within a second of the console's answer, and unmuting her from the console's
 * restricted viewers lets her chat again; a question answered and a message
 * pinned in the console reach the viewers, and a viewer arriving later finds them.
 */
export function chatScenario(stack: () => BrowserStack) {
  describe("chat: two viewers and the seller's moderation panel", () => {
    let showId: string
    let admin: Page
    const viewers: Record<"ana" | "ben", Page> = {} as never
    const errors: string[] = []
    /** Sends the test expects refused (a 400 or 429 the browser logs): only as many, only on the send route. */
    let expectedRefusals = 0
    let shots = 0

    beforeAll(async () => {
      await mkdir(ARTIFACTS, { recursive: true })
      for (const file of await readdir(ARTIFACTS)) {
        if (file.endsWith(".png")) {
          await rm(path.join(ARTIFACTS, file))
        }
      }
      const s = stack()
      const { show } = await s.call("POST", "/admin/shows", { title: `Chat show ${randomUUID().slice(0, 6)}` }, s.admin)
      showId = show.id
      await s.call("POST", `/admin/shows/${showId}/go-live`, {}, s.admin)
      const [ana, ben] = [await register("Ana"), await register("Ben")]
      admin = await s.adminPage()
      watch("admin", admin)
      await admin.goto(`${s.base}/app/live-shows/${showId}`, { waitUntil: "domcontentloaded" })
      await admin.locator('[data-testid="chat-moderation"]').waitFor({ timeout: 60_000 })
      viewers.ana = await viewerPage("ana", ana)
      viewers.ben = await viewerPage("ben", ben)
    }, 4 * 60_000)

    afterAll(async () => {
      for (const page of [admin, ...Object.values(viewers)]) {
        await page?.context().close()
      }
    })

    /** A customer registered through the Store API, as a storefront's sign-up form does it. */
    async function register(firstName: string) {
      const s = stack()
      const email = `${firstName.toLowerCase()}-${randomUUID().slice(0, 8)}@viewer.test`
      const password = `${firstName}-password`
      const { token } = await s.call("POST", "/auth/customer/emailpass/register", { email, password })
      await s.call("POST", "/store/customers", { email, first_name: firstName, last_name: "Viewer" }, { ...s.store, authorization: `Bearer ${token}` })
      return { email, password }
    }

    /** Every console error and uncaught exception of a page; none is expected. */
    function watch(name: string, page: Page) {
      page.on("console", (msg) => {
        if (msg.type() !== "error") {
          return
        }
        const sendRoute = `${stack().base}/store/shows/${showId}/chat/messages`
        if (expectedRefusals > 0 && msg.location().url === sendRoute && /status of (400|429)/.test(msg.text())) {
          expectedRefusals -= 1
          return
        }
        errors.push(`${name}: ${msg.text()} (${msg.location().url})`)
      })
      page.on("pageerror", (err) => errors.push(`${name}: uncaught ${err.message}`))
    }

    /** The show's page in a fresh context, logged in as this customer through the page's own form. */
    async function viewerPage(name: string, login?: { email: string; password: string }) {
      const context = await stack().browser.newContext({ viewport: { width: 1100, height: 900 } })
      const page = await context.newPage()
      watch(name, page)
      await page.goto(`${stack().viewerUrl}/#/shows/${showId}`, { waitUntil: "domcontentloaded", timeout: 60_000 })
      await page.locator('[data-testid="chat-panel"]').waitFor({ timeout: 30_000 })
      if (login) {
        await page.getByRole("button", { name: "Log in", exact: true }).click()
        await page.locator('input[name="email"]').fill(login.email)
        await page.locator('input[name="password"]').fill(login.password)
        await page.locator('input[name="password"]').press("Enter")
        await page.getByRole("button", { name: "Log out" }).waitFor({ timeout: 15_000 })
        await page.locator('[data-testid="chat-input"]').waitFor({ timeout: 15_000 })
      }
      return page
    }

    const message = (page: Page, text: string) => page.locator('[data-testid="chat-message"]', { hasText: text })
    const modMessage = (text: string) => admin.locator('[data-testid="mod-message"]', { hasText: text })

    async function say(page: Page, text: string, { question = false } = {}) {
      const ask = page.locator('[data-testid="chat-ask-toggle"]')
      if ((await ask.isChecked()) !== question) {
        await ask.click()
      }
      await page.locator('[data-testid="chat-input"]').fill(text)
      await page.locator('[data-testid="chat-send"]').click()
      await message(page, text).waitFor({ timeout: 10_000 })
    }

    /**
     * Does a console action and waits for its HTTP answer in the Admin; resolves with the time the
     * answer reached the browser (ms since the epoch), which "within 1 s" is measured from.
     */
    async function consoleAction(urlPart: RegExp, action: () => Promise<void>): Promise<number> {
      const [response] = await Promise.all([
        admin.waitForResponse((r) => urlPart.test(r.url()) && r.request().method() !== "GET", { timeout: 15_000 }),
        action(),
      ])
      expect(response.status()).toBe(200)
      return Date.now()
    }

    /** Resolves with the page's clock when `check` first holds in it (start it before the action). */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the check runs in the page, on whatever arg it is given
    const seenAt = (page: Page, check: (arg: any) => boolean, arg: unknown) =>
      page.waitForFunction(check, arg, { timeout: 15_000, polling: 20 }).then(() => Date.now())

    async function rowMenu(row: Locator, item: string) {
      await row.locator('[data-testid="mod-message-actions"]').click()
      await admin.locator(`[data-testid="${item}"]`).click()
    }

    const screenshot = async (page: Page, what: string) =>
      page.screenshot({ path: path.join(ARTIFACTS, `${String(++shots).padStart(2, "0")}-${what}.png`), fullPage: true })

    it("should carry two viewers' messages to each other and to the console, markup shown as text and never run", async () => {
      await say(viewers.ana, "Hi Ben, is the card graded?")
      await message(viewers.ben, "Hi Ben, is the card graded?").waitFor({ timeout: 5_000 })
      await say(viewers.ben, HOSTILE)
      for (const page of Object.values(viewers)) {
        const shown = message(page, "window.__xss=1").locator('[data-testid="chat-message-text"]')
        await expect(shown.textContent({ timeout: 5_000 })).resolves.toBe(HOSTILE)
      }
      await modMessage("Hi Ben, is the card graded?").waitFor({ timeout: 5_000 })
      await expect(modMessage("window.__xss=1").locator('[data-testid="mod-message-text"]').textContent()).resolves.toBe(HOSTILE)
      for (const page of [admin, ...Object.values(viewers)]) {
        expect(await page.evaluate(() => (window as { __xss?: number }).__xss ?? null)).toBeNull()
        expect(await page.locator('[data-testid="chat-panel"] script, [data-testid="chat-moderation"] script').count()).toBe(0)
      }
      await screenshot(viewers.ben, "viewer-chat")
    })

    it("should take a message the seller deletes in the console off both viewers' pages within a second", async () => {
      const text = `Cheaper elsewhere ${randomUUID().slice(0, 4)}`
      await say(viewers.ben, text)
      await message(viewers.ana, text).waitFor({ timeout: 5_000 })
      const row = modMessage(text)
      await row.waitFor({ timeout: 5_000 })
      const gone = Object.values(viewers).map((page) =>
        seenAt(page, (t) => ![...document.querySelectorAll('[data-testid="chat-message"]')].some((m) => m.textContent?.includes(t)), text)
      )
      const answered = await consoleAction(/\/admin\/shows\/[^/]+\/chat\/messages\/[^/]+$/, () => rowMenu(row, "mod-delete"))
      for (const at of await Promise.all(gone)) {
        expect(at - answered).toBeLessThan(REFLECTED_WITHIN_MS)
      }
      await row.waitFor({ state: "detached", timeout: 5_000 })
      // Gone from history too: a page loaded now does not show it.
      await viewers.ana.reload({ waitUntil: "domcontentloaded" })
      await message(viewers.ana, "Hi Ben, is the card graded?").waitFor({ timeout: 15_000 })
      expect(await message(viewers.ana, text).count()).toBe(0)
    })

    it("should mute a viewer from the console: their page says so with the time left within a second, the other chats on", async () => {
      const row = modMessage("Hi Ben, is the card graded?")
      const notice = seenAt(
        viewers.ana,
        () => {
          const line = document.querySelector('[data-testid="chat-notice"]')?.textContent ?? ""
          return /muted/i.test(line) && /(4:5\d|5:0\d)/.test(line)
        },
        null
      )
      const answered = await consoleAction(/\/admin\/shows\/[^/]+\/chat\/mutes$/, () => rowMenu(row, "mod-mute-5m"))
      expect((await notice) - answered).toBeLessThan(REFLECTED_WITHIN_MS)
      await expect(viewers.ana.locator('[data-testid="chat-input"]').isDisabled()).resolves.toBe(true)
      await screenshot(viewers.ana, "muted-viewer")
      // Ben is not muted: his next message reaches Ana's page (she still reads the chat).
      await say(viewers.ben, "Still here")
      await message(viewers.ana, "Still here").waitFor({ timeout: 5_000 })
      await admin.locator('[data-testid="mod-log-entry"][data-action="mute"]').first().waitFor({ timeout: 10_000 })
    })

    it("should list the muted viewer under Restricted viewers and unmute them there: their page lets them send again", async () => {
      const row = admin.locator('[data-testid="restricted-viewer"][data-kind="mute"]', { hasText: "Ana Viewer" })
      await row.waitFor({ timeout: 10_000 })
      await consoleAction(/\/chat\/mutes\/[^/]+$/, () => row.locator('[data-testid="restricted-viewer-lift"]').click())
      await row.waitFor({ state: "detached", timeout: 10_000 })
      // Told privately (`chat:restored`), Ana's page reads her standing again: no reload.
      await viewers.ana.locator('[data-testid="chat-input"]:enabled').waitFor({ timeout: 10_000 })
      await say(viewers.ana, "Thanks for unmuting me")
      await message(viewers.ben, "Thanks for unmuting me").waitFor({ timeout: 5_000 })
      await admin.locator('[data-testid="mod-log-entry"][data-action="unmute"]', { hasText: "Ana Viewer" }).first().waitFor({ timeout: 10_000 })
    })

    it("should give viewers the answer to a question and the pinned message, and a viewer arriving later both", async () => {
      const question = "Does it ship abroad?"
      await say(viewers.ben, question, { question: true })
      const item = admin.locator('[data-testid="mod-question"][data-state="open"]', { hasText: question })
      await item.locator('[data-testid="mod-answer-input"]').fill("Yes, worldwide")
      const answers = Object.values(viewers).map((page) =>
        seenAt(
          page,
          ([q, a]) =>
            [...document.querySelectorAll('[data-testid="chat-question"]')].some(
              (el) => el.textContent?.includes(q) && el.querySelector('[data-testid="chat-answer"]')?.textContent?.includes(a)
            ),
          [question, "Yes, worldwide"] as const
        )
      )
      const answered = await consoleAction(/\/answer$/, () => item.locator('[data-testid="mod-answer-submit"]').click())
      for (const at of await Promise.all(answers)) {
        expect(at - answered).toBeLessThan(REFLECTED_WITHIN_MS)
      }

      const pins = Object.values(viewers).map((page) =>
        seenAt(page, (t) => !!document.querySelector('[data-testid="chat-pinned"]')?.textContent?.includes(t), "Still here")
      )
      const pinned = await consoleAction(/\/chat\/pin$/, () => rowMenu(modMessage("Still here"), "mod-pin"))
      for (const at of await Promise.all(pins)) {
        expect(at - pinned).toBeLessThan(REFLECTED_WITHIN_MS)
      }
      await screenshot(admin, "console-moderation")

      // Someone arriving now, not logged in: the pin, the answered question, the history, and an invitation to log in.
      const late = await viewerPage("late")
      await late.locator('[data-testid="chat-pinned"]', { hasText: "Still here" }).waitFor({ timeout: 10_000 })
      await late.locator('[data-testid="chat-question"]', { hasText: question }).locator('[data-testid="chat-answer"]', { hasText: "Yes, worldwide" }).waitFor()
      await message(late, "Hi Ben, is the card graded?").waitFor()
      await late.locator('[data-testid="chat-login"][data-code="chat_login_required"]', { hasText: "Log in to chat." }).waitFor()
      expect(await late.locator('[data-testid="chat-input"]').count()).toBe(0)
      await screenshot(late, "late-viewer")
      await late.context().close()
    })

    it("should hold viewers to slow mode and refuse a blocked word, both set in the console, naming the word and the wait", async () => {
      const indicators = Object.values(viewers).map((page) =>
        seenAt(page, () => /30/.test(document.querySelector('[data-testid="chat-slow-mode"]')?.textContent ?? ""), null)
      )
      const slowed = await consoleAction(/\/chat\/slow-mode$/, () => admin.locator('[data-testid="mod-slow-mode"]').selectOption("30").then(() => undefined))
      for (const at of await Promise.all(indicators)) {
        expect(at - slowed).toBeLessThan(REFLECTED_WITHIN_MS)
      }
      await admin.locator('[data-testid="mod-blocked-word-input"]').fill("counterfeit")
      await consoleAction(/\/chat\/blocked-words$/, () => admin.locator('[data-testid="mod-blocked-word-add"]').click())

      expectedRefusals = 2
      const composer = viewers.ben.locator('[data-testid="chat-input"]')
      await composer.fill("Counterfeit ones are cheaper")
      await viewers.ben.locator('[data-testid="chat-send"]').click()
      const notice = viewers.ben.locator('[data-testid="chat-notice"]')
      await notice.and(viewers.ben.locator('[data-code="chat_blocked_word"]')).waitFor({ timeout: 10_000 })
      expect(await notice.textContent()).toContain("counterfeit")
      // Ben's last message was seconds ago: slow mode holds the next one, and says how long.
      await composer.fill("Nice lot")
      await viewers.ben.locator('[data-testid="chat-send"]').click()
      await notice.and(viewers.ben.locator('[data-code="chat_slow_mode"]')).waitFor({ timeout: 10_000 })
      expect(await notice.textContent()).toMatch(/\d/)
      await screenshot(viewers.ben, "slow-mode-and-blocked-word")
      expect(await message(viewers.ana, "Counterfeit ones").count()).toBe(0)
      expect(await message(viewers.ana, "Nice lot").count()).toBe(0)
      expect(expectedRefusals).toBe(0)
      expect(errors).toEqual([])
    })
  })
}
