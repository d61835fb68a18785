import type { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { transitionShow, type ShowTransition, type ShowTransitionResult } from "./lib/transitions"
import { Seller, Show, VideoWebhook } from "./models"

export default class StreamsModuleService extends MedusaService({ Show, Seller, VideoWebhook }) {
  /** Moves a show through its lifecycle with one conditional UPDATE (see lib/transitions.ts). */
  @InjectManager()
  async transitionShow(
    id: string,
    transition: ShowTransition,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ShowTransitionResult> {
    return transitionShow((sharedContext.manager as SqlEntityManager).getKnex(), id, transition)
  }
}
