export * from "./auctions/workflows"
export * from "./settlement/workflows"
export * from "./streams/workflows"
export * from "./chat/workflows"
