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

const ROOM_PATTERN = /^(auction|show|user|seller):([A-Za-z0-9_-]{1,64})$/

/** Splits "auction:auc_123" into its kind and id; null for anything else. */
export function parseRoom(name: string): { kind: RoomKind; id: string } | null {
  const match = ROOM_PATTERN.exec(name)
  return match ? { kind: match[1] as RoomKind, id: match[2] } : null
}
