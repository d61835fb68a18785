export * from "./auctions/workflows"
export * from "./settlement/workflows"
