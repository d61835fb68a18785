import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import { parseLiveCommerceOptions } from "../../lib/options"
import type { LiveMessage } from "../../realtime/contract/transport"
import { notifyOnPostgres } from "./lib/pg-notify-transport"
import { createRedisTransport, type RedisTransport } from "./lib/redis-transport"

type InjectedDependencies = { __pg_connection__: Knex }

/** A transaction as callers hold one: Medusa's entity manager (a module's context) or a knex one. */
type CallerTransaction = { getTransactionContext?: () => Knex.Transaction | undefined } | Knex.Transaction

/**
 * The way to the realtime sidecars, one for every module: lot events the auctions outbox relays,
 * private notices, show status, and next chat and video. PostgreSQL NOTIFY by default (one
 * sidecar LISTENs), Redis pub/sub with `realtime.redisUrl` (N sidecars). Modules still meet only
 * through workflows and subscribers: they hand their messages to this service there.
 */
export default class LiveEventsModuleService {
  protected readonly db_: Knex
  protected readonly redis_: RedisTransport | null

  constructor({ __pg_connection__ }: InjectedDependencies, options: unknown) {
    this.db_ = __pg_connection__
    const redisUrl = parseLiveCommerceOptions(options).realtime.redisUrl
    this.redis_ = redisUrl ? createRedisTransport(redisUrl) : null
    this.__hooks = { onApplicationShutdown: async () => this.redis_?.close() }
  }

  __hooks: { onApplicationShutdown?: () => Promise<void> }

  /** Which transport carries the messages: for `/store/live/config`-like diagnostics and tests. */
  transport(): "redis" | "pg_notify" {
    return this.redis_ ? "redis" : "pg_notify"
  }

  /**
   * Sends messages to the sidecars, in order. Given the caller's transaction (Medusa's
   * `transactionManager` in the shared context, or a knex transaction), NOTIFY joins it: the
   * messages leave when it commits and never if it rolls back. Redis has no transaction: its
   * message leaves now, and a failure throws, so a caller in a transaction (the outbox relay)
   * rolls back and retries. Without a transaction, NOTIFY goes out at once on the pool.
   */
  async publish(messages: LiveMessage[], sharedContext: Context = {}): Promise<void> {
    if (!messages.length) {
      return
    }
    if (this.redis_) {
      await this.redis_.send(messages)
      return
    }
    await notifyOnPostgres(this.callerTransaction_(sharedContext) ?? this.db_, messages)
  }

  protected callerTransaction_(context: Context): Knex.Transaction | null {
    const manager = context.transactionManager as CallerTransaction | undefined
    if (!manager) {
      return null
    }
    if (typeof (manager as { getTransactionContext?: unknown }).getTransactionContext === "function") {
      return (manager as { getTransactionContext: () => Knex.Transaction | undefined }).getTransactionContext() ?? null
    }
    return manager as Knex.Transaction
  }
}
