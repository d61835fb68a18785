import { z } from "zod"
import { ChatSendPayload } from "./chat"
import { parseRoom } from "./rooms"

const RoomName = z
  .string()
  .max(80)
  .refine((name) => parseRoom(name) !== null, {
    message: "must be auction:auc_<id>, show:show_<id>, user:cus_<id> or seller:user_<id>",
  })

export const JoinRoomPayload = z
  .object({
    room: RoomName,
    /** The last `seq` this client saw in the room; omitted on a first join. */
    last_seq: z.int().min(0).optional(),
  })
  .strict()
export type JoinRoomPayload = z.infer<typeof JoinRoomPayload>

export const LeaveRoomPayload = z.object({ room: RoomName }).strict()
export type LeaveRoomPayload = z.infer<typeof LeaveRoomPayload>

/**
 * Every client→server event and the arguments it takes before its ack, declared once: the
 * sidecar registers exactly these events and parses each call with its tuple, and
 * `ClientToServerEvents` is derived from it, so an event cannot exist without its schema.
 * Strict: extra arguments, or a payload where none is expected, are `invalid_payload`.
 */
export const ClientToServerPayloads = {
  /** No arguments: the server's clock comes back in the ack. */
  "time:sync": z.tuple([]),
  "room:join": z.tuple([JoinRoomPayload]),
  "room:leave": z.tuple([LeaveRoomPayload]),
  /** Sends a chat message to a show (a logged-in customer): the Store API's rules and codes. */
  "chat:send": z.tuple([ChatSendPayload]),
} satisfies Record<string, z.ZodTuple>

export type ClientEventName = keyof typeof ClientToServerPayloads
