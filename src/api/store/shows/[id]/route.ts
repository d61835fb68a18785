import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { queryOne } from "../../../utils/query-graph"
import { queryStoreLots } from "../../auctions/public-lots"
import { storeAuctionListFields } from "../../auctions/query-config"
import { STORE_SHOW_STATUSES, videoQueryFields, withVideo } from "../helpers"

/** Lots per show page: a show's lineup is tens of lots, not thousands. */
const LINEUP_LIMIT = 200

/** One show and, unless `?fields=` leaves it out, its lineup (every lot viewers can see, soonest ending first). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const fields = videoQueryFields(req.queryConfig.fields.filter((f) => f !== "auctions"))
  let show = await queryOne(
    req.scope,
    { entity: "show", fields: fields.query, filters: { id: req.params.id, status: [...STORE_SHOW_STATUSES] } },
    "Show"
  )
  if (req.queryConfig.fields.includes("video")) {
    ;[show] = await withVideo(req.scope, [show], fields.extra)
  }
  if (req.queryConfig.fields.includes("auctions")) {
    const { lots } = await queryStoreLots(req.scope, {
      fields: storeAuctionListFields.defaults,
      filters: { show_id: show.id, status: ["scheduled", "live", "sold", "unsold"] },
      pagination: { skip: 0, take: LINEUP_LIMIT, order: { ends_at: "ASC", scheduled_at: "ASC", created_at: "ASC", id: "ASC" } },
    })
    show.auctions = lots
  }
  res.json({ show, server_time: new Date().toISOString() })
}
