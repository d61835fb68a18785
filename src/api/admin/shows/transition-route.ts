import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ShowTransition } from "../../../modules/streams/lib/transitions"
import { transitionShowWorkflow } from "../../../workflows"
import { retrieveAdminShow } from "./helpers"

/** POST /admin/shows/:id/{go-live,end,cancel}: one handler, three transitions. */
export function transitionRoute(transition: ShowTransition) {
  return async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    const { result } = await transitionShowWorkflow(req.scope).run({ input: { id: req.params.id, transition } })
    res.json({ show: await retrieveAdminShow(req.scope, req.params.id), cancelled_lots: result.cancelled_lots })
  }
}
