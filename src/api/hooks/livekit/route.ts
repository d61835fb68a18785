import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STREAMS_MODULE } from "../../../modules/streams"
import type StreamsModuleService from "../../../modules/streams/service"
import { applyVideoWebhookWorkflow } from "../../../workflows"

/** A webhook body is a few KiB; more is not LiveKit. */
const MAX_BODY_BYTES = 1024 * 1024

/**
 * LiveKit's webhooks (room started/finished, participant joined/left, egress ended). The
 * signature is checked against the raw body with LiveKit's `WebhookReceiver` before anything is
 * read from it: a bad one is a 400 `invalid_signature` and changes nothing. A repeated event
 * (LiveKit retries) is answered 200 and changes nothing twice.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const streams = req.scope.resolve<StreamsModuleService>(STREAMS_MODULE)
  const input = await streams.receiveVideoWebhook(await rawBody(req), req.headers.authorization)
  const { result } = await applyVideoWebhookWorkflow(req.scope).run({ input })
  res.json({ ok: true, duplicate: result.duplicate })
}

/**
 * The body as LiveKit signed it. Medusa keeps it for JSON (`preserveRawBody` in middlewares.ts);
 * LiveKit sends `application/webhook+json`, which no parser of Medusa's reads, so then the
 * request stream is read here.
 */
async function rawBody(req: MedusaRequest): Promise<string> {
  if (Buffer.isBuffer(req.rawBody)) {
    return req.rawBody.toString("utf8")
  }
  if (typeof req.body === "string") {
    return req.body
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) {
      break
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString("utf8")
}
