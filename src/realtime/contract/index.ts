/**
 * The realtime contract shared by the plugin, the sidecar and storefronts
 * (`import type { ServerToClientEvents } from "medusa-plugin-live-commerce/realtime/contract"`).
 * It must import nothing but zod.
 */
export * from "./ack"
export * from "./chat"
export * from "./admin-api"
export * from "./deliveries"
export * from "./errors"
export * from "./events"
export * from "./live-events"
export * from "./payloads"
export * from "./rooms"
export * from "./store-api"
export * from "./transport"
