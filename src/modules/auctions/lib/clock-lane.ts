import { knex as createKnex, type Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * Connections of the clock's own, beside Medusa's shared pool, for closing lots. At the end of a
 * hot lot every pooled connection is held by a bid and more bids queue for one: a close taking its
 * turn in that queue came hundreds of milliseconds late (bench:bids under 32 concurrent bidders:
 * median 271 ms, max 457 ms, where a bare timer with its own connection took 61 ms at most). On
 * its own lane the close waits only for the lot's row lock, which each bid holds for milliseconds.
 */
export class ClockLane {
  private knex_: Knex | undefined

  /** `shared`: Medusa's knex, whose connection settings (URL, SSL, schema) the lane copies. */
  constructor(private readonly shared: () => Knex) {}

  get(): Knex {
    if (!this.knex_) {
      const { client, connection, searchPath } = this.shared().client.config as Knex.Config
      // Two: lots ending together close side by side; idle ones are let go after a minute.
      this.knex_ = createKnex({ client, connection, searchPath, pool: { min: 0, max: 2, idleTimeoutMillis: 60_000 } })
    }
    return this.knex_
  }

  async close(): Promise<void> {
    const knex = this.knex_
    this.knex_ = undefined
    await knex?.destroy()
  }
}
