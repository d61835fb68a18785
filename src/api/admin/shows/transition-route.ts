import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ShowTransition } from "../../../modules/streams/lib/transitions"
import { transitionShowWorkflow } from "../../../workflows"
import { withVideoErrors } from "../../utils/video-errors"
import { retrieveAdminShow } from "./helpers"

/**
 * POST /admin/shows/:id/{go-live,end,cancel}: one handler, three transitions. LiveKit away at
 * go-live is a 503 `video_unavailable` and the show stays scheduled; `warnings` says what of the
 * video did not follow (a recording that did not start, a room that did not close).
 */
export function transitionRoute(transition: ShowTransition) {
  return withVideoErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    const { result } = await transitionShowWorkflow(req.scope).run({ input: { id: req.params.id, transition } })
    res.json({
      show: await retrieveAdminShow(req.scope, req.params.id),
      cancelled_lots: result.cancelled_lots,
      ...(result.warnings.length ? { warnings: result.warnings } : {}),
    })
  })
}
