/** Error codes sent in socket acks and `connect_error` data. Declared once, used everywhere. */
export const RealtimeErrorCodes = {
  invalid_payload: "invalid_payload",
  unauthorized: "unauthorized",
  unknown_error: "unknown_error",
} as const

export type RealtimeErrorCode = (typeof RealtimeErrorCodes)[keyof typeof RealtimeErrorCodes]
