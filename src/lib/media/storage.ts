import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { AUCTIONS_MODULE } from "../../modules/auctions"
import type AuctionsModuleService from "../../modules/auctions/service"
import { MediaErrorCodes } from "../../realtime/contract/errors"
import { S3MediaStorage } from "./s3-storage"

// One client per options object (the app's options are one object for its lifetime).
const storages = new WeakMap<object, S3MediaStorage>()

/** The show media store (`media.s3`); a 400 `media_not_configured` when there is none. */
export async function showMediaStorage(scope: MedusaContainer): Promise<S3MediaStorage> {
  const options = await scope.resolve<AuctionsModuleService>(AUCTIONS_MODULE).getOptions()
  const s3 = options.media.s3
  if (!s3) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "No S3 bucket is configured for show media (media.s3); upload through POST /admin/uploads and set the URL instead",
      MediaErrorCodes.media_not_configured
    )
  }
  let storage = storages.get(s3)
  if (!storage) {
    storage = new S3MediaStorage(s3)
    storages.set(s3, storage)
  }
  return storage
}
