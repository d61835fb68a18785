import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"

/**
 * Medusa answers every payment webhook 200 and checks its signature later, in a subscriber.
 * For Stripe this checks it first (the provider's own check, with its webhook secret), so a
 * forged or corrupted event is refused with 400 at once, and Stripe retries what failed.
 */
export async function verifyStripeWebhook(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const provider = req.params.provider ?? ""
  if (!provider.startsWith("stripe")) {
    return next()
  }
  try {
    await req.scope.resolve(Modules.PAYMENT).getWebhookActionAndData({
      provider,
      payload: { data: req.body as Record<string, unknown>, rawData: req.rawBody as Buffer, headers: req.headers },
    })
  } catch (err) {
    res.status(400).json({ code: "invalid_webhook", type: "invalid_data", message: `Webhook refused: ${(err as Error).message}` })
    return
  }
  next()
}
