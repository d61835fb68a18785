export * from "./auctions/workflows"
