import { model } from "@medusajs/framework/utils"

/** A customer who may not bid (fraud, unpaid wins, abuse). */
export const BidderBlock = model
  .define(
    { tableName: "live_bidder_block", name: "BidderBlock" },
    {
      id: model.id({ prefix: "bblk" }).primaryKey(),
      customer_id: model.text(),
      reason: model.text().nullable(),
      /** Null = until lifted. */
      expires_at: model.dateTime().nullable(),
    }
  )
  .indexes([{ on: ["customer_id"], unique: true }])
