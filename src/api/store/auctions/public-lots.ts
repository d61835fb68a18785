import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { computedPublicFields, COMPUTED_FIELD_SOURCES, num, type ComputedPublicFields } from "../../../modules/auctions/lib/lot-row"
import { auctionsService } from "./helpers"
import { STORE_AUCTION_COMPUTED, STORE_AUCTION_OWN } from "./query-config"

const MONEY = ["starting_price", "current_price", "buy_now_price", "hammer_price"]
/** Private columns the logged-in customer's own view is worked out from. */
const OWN_SOURCES = ["leader_customer_id", "leader_max"]

type Row = Record<string, any>
export type LotQuery = {
  fields: string[]
  filters: Record<string, unknown>
  pagination?: { skip?: number; take?: number; order?: Record<string, unknown> }
  /** The logged-in customer, for `your_max` / `you_lead`. */
  customerId?: string
}

/**
 * Lots as anyone may see them, read through Query with the fields asked for. Computed fields
 * (the next minimum, pseudonyms, whether the reserve is met) need private columns: they are read
 * too, used, and dropped before the lot leaves, so no max, reserve or customer id ever does.
 */
export async function queryStoreLots(scope: MedusaContainer, { fields, filters, pagination, customerId }: LotQuery) {
  const wanted = new Set(fields)
  const computed = STORE_AUCTION_COMPUTED.filter((f) => wanted.has(f)) as (keyof ComputedPublicFields)[]
  const own = STORE_AUCTION_OWN.filter((f) => wanted.has(f))
  const sources = new Set<string>([...computed.flatMap((f) => COMPUTED_FIELD_SOURCES[f]), ...(own.length ? OWN_SOURCES : [])])
  const virtual = new Set([...STORE_AUCTION_COMPUTED, ...STORE_AUCTION_OWN])
  const dbFields = [...new Set([...fields.filter((f) => !virtual.has(f)), ...sources])]
  const hidden = [...sources].filter((f) => !wanted.has(f))

  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({ entity: "auction", fields: dbFields, filters, pagination })
  const { increments, softCloseSeconds } = (await auctionsService(scope).getOptions()).auctions
  const lots = (data as Row[]).map((row) => {
    const lot: Row = { ...row }
    const values = computed.length ? computedPublicFields(row as never, { increments, softCloseSeconds }) : null
    for (const f of computed) {
      lot[f] = values![f]
    }
    if (own.length) {
      const leads = !!customerId && row.leader_customer_id === customerId
      lot.your_max = leads ? num(row.leader_max) : null
      lot.you_lead = leads
    }
    for (const f of hidden) {
      delete lot[f]
    }
    for (const f of MONEY) {
      if (f in lot) {
        lot[f] = num(lot[f])
      }
    }
    return lot
  })
  return { lots, count: metadata?.count ?? lots.length }
}
