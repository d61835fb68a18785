import { execFileSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"
import Stripe from "stripe"

/**
 * A local server that speaks the slice of the Stripe API that @medusajs/payment-stripe uses
 * (customers, their payment methods, PaymentIntents), with Stripe's rules where they matter
 * here: bearer-key auth, form-encoded bodies, Idempotency-Key replays, and the test cards'
 * outcomes (`pm_card_visa` succeeds, `pm_card_chargeDeclined` is declined,
 * `pm_card_authenticationRequired` needs the customer) returned as Stripe's 402 card errors.
 */

export type Intent = {
  id: string
  object: "payment_intent"
  amount: number
  amount_capturable: number
  amount_received: number
  currency: string
  customer: string | null
  payment_method: string | null
  capture_method: "manual" | "automatic"
  status: string
  metadata: Record<string, string>
  last_payment_error: Record<string, unknown> | null
  off_session: boolean
  confirmations: number
  captures: number
}

type Reply = { status: number; body: unknown }

const DECLINES: Record<string, { code: string; decline_code: string; message: string }> = {
  pm_card_chargeDeclined: { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
  pm_card_authenticationRequired: {
    code: "authentication_required",
    decline_code: "authentication_required",
    message: "This payment requires authentication.",
  },
}

export class FakeStripe {
  readonly apiKey = `sk_test_${randomBytes(12).toString("hex")}`
  readonly webhookSecret = `whsec_${randomBytes(16).toString("hex")}`
  readonly intents = new Map<string, Intent>()
  readonly customers = new Map<string, { id: string; email: string; payment_methods: string[] }>()
  /** Every request, for assertions: method, path, and whether the key was right. */
  readonly requests: { method: string; path: string; authorized: boolean; idempotencyKey?: string }[] = []
  private readonly replies = new Map<string, Reply>()
  /** Injected failures: the next request matching one is answered with its error instead. */
  private readonly failures: { method: string; path: RegExp; reply: Reply }[] = []
  private server: http.Server | null = null
  private seq = 0

  /**
   * A fake Stripe for one test file's Medusa app: its keys and address (and `env`) go into
   * process.env before the runner loads medusa-config.ts (whose `env` option is applied only after
   * that). Call it at module scope; jest gives each test file its own copy of process.env.
   */
  static forApp(env: Record<string, string> = {}): { stripe: FakeStripe; port: number } {
    const stripe = new FakeStripe()
    const port = FakeStripe.reservePort()
    Object.assign(process.env, {
      STRIPE_API_KEY: stripe.apiKey,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_BASE: `http://127.0.0.1:${port}`,
      ...env,
    })
    return { stripe, port }
  }

  /** A free port, chosen before Medusa boots (its config is read once, at boot). */
  static reservePort(): number {
    const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
    return Number(execFileSync(process.execPath, ["-e", script]).toString().trim())
  }

  async listen(port = 0): Promise<number> {
    this.server = http.createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve))
    return (this.server.address() as AddressInfo).port
  }

  async close(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve))
  }

  /** What Stripe.js does when the buyer saves a card: the method is attached to the customer. */
  attachPaymentMethod(customerId: string, paymentMethod: string): void {
    this.customers.get(customerId)!.payment_methods.push(paymentMethod)
  }

  /** What Stripe.js does when the buyer confirms on the page: the intent is authorized. */
  authorizeOnSession(intentId: string): Intent {
    const intent = this.intents.get(intentId)!
    intent.status = intent.capture_method === "manual" ? "requires_capture" : "succeeded"
    intent.amount_capturable = intent.capture_method === "manual" ? intent.amount : 0
    intent.amount_received = intent.capture_method === "manual" ? 0 : intent.amount
    intent.confirmations += 1
    return intent
  }

  /**
   * The next `method` request whose path matches `path` fails with Stripe's error body (an outage,
   * or the bank refusing at that moment), once.
   */
  failNext(method: string, path: RegExp, status = 402, error: Record<string, unknown> = { type: "card_error", code: "card_declined", message: "Your card was declined." }): void {
    this.failures.push({ method, path, reply: { status, body: { error } } })
  }

  /** A webhook event as Stripe sends it, with a valid (or, given another secret, invalid) signature. */
  signedEvent(type: string, object: unknown, secret = this.webhookSecret) {
    const payload = JSON.stringify({ id: `evt_${++this.seq}`, object: "event", type, data: { object } })
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret })
    return { payload, headers: { "content-type": "application/json", "stripe-signature": header } }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of req) {
      chunks.push(chunk as Buffer)
    }
    const url = new URL(req.url ?? "/", "http://stripe.local")
    const authorized = req.headers.authorization === `Bearer ${this.apiKey}`
    const idempotencyKey = req.headers["idempotency-key"] as string | undefined
    this.requests.push({ method: req.method!, path: url.pathname, authorized, idempotencyKey })

    let reply: Reply
    const replayKey = idempotencyKey && req.method === "POST" ? `${url.pathname}:${idempotencyKey}` : null
    const failure = this.failures.findIndex((f) => f.method === req.method && f.path.test(url.pathname))
    if (failure >= 0) {
      reply = this.failures.splice(failure, 1)[0].reply
    } else if (!authorized) {
      reply = error(401, { type: "invalid_request_error", message: "Invalid API Key provided." })
    } else if (replayKey && this.replies.has(replayKey)) {
      reply = this.replies.get(replayKey)!
    } else {
      reply = this.route(req.method!, url, parseForm(Buffer.concat(chunks).toString()))
      if (replayKey) {
        this.replies.set(replayKey, reply)
      }
    }
    res.writeHead(reply.status, { "content-type": "application/json", "request-id": `req_${++this.seq}` })
    res.end(JSON.stringify(reply.body))
  }

  private route(method: string, url: URL, body: Record<string, any>): Reply {
    const parts = url.pathname.split("/").filter(Boolean) // ["v1", resource, id?, action?]
    const [, resource, id, action] = parts
    if (resource === "customers" && method === "POST" && !id) {
      const customer = { id: `cus_${++this.seq}`, email: body.email ?? "", payment_methods: [] as string[] }
      this.customers.set(customer.id, customer)
      return ok({ id: customer.id, object: "customer", email: customer.email })
    }
    if (resource === "customers" && method === "GET" && action === "payment_methods") {
      const customer = this.customers.get(id)
      if (!customer) {
        return error(404, { type: "invalid_request_error", message: `No such customer: '${id}'` })
      }
      const data = customer.payment_methods.map((pm) => ({ id: pm, object: "payment_method", type: "card", customer: id }))
      return ok({ object: "list", data, has_more: false, url: url.pathname })
    }
    if (resource === "payment_intents" && method === "POST" && !id) {
      return this.createIntent(body)
    }
    const intent = id ? this.intents.get(id) : undefined
    if (resource === "payment_intents" && !intent) {
      return error(404, { type: "invalid_request_error", message: `No such payment_intent: '${id}'` })
    }
    if (resource === "payment_intents" && method === "GET") {
      return ok(intent)
    }
    if (resource === "payment_intents" && method === "POST" && action === "capture") {
      if (intent!.status !== "requires_capture") {
        return error(400, { type: "invalid_request_error", code: "payment_intent_unexpected_state", payment_intent: intent })
      }
      intent!.status = "succeeded"
      intent!.amount_received = intent!.amount
      intent!.amount_capturable = 0
      intent!.captures += 1
      return ok(intent)
    }
    if (resource === "payment_intents" && method === "POST" && action === "cancel") {
      intent!.status = "canceled"
      return ok(intent)
    }
    if (resource === "payment_intents" && method === "POST" && !action) {
      if (body.amount) {
        intent!.amount = Number(body.amount)
      }
      return ok(intent)
    }
    return error(404, { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${url.pathname})` })
  }

  private createIntent(body: Record<string, any>): Reply {
    const intent: Intent = {
      id: `pi_${++this.seq}`,
      object: "payment_intent",
      amount: Number(body.amount),
      amount_capturable: 0,
      amount_received: 0,
      currency: body.currency,
      customer: body.customer ?? null,
      payment_method: body.payment_method ?? null,
      capture_method: body.capture_method === "automatic" ? "automatic" : "manual",
      status: "requires_payment_method",
      metadata: body.metadata ?? {},
      last_payment_error: null,
      off_session: body.off_session === "true",
      confirmations: 0,
      captures: 0,
    }
    this.intents.set(intent.id, intent)
    if (body.confirm !== "true" || !intent.payment_method) {
      return ok(intent)
    }
    const customer = intent.customer ? this.customers.get(intent.customer) : undefined
    if (!customer?.payment_methods.includes(intent.payment_method)) {
      return error(400, { type: "invalid_request_error", message: "The payment method does not belong to the customer." })
    }
    const decline = DECLINES[intent.payment_method]
    if (decline) {
      intent.confirmations += 1
      intent.last_payment_error = { type: "card_error", ...decline }
      intent.status = decline.code === "authentication_required" && !intent.off_session ? "requires_action" : "requires_payment_method"
      return error(402, { type: "card_error", ...decline, payment_intent: intent })
    }
    return ok(this.authorizeOnSession(intent.id))
  }
}

function ok(body: unknown): Reply {
  return { status: 200, body }
}

function error(status: number, body: Record<string, unknown>): Reply {
  return { status, body: { error: body } }
}

/** Stripe's form encoding: `a=1&metadata[session_id]=x&expand[0]=y` (one level of nesting). */
function parseForm(text: string): Record<string, any> {
  const out: Record<string, any> = {}
  for (const [key, value] of new URLSearchParams(text)) {
    const nested = /^([^[]+)\[([^\]]*)\]$/.exec(key)
    if (nested) {
      out[nested[1]] = out[nested[1]] ?? {}
      out[nested[1]][nested[2]] = value
    } else {
      out[key] = value
    }
  }
  return out
}
