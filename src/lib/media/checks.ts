import { MedusaError } from "@medusajs/framework/utils"
import { MediaErrorCodes } from "../../realtime/contract/errors"
import { SHOW_MEDIA_KINDS, type ShowMediaKind } from "./kinds"

const refuse = (code: string, message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)

/** Refuses a file this kind of media may not be: its type, then its size (declared, or as stored). */
export function assertShowMediaFits(kind: ShowMediaKind, contentType: string | null, size: number): void {
  const rules = SHOW_MEDIA_KINDS[kind]
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase()
  if (!(rules.contentTypes as readonly string[]).includes(type)) {
    throw refuse(
      MediaErrorCodes.media_type_not_allowed,
      `A show ${kind} must be ${rules.contentTypes.join(", ")}, not ${contentType || "an unknown type"}`
    )
  }
  if (size > rules.maxBytes) {
    throw refuse(MediaErrorCodes.media_too_large, `A show ${kind} may be at most ${rules.maxBytes} bytes, not ${size}`)
  }
}
