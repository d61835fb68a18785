/**
 * Room names, declared once. Public rooms: a lot's and a show's. Private: a customer's own
 * (`user:`) and a seller's console (`seller:`), joined only with a matching token.
 */
export const rooms = {
  auction: (id: string) => `auction:${id}` as const,
  show: (id: string) => `show:${id}` as const,
  user: (customerId: string) => `user:${customerId}` as const,
  seller: (sellerId: string) => `seller:${sellerId}` as const,
}

export type RoomKind = keyof typeof rooms
export type RoomName = ReturnType<(typeof rooms)[RoomKind]>

/**
 * The id each kind of room is named by: a Medusa id (its model's prefix, then a ULID), so a
 * made-up name is refused before anything is looked up. Lots are `auc_…`, shows `show_…`,
 * customers `cus_…` and admin users (sellers) `user_…`.
 */
export const ROOM_IDS: Record<RoomKind, RegExp> = {
  auction: /^auc_[A-Za-z0-9]{1,60}$/,
  show: /^show_[A-Za-z0-9]{1,59}$/,
  user: /^cus_[A-Za-z0-9]{1,60}$/,
  seller: /^user_[A-Za-z0-9]{1,59}$/,
}

const ROOM_NAME = /^(auction|show|user|seller):(.*)$/

/** Splits "auction:auc_123" into its kind and id; null for anything else. */
export function parseRoom(name: string): { kind: RoomKind; id: string } | null {
  const match = ROOM_NAME.exec(name)
  if (!match) {
    return null
  }
  const kind = match[1] as RoomKind
  return ROOM_IDS[kind].test(match[2]) ? { kind, id: match[2] } : null
}
