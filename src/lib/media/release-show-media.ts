import type { FilterableProductProps, IProductModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AUCTIONS_MODULE } from "../../modules/auctions"
import type AuctionsModuleService from "../../modules/auctions/service"
import { STREAMS_MODULE } from "../../modules/streams"
import type StreamsModuleService from "../../modules/streams/service"
import { parseShowMediaKey, SHOW_MEDIA_ROOT, SWEEP_UNATTACHED_AFTER_MS } from "./kinds"
import type { S3MediaStorage } from "./s3-storage"
import { showMediaStorage } from "./storage"

/**
 * Deletes the objects behind show media URLs that a committed change stopped using (a replaced or
 * removed thumbnail or preview). Call it only once the show's new value is written: until then the
 * old object is still what the show shows. Only objects the plugin handed out
 * (`shows/<show>/<kind>/media_…` in its own bucket) and that nothing points at any more are
 * deleted. Never throws: a delete that fails is a warning, and the sweep deletes it later.
 */
export async function releaseShowMedia(container: MedusaContainer, urls: unknown[]): Promise<void> {
  const storage = await configuredStorage(container)
  if (!storage) {
    return
  }
  for (const url of urls) {
    const key = typeof url === "string" ? storage.keyOf(url) : null
    if (key) {
      await deleteIfUnused(container, storage, key)
    }
  }
}

/**
 * The sweep: deletes media objects older than a day that no show points at. These are uploads
 * never attached (a presigned URL used, then the seller gave up) and replaced objects whose
 * delete failed. A day, because an upload may be attached up to 23 hours after it was written.
 */
export async function sweepShowMedia(container: MedusaContainer, now = new Date()): Promise<void> {
  const storage = await configuredStorage(container)
  if (!storage) {
    return
  }
  for await (const key of storage.listOlderThan(SHOW_MEDIA_ROOT, new Date(now.getTime() - SWEEP_UNATTACHED_AFTER_MS))) {
    await deleteIfUnused(container, storage, key)
  }
}

async function configuredStorage(container: MedusaContainer): Promise<S3MediaStorage | null> {
  const options = await container.resolve<AuctionsModuleService>(AUCTIONS_MODULE).getOptions()
  return options.media.s3 ? showMediaStorage(container) : null
}

async function deleteIfUnused(container: MedusaContainer, storage: S3MediaStorage, key: string): Promise<void> {
  if (!parseShowMediaKey(key)) {
    return
  }
  try {
    if (!(await isInUse(container, key))) {
      await storage.remove(key)
    }
  } catch (err) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`live-commerce: show media ${key} was not deleted, the media sweep will retry: ${(err as Error).message}`)
  }
}

/**
 * Whether a show or a product still points at the object: a URL may be copied into another show's
 * thumbnail or a lot's product. `_` is a LIKE wildcard, which only widens the match (kept in doubt).
 */
async function isInUse(container: MedusaContainer, key: string): Promise<boolean> {
  if (await container.resolve<StreamsModuleService>(STREAMS_MODULE).isMediaInUse(key)) {
    return true
  }
  const like = { $like: `%${key}%` }
  // Neither field is in the typed filters; the product module takes them like any column.
  const filters = { $or: [{ thumbnail: like }, { images: { url: like } }] } as unknown as FilterableProductProps
  const products = await container.resolve<IProductModuleService>(Modules.PRODUCT).listProducts(filters, { select: ["id"], take: 1 })
  return products.length > 0
}
