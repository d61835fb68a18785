import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createAuctionsWorkflow } from "../../../workflows"
import { liveActor, sellerFilter } from "../../utils/live-actor"
import { assertOwns } from "../../utils/owned-records"
import { queryList } from "../../utils/query-graph"
import { lotForActor, retrieveAdminAuction, variantIdsOfProduct } from "./helpers"
import { ADMIN_AUCTION_MONEY } from "./query-config"
import { lotSeller } from "./lot-seller"
import type { AdminCreateAuctionType, AdminGetAuctionsType } from "./validators"

/**
 * Lots, newest first, by show, status, product, winner and (staff) seller; a seller sees only
 * theirs (`?fields=` as on Medusa's routes; see query-config.ts).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAuctionsType>, res: MedusaResponse) => {
  const { show_id, status, product_id, winner_id, seller_id, limit, offset } = req.validatedQuery as AdminGetAuctionsType
  const actor = await liveActor(req)
  const variantIds = product_id ? await variantIdsOfProduct(req.scope, product_id) : null
  if (variantIds?.length === 0) {
    return res.json({ auctions: [], count: 0, offset, limit }) // an unknown product, or one without variants
  }
  const { rows, count } = await queryList(req.scope, {
    entity: "auction",
    fields: req.queryConfig.fields,
    filters: {
      ...sellerFilter(actor, seller_id),
      ...(show_id ? { show_id } : {}),
      ...(status ? { status } : {}),
      ...(variantIds ? { product_variant_id: variantIds } : {}),
      ...(winner_id ? { winner_customer_id: winner_id } : {}),
    },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
    money: ADMIN_AUCTION_MONEY,
  })
  res.json({ auctions: rows.map((lot) => lotForActor(actor, lot)), count, offset, limit })
}

/** Creates a lot: a seller's is theirs (in one of their shows, or none); one in a show is its seller's. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAuctionType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const actor = await liveActor(req)
  if (body.show_id) {
    await assertOwns(req.scope, actor, "show", body.show_id)
  }
  const seller_id = await lotSeller(req.scope, actor, body.show_id, body.seller_id)
  const { result } = await createAuctionsWorkflow(req.scope).run({
    input: [{ ...body, seller_id, status: body.scheduled_at ? "scheduled" : "draft" }],
  })
  res.status(200).json({ auction: await retrieveAdminAuction(req.scope, actor, result[0].id) })
}
