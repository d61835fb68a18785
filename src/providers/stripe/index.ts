import { ModuleProvider, Modules } from "@medusajs/framework/utils"
// The package exports only its module definition; the provider class lives here.
import { StripeProviderService } from "@medusajs/payment-stripe/dist/services"
import Stripe from "stripe"

type Options = ConstructorParameters<typeof StripeProviderService>[1] & {
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
