import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import stripeProviders from "@medusajs/payment-stripe"
import Stripe from "stripe"

type StripeBase = abstract new (cradle: Record<string, unknown>, options: Record<string, any>) => { stripe_: Stripe }

/** The card provider among the package's providers (its public export is the module definition). */
const StripeProviderService = stripeProviders.services.find(
  (service) => (service as { identifier?: string }).identifier === "stripe"
) as unknown as StripeBase

type Options = { apiKey: string; webhookSecret?: string } & {
  /** Where the Stripe API is, e.g. `http://127.0.0.1:12111` (stripe-mock, a proxy, a test server). */
  apiBase?: string
}

/**
 * @medusajs/payment-stripe's card provider (same id, `pp_stripe_stripe`, same webhook route),
 * pointed at another Stripe API endpoint. Medusa's provider builds its client with the API key
 * only; stripe-node itself takes host, port and protocol, so this passes them on.
 */
class StripeEndpointProviderService extends StripeProviderService {
  constructor(cradle: Record<string, unknown>, options: Options) {
    super(cradle, options)
    if (options.apiBase) {
      const url = new URL(options.apiBase)
      this.stripe_ = new Stripe(options.apiKey, {
        host: url.hostname,
        port: Number(url.port) || (url.protocol === "https:" ? 443 : 80),
        protocol: url.protocol.replace(":", "") as "http" | "https",
        maxNetworkRetries: 0,
      })
    }
  }
}

export default ModuleProvider(Modules.PAYMENT, { services: [StripeEndpointProviderService] })
