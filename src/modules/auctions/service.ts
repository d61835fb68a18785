import type { Context } from "@medusajs/framework/types"
import type { Knex, SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { LiveCommerceOptions, parseLiveCommerceOptions } from "../../lib/options"
import type { LotDefaults, PublicLot } from "./lib/lot-row"
import { drainOutbox, type ClaimedEvent } from "./lib/outbox"
import { answerBid, pruneBidRequests, type BidReply } from "./lib/bid-requests"
import type { PlaceBidInput } from "./lib/place-bid"
import { cancelLot, closeLotIfDue, rerunLot, startLot, type TransitionResult } from "./lib/transitions"
import {
  attachOfferCart,
  detachOfferCart,
  giveUpCartCharge,
  recordCartFailure,
  releaseCartCharge,
  revertExpiry,
  claimCartCharge,
  claimDueReminders,
  expireOffer,
  listChargeableCarts,
  listOffersWithoutCart,
  listLinesToClear,
  listOverdueOffers,
  listPendingOffersWithCart,
  markLineCleared,
  markOfferPaid,
  openSettlements,
  recordCartCharge,
  type ExpiryResult,
  type OfferRow,
  type PaidResult,
} from "./lib/settlement"
import { Auction, AuctionEvent, Bid, BidderBlock, BidRequest, LotOffer } from "./models"

export default class AuctionsModuleService extends MedusaService({ Auction, Bid, AuctionEvent, BidderBlock, LotOffer, BidRequest }) {
  protected readonly options_: LiveCommerceOptions

  constructor(container: Record<string, unknown>, options: unknown) {
    super(...arguments)
    this.options_ = parseLiveCommerceOptions(options)
    let shutDown: () => void = () => undefined
    this.shutDown_ = new Promise((resolve) => (shutDown = resolve))
    this.__hooks = {
      onApplicationShutdown: async () => {
        shutDown()
      },
    }
  }

  __hooks: { onApplicationShutdown?: () => Promise<void> }
  protected readonly shutDown_: Promise<void>

  /** Resolves when the app shuts down: the plugin's in-process loops stop then (lib/live-loops.ts). */
  async whenShutDown(): Promise<void> {
    return this.shutDown_
  }

  /** The validated plugin options (never the raw ones: Medusa adds the database URL there). */
  async getOptions(): Promise<LiveCommerceOptions> {
    return this.options_
  }

  /**
   * Decides a bid atomically and answers it, once per idempotency key (see lib/bid-requests.ts and
   * lib/place-bid.ts). The hot path: the key's claim and the read in one statement, the decision in
   * TypeScript, one write statement, and the answer recorded.
   */
  @InjectManager()
  async placeBid(input: PlaceBidInput, @MedusaContext() sharedContext: Context = {}): Promise<BidReply> {
    return answerBid(this.knex_(sharedContext), input, this.lotDefaults_())
  }

  /** Forgets bid answers older than a day (run by the clock). */
  @InjectManager()
  async pruneBidRequests(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    return pruneBidRequests(this.knex_(sharedContext))
  }

  @InjectManager()
  async startAuction(id: string, @MedusaContext() sharedContext: Context = {}): Promise<TransitionResult> {
    return startLot(this.knex_(sharedContext), id, this.lotDefaults_())
  }

  @InjectManager()
  async cancelAuction(id: string, @MedusaContext() sharedContext: Context = {}): Promise<TransitionResult> {
    return cancelLot(this.knex_(sharedContext), id, this.lotDefaults_())
  }

  /**
   * Cancels the lots a show still has lined up (`scheduled`), all or none, in the caller's
   * transaction when it passes one (Medusa's `transactionManager` in the shared context), else
   * in one of its own. Returns the lots cancelled.
   */
  @InjectManager()
  async cancelShowLots(showId: string, @MedusaContext() sharedContext: Context = {}): Promise<PublicLot[]> {
    return this.cancelShowLots_(showId, sharedContext)
  }

  @InjectTransactionManager()
  protected async cancelShowLots_(showId: string, @MedusaContext() sharedContext: Context = {}): Promise<PublicLot[]> {
    const trx = this.transaction_(sharedContext)
    const { rows } = await trx.raw(
      `select id from live_auction where show_id = ? and status = 'scheduled' and deleted_at is null order by id for update`,
      [showId]
    )
    const cancelled: PublicLot[] = []
    for (const { id } of rows as { id: string }[]) {
      const result = await cancelLot(trx, id, this.lotDefaults_())
      if (!result.ok) {
        throw new MedusaError(MedusaError.Types.CONFLICT, `Lot ${id} of show ${showId} could not be cancelled: ${result.message}`)
      }
      cancelled.push(result.lot)
    }
    return cancelled
  }

  @InjectManager()
  async rerunAuction(id: string, @MedusaContext() sharedContext: Context = {}): Promise<TransitionResult> {
    return rerunLot(this.knex_(sharedContext), id, this.lotDefaults_())
  }

  /** Closes the lot if its end has passed; null when it was not due (or not live). */
  @InjectManager()
  async closeAuctionIfDue(id: string, @MedusaContext() sharedContext: Context = {}): Promise<PublicLot | null> {
    return closeLotIfDue(this.knex_(sharedContext), id, this.lotDefaults_())
  }

  /** Live lots ending before `withinMs` from now (overdue ones included), soonest first. */
  @InjectManager()
  async listLotsEndingWithin(
    withinMs: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; ends_at: Date; db_now: Date }[]> {
    const { rows } = await this.knex_(sharedContext).raw(
      `select id, ends_at, clock_timestamp() as db_now from live_auction
       where status = 'live' and deleted_at is null
         and ends_at < clock_timestamp() + make_interval(secs => ?)
       order by ends_at limit 1000`,
      [withinMs / 1000]
    )
    return rows
  }

  /** Scheduled lots whose start time has come. */
  @InjectManager()
  async listScheduledLotsDue(@MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const { rows } = await this.knex_(sharedContext).raw(
      `select id from live_auction where status = 'scheduled' and deleted_at is null
         and scheduled_at <= clock_timestamp() order by scheduled_at limit 100`
    )
    return rows.map((r: { id: string }) => r.id)
  }

  /** The end of a live lot with the database clock; null if the lot is not live. */
  @InjectManager()
  async getLiveLotEnd(
    id: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; ends_at: Date; db_now: Date } | null> {
    const { rows } = await this.knex_(sharedContext).raw(
      `select id, ends_at, clock_timestamp() as db_now from live_auction
       where id = ? and status = 'live' and deleted_at is null`,
      [id]
    )
    return rows[0] ?? null
  }

  /**
   * Hands committed outbox events to `publish` in order, batch by batch, with the transaction
   * that marks them published (see lib/outbox.ts; the live-events pipeline joins it).
   */
  @InjectManager()
  async relayEvents(
    publish: (events: ClaimedEvent[], transaction: Knex.Transaction) => Promise<void>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    return drainOutbox(this.knex_(sharedContext), publish)
  }

  /** Sold lots without a settlement get their winner's offer (see lib/settlement.ts). */
  @InjectManager()
  async openSettlements(auctionId?: string, @MedusaContext() sharedContext: Context = {}): Promise<OfferRow[]> {
    return openSettlements(this.knex_(sharedContext), this.options_.settlement, auctionId)
  }

  @InjectManager()
  async listOverdueOffers(@MedusaContext() sharedContext: Context = {}): Promise<OfferRow[]> {
    return listOverdueOffers(this.knex_(sharedContext))
  }

  /** Forfeits an overdue offer and offers the lot to the next runner-up, if any. */
  @InjectManager()
  async expireOffer(offerId: string, @MedusaContext() sharedContext: Context = {}): Promise<ExpiryResult | null> {
    return expireOffer(this.knex_(sharedContext), offerId, this.options_.settlement)
  }

  /** Undoes `expireOffer` when a later step of the lapse fails. */
  @InjectManager()
  async revertExpiry(result: ExpiryResult, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await revertExpiry(this.knex_(sharedContext), result)
  }

  @InjectManager()
  async markOfferPaid(
    offerId: string,
    orderId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PaidResult> {
    return markOfferPaid(this.knex_(sharedContext), offerId, orderId)
  }

  @InjectManager()
  async claimDueReminders(@MedusaContext() sharedContext: Context = {}): Promise<OfferRow[]> {
    return claimDueReminders(this.knex_(sharedContext), this.options_.settlement)
  }

  /** Pending offers whose cart is still to be made (a failed attempt is retried up to 5 times). */
  @InjectManager()
  async listOffersWithoutCart(exclude: string[] = [], @MedusaContext() sharedContext: Context = {}): Promise<OfferRow[]> {
    return listOffersWithoutCart(this.knex_(sharedContext), exclude)
  }

  /** Pending offers that have a cart, oldest first, a page after `after` (to reconcile with orders). */
  @InjectManager()
  async listPendingOffersWithCart(
    after: Pick<OfferRow, "created_at" | "id"> | null,
    take: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OfferRow[]> {
    return listPendingOffersWithCart(this.knex_(sharedContext), after, take)
  }

  /** Lapsed or cancelled offers whose line may still be in their buyer's cart. */
  @InjectManager()
  async listLinesToClear(@MedusaContext() sharedContext: Context = {}): Promise<OfferRow[]> {
    return listLinesToClear(this.knex_(sharedContext))
  }

  @InjectManager()
  async markLineCleared(offerId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await markLineCleared(this.knex_(sharedContext), offerId)
  }

  /** Carts whose lots may be charged off-session now (see lib/settlement.ts). */
  @InjectManager()
  async listChargeableCarts(@MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return listChargeableCarts(this.knex_(sharedContext))
  }

  /** Claims a cart's never-charged offers for one off-session charge attempt (see lib/settlement.ts). */
  @InjectManager()
  async claimCartCharge(cartId: string, @MedusaContext() sharedContext: Context = {}): Promise<OfferRow[]> {
    return claimCartCharge(this.knex_(sharedContext), cartId)
  }

  /** Gives a claim back after a failed, undone attempt (see lib/settlement.ts). */
  @InjectManager()
  async releaseCartCharge(offerIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await releaseCartCharge(this.knex_(sharedContext), offerIds)
  }

  /** The outcome of a claimed charge, on the offers still claimed for it; returns those. */
  @InjectManager()
  async recordCartCharge(
    offerIds: string[],
    outcome: { status: string; error?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OfferRow[]> {
    return recordCartCharge(this.knex_(sharedContext), offerIds, outcome)
  }

  /** A cart whose charge attempts are used up is left to the buyer's checkout (see lib/settlement.ts). */
  @InjectManager()
  async giveUpCartCharge(cartId: string, error: string | null, @MedusaContext() sharedContext: Context = {}): Promise<OfferRow[]> {
    return giveUpCartCharge(this.knex_(sharedContext), cartId, error)
  }

  /** Records the cart a pending offer's lot is in; throws if it already has one or is not pending. */
  @InjectManager()
  async attachOfferCart(offerId: string, cartId: string, @MedusaContext() sharedContext: Context = {}): Promise<OfferRow> {
    return attachOfferCart(this.knex_(sharedContext), offerId, cartId)
  }

  @InjectManager()
  async detachOfferCart(offerId: string, cartId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await detachOfferCart(this.knex_(sharedContext), offerId, cartId)
  }

  /** Counts a failed attempt at an offer's cart (only while it has none). */
  @InjectManager()
  async recordCartFailure(offerId: string, error: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await recordCartFailure(this.knex_(sharedContext), offerId, error)
  }

  protected lotDefaults_(): LotDefaults {
    return {
      increments: this.options_.auctions.increments,
      softCloseSeconds: this.options_.auctions.softCloseSeconds,
    }
  }

  /** The knex transaction `@InjectTransactionManager` put in the context (the caller's, or a new one). */
  protected transaction_(context: { transactionManager?: unknown }): Knex.Transaction {
    const manager = context.transactionManager as SqlEntityManager
    return manager.getTransactionContext<Knex.Transaction>()!
  }

  /** The knex of the manager `@InjectManager` put in the context (the hot path speaks SQL). */
  protected knex_(context: { manager?: unknown }) {
    return (context.manager as SqlEntityManager).getKnex()
  }
}
