import { z } from "zod"
import { parseRoom } from "./rooms"

const RoomName = z
  .string()
  .max(80)
  .refine((name) => parseRoom(name) !== null, { message: "must be auction:<id>, show:<id>, user:<id> or seller:<id>" })

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
