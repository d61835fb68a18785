import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"

export const streamsService = (scope: MedusaContainer): StreamsModuleService => scope.resolve(STREAMS_MODULE)

export async function retrieveAdminShow(scope: MedusaContainer, id: string) {
  const [show] = await streamsService(scope).listShows({ id })
  if (!show) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Show ${id} not found`)
  }
  return show
}
