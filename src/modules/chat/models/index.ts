export * from "./chat"
