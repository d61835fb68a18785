import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { streamsService } from "../../../admin/shows/helpers"
import { auctionsService } from "../../auctions/helpers"
import { STORE_SHOW_FIELDS, STORE_SHOW_STATUSES } from "../helpers"

/** Lots per show page: a show's lineup is tens of lots, not thousands. */
const LINEUP_LIMIT = 200

/** One show and its lineup (every lot viewers can see, soonest ending first). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const [show] = await streamsService(req.scope).listShows(
    { id: req.params.id, status: [...STORE_SHOW_STATUSES] },
    { select: [...STORE_SHOW_FIELDS] }
  )
  if (!show) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Show ${req.params.id} not found`)
  }
  const { lots } = await auctionsService(req.scope).listPublicLots(
    { show_id: show.id, status: ["scheduled", "live", "sold", "unsold"] },
    { skip: 0, take: LINEUP_LIMIT }
  )
  res.json({ show: { ...show, auctions: lots }, server_time: new Date().toISOString() })
}
