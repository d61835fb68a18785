import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AUCTIONS_MODULE } from "../modules/auctions"
import type AuctionsModuleService from "../modules/auctions/service"
import { CHAT_MODULE } from "../modules/chat"
import type ChatModuleService from "../modules/chat/service"
import { disarmAll, tickClock } from "./auction-clock"
import { relayOrWarn } from "./auction-relay"
import { sweepShowMedia } from "./media/release-show-media"
import { checkPublisherGrace } from "./publisher-grace"
import { runSettlement } from "./settlement/run-settlement"

/**
 * The plugin's periodic work, on this process's own timers:
 * - the clock (every second): starts scheduled lots, arms close timers for lots ending soon;
 * - the relay (every second): publishes outbox events a failure left behind (Redis away, a crash);
 * - settlement (every 2 s): offers, deadlines, carts, charges;
 * - video (every second): a seller's video that dropped longer than the grace period is "lost";
 * - housekeeping (every minute): bid and chat-send answers older than a day are forgotten;
 * - media (every hour): show media on S3 that no show uses, a day old, is deleted.
 *
 * Why not Medusa's scheduled jobs: with the Redis workflow engine a job's schedule is a repeatable
 * BullMQ job stored in Redis, and a Redis that comes back empty (a failover, a flush, no
 * persistence) loses it until Medusa restarts. Lots then stopped starting and winners got no
 * offers (issue #11). A timer in the process cannot vanish that way. Every pass is idempotent and
 * safe in several processes at once, so each worker runs its own.
 */
export const LIVE_LOOPS: Loop[] = [
  // Called through arrows: auction-relay imports this file too, and is not loaded yet here.
  { name: "clock", everyMs: 1000, run: (c) => tickClock(c) },
  { name: "relay", everyMs: 1000, run: (c) => relayOrWarn(c) },
  { name: "settlement", everyMs: 2000, run: (c) => runSettlement(c) },
  { name: "video", everyMs: 1000, run: (c) => checkPublisherGrace(c) },
  // Bid and chat-send answers are kept a day for retries (Stripe keeps idempotency keys 24 hours).
  { name: "housekeeping", everyMs: 60_000, run: (c) => forgetOldAnswers(c) },
  // Uploads never attached, and replaced media whose delete failed (lib/media/release-show-media.ts).
  { name: "media", everyMs: 60 * 60_000, run: (c) => sweepShowMedia(c) },
]

const forgetOldAnswers = (c: MedusaContainer) =>
  Promise.all([c.resolve<AuctionsModuleService>(AUCTIONS_MODULE).pruneBidRequests(), c.resolve<ChatModuleService>(CHAT_MODULE).pruneSendRequests()])

type Loop = { name: string; everyMs: number; run: (container: MedusaContainer) => Promise<unknown> }

/** The running loops of this process, if any. */
let running: { stop: () => Promise<void> }[] | null = null

/**
 * Starts the loops once in this process, where Medusa runs background work (worker mode `shared`
 * or `worker`, not `server`), and stops them when the app shuts down. Cheap to call often: the
 * scheduled job and state-changing requests call it, so the loops start even if the job's
 * schedule is lost before its first run.
 */
export function ensureLiveLoops(container: MedusaContainer): void {
  if (running) {
    return
  }
  const { workerMode } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  if (workerMode === "server") {
    return
  }
  const auctions: AuctionsModuleService = container.resolve(AUCTIONS_MODULE)
  running = LIVE_LOOPS.map((loop) => schedule(container, loop))
  void auctions.whenShutDown().then(stopLiveLoops)
}

/**
 * Stops this process's loops and close timers, once their passes in flight are done (at shutdown,
 * and for tests that drive settlement step by step). False when none were running.
 */
export async function stopLiveLoops(): Promise<boolean> {
  const loops = running
  if (!loops) {
    return false
  }
  running = null
  disarmAll()
  await Promise.all(loops.map((loop) => loop.stop()))
  return true
}

/** Runs `loop` every `everyMs`, never two runs at once (a slow run delays the next one). */
function schedule(container: MedusaContainer, loop: Loop) {
  let timer: NodeJS.Timeout | null = null
  let stopped = false
  let inFlight: Promise<unknown> = Promise.resolve()
  const next = () => {
    if (!stopped) {
      timer = setTimeout(tick, loop.everyMs)
      timer.unref()
    }
  }
  const tick = () => {
    inFlight = loop
      .run(container)
      .catch((err: Error) =>
        container.resolve(ContainerRegistrationKeys.LOGGER).warn(`live-commerce: ${loop.name} pass failed, retrying: ${err.message}`)
      )
      .finally(next)
  }
  next()
  return {
    stop: async () => {
      stopped = true
      if (timer) {
        clearTimeout(timer)
      }
      await inFlight
    },
  }
}
