import { createRequire } from "node:module"
import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import stripeProviders, { discoveryPath } from "@medusajs/medusa/payment-stripe"
import type Stripe from "stripe"

type StripeBase = abstract new (cradle: Record<string, unknown>, options: Record<string, any>) => { stripe_: Stripe }

/** The card provider among the package's providers (its public export is the module definition). */
const StripeProviderService = stripeProviders.services.find(
  (service) => (service as { identifier?: string }).identifier === "stripe"
) as unknown as StripeBase

/*
 * The Stripe SDK Medusa's provider itself loads (one copy, its major), not one of our own: the
 * plugin has no `stripe` dependency, so a host app never gets a second SDK of another major.
 */
const StripeClient: typeof Stripe = createRequire(discoveryPath)("stripe")

type Options = { apiKey: string; webhookSecret?: string } & {
  /** Where the Stripe API is, e.g. `http://127.0.0.1:12111` (stripe-mock, a proxy, a test server). */
  apiBase?: string
}

/**
 * Medusa's Stripe card provider (`@medusajs/medusa/payment-stripe`: same id, `pp_stripe_stripe`,
 * same webhook route), pointed at another Stripe API endpoint. Medusa's provider builds its
 * client with the API key only; stripe-node itself takes host, port and protocol, so this
 * passes them on.
 */
class StripeEndpointProviderService extends StripeProviderService {
  constructor(cradle: Record<string, unknown>, options: Options) {
    super(cradle, options)
    if (options.apiBase) {
      const url = new URL(options.apiBase)
      this.stripe_ = new StripeClient(options.apiKey, {
        host: url.hostname,
        port: Number(url.port) || (url.protocol === "https:" ? 443 : 80),
        protocol: url.protocol.replace(":", "") as "http" | "https",
        maxNetworkRetries: 0,
      })
    }
  }
}

export default ModuleProvider(Modules.PAYMENT, { services: [StripeEndpointProviderService] })
