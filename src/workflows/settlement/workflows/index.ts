export * from "./charge-lot-cart"
export * from "./create-lot-cart"
export * from "./expire-lot-offer"
