import type { Ack } from "./ack"

/** Sent by the server. (Lot, show and chat events join as their features land.) */
export interface ServerToClientEvents {}

/** Sent by clients; every call is answered through its ack. */
export interface ClientToServerEvents {
  /**
   * Reads the server clock so clients can correct countdowns:
   * offset ≈ server_time + round_trip / 2 − local_time.
   */
  "time:sync": (ack: Ack<{ server_time: number }>) => void
}

/** Between sidecar processes (through the adapter). */
export interface InterServerEvents {}

/** What the server knows about each connection after the handshake. */
export interface SocketData {
  connected_at: number
}
